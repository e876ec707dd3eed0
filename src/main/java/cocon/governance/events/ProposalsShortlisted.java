package cocon.governance.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * The steering committee recorded a shortlist decision (a correction supersedes an earlier decision and lists the full new shortlist).

 @param supersedes the decision this one corrects, or {@literal null}
 */
public record ProposalsShortlisted(java.util.UUID decisionId, CampaignId campaignId, List<ShortlistedProposal> proposals, String rationale, java.util.UUID supersedes, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {

	/** A retained proposal, with what listeners need to show it. */
	public record ShortlistedProposal(ProposalId proposalId, String title) {
	}
}
