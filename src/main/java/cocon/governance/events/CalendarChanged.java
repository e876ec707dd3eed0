package cocon.governance.events;

/**
 * The calendar of a campaign changed (a window extended or closed early): the snapshot is the whole campaign with
 * its new calendar, as of the change; modules replace their copy unless they hold a newer one.
 */
public record CalendarChanged(CampaignSnapshot campaign, String changedBy) implements CampaignEvent {

	public CalendarChanged {
		if (campaign == null) {
			throw new IllegalArgumentException("L'événement porte la campagne.");
		}
	}
}
