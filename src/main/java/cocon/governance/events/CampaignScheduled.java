package cocon.governance.events;

/**
 * An administrator created a campaign: every module keeps its own copy of what it needs from the snapshot (calendar,
 * themes, eligibility); {@code campaign.asOf()} is when it was scheduled.
 */
public record CampaignScheduled(CampaignSnapshot campaign) implements CampaignEvent {

	public CampaignScheduled {
		if (campaign == null) {
			throw new IllegalArgumentException("L'événement porte la campagne.");
		}
	}
}
