package cocon.voting.opendata;

/** How voting's datasets write the texts a collectivité may leave blank. */
final class Codes {

	private Codes() {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
