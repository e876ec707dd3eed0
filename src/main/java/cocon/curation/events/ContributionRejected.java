package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;

/**
 * A curator rejected a contribution as ineligible, with the reason.
 */
public record ContributionRejected(ContributionId contributionId, CampaignId campaignId, String reason, String decidedBy, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {
}
