package cocon.governance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The record of a campaign's decisions as administrators and the committee's members see it, usernames included;
 * {@link #published} gives it as the public sees it.
 */
record DecisionsView(UUID campaignId, String campaignTitle, long envelopeEuros, long totalFundedEuros,
		long remainingEuros, List<DecisionRecords.ShortlistView.Proposal> shortlist,
		List<DecisionRecords.ShortlistView> shortlistDecisions, List<DecisionRecords.FundedView> fundedProjects) {

	/**
	 * The public record: who took part in a decision, stepped out of it or recorded it is said by the organisation
	 * they represent, never by username (ProConnect subjects in production, ADR 12).
	 *
	 * @param history every naming of the committee, the current one first
	 */
	PublicDecisions published(List<Committee.Naming> history) {
		var organisations = new HashMap<String, String>();
		// the earliest naming first, so that a member's latest organisation wins
		var earliestFirst = new ArrayList<>(history);
		Collections.reverse(earliestFirst);
		earliestFirst.forEach(c -> c.members().forEach(m -> organisations.put(m.username(), m.organisation())));
		java.util.function.Function<String, String> organisation = username -> organisations.getOrDefault(username,
				PublicDecisions.COMMITTEE);
		return new PublicDecisions(campaignId, campaignTitle, envelopeEuros, totalFundedEuros, remainingEuros, shortlist,
				shortlistDecisions.stream().map(d -> new PublicDecisions.Shortlist(d.id(), d.rationale(),
						organisation.apply(d.decidedBy()), d.decidedAt(), d.supersedes(), d.supersededBy(), d.current(),
						d.proposals(), d.presentMembers().stream().map(m -> new PublicDecisions.Member(m.organisation())).toList(),
						d.steppedOut().stream().map(o -> new PublicDecisions.SteppedOut(o.proposalId(), o.title(),
								organisation.apply(o.username()))).toList()))
						.toList(),
				fundedProjects.stream().map(f -> new DecisionRecords.FundedView(f.id(), f.decisionId(), f.proposalId(),
						f.proposalTitle(), f.provider(), f.title(), f.budgetEuros(), organisation.apply(f.decidedBy()),
						f.decidedAt(), f.milestones())).toList());
	}

	/** {@link DecisionsView} as the public sees it: organisations instead of usernames. */
	record PublicDecisions(UUID campaignId, String campaignTitle, long envelopeEuros, long totalFundedEuros,
			long remainingEuros, List<DecisionRecords.ShortlistView.Proposal> shortlist,
			List<Shortlist> shortlistDecisions, List<DecisionRecords.FundedView> fundedProjects) {

		/** Who recorded a decision when their organisation is unknown (a member since removed from every naming). */
		static final String COMMITTEE = "Comité de pilotage";

		record Member(String organisation) {
		}

		record SteppedOut(UUID proposalId, String title, String organisation) {
		}

		record Shortlist(UUID id, String rationale, String decidedBy, String decidedAt, UUID supersedes,
				UUID supersededBy, boolean current, List<DecisionRecords.ShortlistView.Proposal> proposals,
				List<Member> presentMembers, List<SteppedOut> steppedOut) {
		}
	}
}
