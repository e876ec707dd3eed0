package cocon.governance.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * The steering committee funded projects answering shortlisted proposals, inside the envelope.
 */
public record ProjectsFunded(java.util.UUID decisionId, CampaignId campaignId, List<FundedProject> projects, long envelopeEuros, long remainingEuros, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {

	/** A funded project: the provider's offer answering a shortlisted proposal. */
	public record FundedProject(java.util.UUID projectId, ProposalId proposalId, String provider, String title,
			long budgetEuros) {
	}
}
