package cocon.shared;

/** The kinds of organisation the consultation distinguishes, from the collectivités directory. */
public enum CollectiviteKind {

	COMMUNE("Commune"),
	EPCI("Groupement (EPCI)"),
	DEPARTEMENT("Département"),
	REGION("Région"),
	/** Collectivités à statut particulier, collectivités territoriales uniques and d'outre-mer. */
	COLLECTIVITE_PARTICULIERE("Collectivité à statut particulier"),
	/** Any other organisation (State services, associations, companies, …). */
	OTHER("Autre organisation");

	private final String label;

	CollectiviteKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether this kind is a collectivité territoriale (communes, départements, régions, statut particulier). */
	public boolean isCollectiviteTerritoriale() {
		return this == COMMUNE || this == DEPARTEMENT || this == REGION || this == COLLECTIVITE_PARTICULIERE;
	}
}
