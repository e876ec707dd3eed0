package cocon.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cocon.shared.Refusal;

/** A submission with missing or wrong fields: nothing is stored. */
class InvalidSubmissionException extends Refusal.Invalid {

	private final Map<String, String> problems;
	private final List<String> themes;

	InvalidSubmissionException(Map<String, String> problems, List<String> themes) {
		super("Contribution invalide", "La contribution comporte des erreurs : " + String.join(" ", problems.values()),
				problems.entrySet().stream().map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList());
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
		this.themes = List.copyOf(themes);
		if (problems.containsKey("theme")) {
			with("allowedThemes", this.themes);
		}
	}

	/** The problems by field, in the order of the form. */
	Map<String, String> problems() {
		return problems;
	}

	/** The themes of the campaign, to help the author choose. */
	List<String> themes() {
		return themes;
	}
}
