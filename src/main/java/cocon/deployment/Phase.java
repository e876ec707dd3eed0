package cocon.deployment;

/** The phases of a service, in their order; {@link #ARRETE} ends it from any phase, with a reason. */
enum Phase {

	EN_CONSTRUCTION("En construction"),
	EN_EXPERIMENTATION("En expérimentation"),
	DISPONIBLE("Disponible"),
	GENERALISE("Généralisé"),
	ARRETE("Arrêté");

	private final String label;

	Phase(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	/** The phase that follows this one, or null for the last ones. */
	Phase next() {
		return switch (this) {
			case EN_CONSTRUCTION -> EN_EXPERIMENTATION;
			case EN_EXPERIMENTATION -> DISPONIBLE;
			case DISPONIBLE -> GENERALISE;
			case GENERALISE, ARRETE -> null;
		};
	}

	/** Whether experimentation territories may still give or edit their feedback. */
	boolean acceptsFeedback() {
		return this == EN_CONSTRUCTION || this == EN_EXPERIMENTATION;
	}

	/** The DSFR badge colour of the phase. */
	String badge() {
		return switch (this) {
			case EN_CONSTRUCTION -> "fr-badge--new";
			case EN_EXPERIMENTATION -> "fr-badge--info";
			case DISPONIBLE, GENERALISE -> "fr-badge--success";
			case ARRETE -> "fr-badge--error";
		};
	}

	static Phase parse(String value) {
		for (var phase : values()) {
			if (phase.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return phase;
			}
		}
		return null;
	}
}
