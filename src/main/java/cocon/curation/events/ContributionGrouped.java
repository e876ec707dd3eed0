package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;

/**
 * A curator grouped a contribution into a proposal (also when a grouping is corrected or proposals are merged).
 */
public record ContributionGrouped(ContributionId contributionId, CampaignId campaignId, ProposalId proposalId, String proposalTitle, String decidedBy, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {
}
