package cocon.intake.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;

/**
 * Its author withdrew a contribution that was still waiting to be triaged: it is no longer to be triaged, counted nor
 * grouped. Who withdrew it stays in intake.
 */
public record ContributionWithdrawn(ContributionId contributionId, CampaignId campaignId, Instant withdrawnAt)
		implements org.jmolecules.event.types.DomainEvent {
}
