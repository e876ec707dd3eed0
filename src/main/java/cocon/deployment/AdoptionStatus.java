package cocon.deployment;

import java.util.Arrays;

/** Where a collectivité stands with a service, as it declares it. */
enum AdoptionStatus {

	INTERESSEE("Intéressée"),
	EN_TEST("En test"),
	EN_SERVICE("En service"),
	ABANDONNEE("Abandonnée");

	private final String label;

	AdoptionStatus(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	/** The status of that name, or null when there is none (the caller refuses it with the allowed values). */
	static AdoptionStatus parse(String value) {
		return Arrays.stream(values()).filter(status -> status.name().equals(value == null ? "" : value.strip()))
				.findFirst().orElse(null);
	}

	static String allowed() {
		return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
	}
}
