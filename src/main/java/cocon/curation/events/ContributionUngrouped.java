package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;

/**
 * A curator undid a grouping: the contribution left the (draft) proposal and is pending again, back in the triage
 * queue. What a {@link ContributionGrouped} told before no longer holds for it.
 *
 * @param proposalId the proposal it left
 * @param proposalTitle the title of that proposal at the time
 */
public record ContributionUngrouped(ContributionId contributionId, CampaignId campaignId, ProposalId proposalId,
		String proposalTitle, String decidedBy, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {
}
