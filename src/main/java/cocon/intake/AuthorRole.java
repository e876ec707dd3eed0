package cocon.intake;

import java.util.Arrays;
import java.util.Optional;

/** What the author of a contribution is in their organisation. */
enum AuthorRole {

	ELU("Élu ou élue"), AGENT("Agent"), PARTENAIRE("Partenaire");

	private final String label;

	AuthorRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The role named by the given text (case and surrounding spaces ignored). */
	static Optional<AuthorRole> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		var name = text.trim();
		return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(name)).findFirst();
	}

	static String expected() {
		return "ELU, AGENT ou PARTENAIRE";
	}
}
