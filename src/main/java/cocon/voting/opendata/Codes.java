package cocon.voting.opendata;

import cocon.shared.opendata.DatasetRows;

import java.util.List;

import cocon.shared.CollectiviteKind;

/** The codes the open data write for kinds of collectivité: lower case, French, stable. */
final class Codes {

	static final List<String> KINDS = List.of("commune", "epci", "departement", "region",
			"collectivite-statut-particulier", "autre");

	private Codes() {
	}

	static String kind(String storedKind) {
		return switch (CollectiviteKind.valueOf(storedKind)) {
			case COMMUNE -> "commune";
			case EPCI -> "epci";
			case DEPARTEMENT -> "departement";
			case REGION -> "region";
			case COLLECTIVITE_PARTICULIERE -> "collectivite-statut-particulier";
			case OTHER -> "autre";
		};
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
