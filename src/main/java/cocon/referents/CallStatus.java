package cocon.referents;

import java.time.Instant;

/** The status of a call as people see it: its own state and the campaign's applications window. */
enum CallStatus {

	UPCOMING("À venir", "fr-badge--info"),
	OPEN("Ouvert", "fr-badge--success"),
	CLOSED("Clos", "fr-badge--warning"),
	CANCELLED("Annulé", "fr-badge--error");

	private final String label;
	private final String badge;

	CallStatus(String label, String badge) {
		this.label = label;
		this.badge = badge;
	}

	String label() {
		return label;
	}

	String badge() {
		return badge;
	}

	/** Thymeleaf reads properties: expose the label as a getter too. */
	public String getLabel() {
		return label;
	}

	public String getBadge() {
		return badge;
	}

	static CallStatus of(boolean cancelled, CampaignRules campaign, Instant now) {
		if (cancelled) {
			return CANCELLED;
		}
		if (campaign == null || campaign.applications().isAhead(now)) {
			return UPCOMING;
		}
		return campaign.applications().isOver(now) ? CLOSED : OPEN;
	}
}
