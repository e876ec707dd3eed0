package cocon.governance.events;

/**
 * What the two campaign events have in common: each carries the whole campaign as of its instant (ADR 0018), so a
 * module that keeps a copy listens to this type once and keeps the newest snapshot, whichever event brought it.
 */
public sealed interface CampaignEvent extends org.jmolecules.event.types.DomainEvent
		permits CampaignScheduled, CalendarChanged {

	/** The whole campaign, with the instant it stands as of. */
	CampaignSnapshot campaign();
}
