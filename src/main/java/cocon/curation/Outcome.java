package cocon.curation;

/** The outcome of the triage of a contribution: exactly one at a time (invariant 3). */
enum Outcome {

	PENDING("En attente"), GROUPED("Regroupée"), REORIENTED("Réorientée"), REJECTED("Rejetée");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
