package cocon.governance.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cocon.shared.*;

/**
 * An administrator created a campaign: every module keeps its own copy of what it needs (calendar, themes, eligibility).
 */
public record CampaignScheduled(CampaignId campaignId, String title, List<String> themes, Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar, long envelopeEuros, Instant scheduledAt, boolean contributionTextsPublic) implements org.jmolecules.event.types.DomainEvent {

	/** A campaign that keeps the texts of its contributions private (the default). */
	public CampaignScheduled(CampaignId campaignId, String title, List<String> themes,
			Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar,
			long envelopeEuros, Instant scheduledAt) {
		this(campaignId, title, themes, supportKinds, workingGroupKinds, calendar, envelopeEuros, scheduledAt, false);
	}
}
