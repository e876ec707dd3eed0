package cocon.shared.identity;

/**
 * Platform-wide roles. Committee membership is per campaign and belongs to governance, not here.
 */
public enum Role {

	/** Campaigns, calendars, roles and reference data. */
	ADMINISTRATOR,
	/** ANCT staff who triage contributions and build proposals. */
	CURATOR,
	/** Any signed-in person acting for an organisation (élu, agent, partenaire). */
	AGENT;

	/** The Spring Security authority of the role, e.g. {@code ROLE_CURATOR}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
