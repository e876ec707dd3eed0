package cocon.demo;

/** A collectivité of the directory, as the replay reads it (anyone may). */
record Org(String siren, String name, String kind, long population, String departement) {

	/** Its agent among the demo identities. */
	String agent() {
		return "agent-" + siren;
	}
}
