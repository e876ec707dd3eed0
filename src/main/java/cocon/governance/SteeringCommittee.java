package cocon.governance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;

/**
 * The steering committee's use cases. Each loads the campaign's {@link Committee}, lets it decide (its methods hold
 * the rules, conflicts of interest included) and stores what it decided; decisions lock the campaign's row, so
 * that two of them never interleave.
 */
@Service
class SteeringCommittee {

	static final double DEFAULT_SUPPORTS_WEIGHT = DecisionInputs.DEFAULT_SUPPORTS_WEIGHT;
	static final double DEFAULT_MATURITY_WEIGHT = DecisionInputs.DEFAULT_MATURITY_WEIGHT;

	private final Campaigns campaigns;
	private final Committees committees;
	private final DecisionRecords records;
	private final ProposalBook proposals;
	private final Clock clock;

	SteeringCommittee(Campaigns campaigns, Committees committees, DecisionRecords records, ProposalBook proposals,
			Clock clock) {
		this.campaigns = campaigns;
		this.committees = committees;
		this.records = records;
		this.proposals = proposals;
		this.clock = clock;
	}

	@Transactional
	Committee.Naming appoint(CampaignId id, List<Committee.Member> members, String by) {
		campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		var named = Committee.appoint(id, members, by, clock.instant()).naming();
		committees.appoint(named);
		return named;
	}

	@Transactional(readOnly = true)
	List<Committee.Naming> committeeHistory(CampaignId id) {
		campaign(id);
		return committees.history(id);
	}

	/** The current members, none while the committee is not named. */
	@Transactional(readOnly = true)
	List<Committee.Member> members(CampaignId id) {
		return committees.current(id).map(Committee.Naming::members).orElse(List.of());
	}

	boolean isMember(CampaignId id, String username) {
		return committees.isCurrentMember(id, username);
	}

	void requireMember(CampaignId id, String username) {
		if (!committees.isCurrentMember(id, username)) {
			throw Committee.notAMember();
		}
	}

	/** The committee of the campaign, refused to whoever asks while none is named. */
	private Committee committee(CampaignId id) {
		return committees.of(id).orElseThrow(Committee::notAMember);
	}

	/** Declares a conflict of interest; false when it was already declared. */
	@Transactional
	boolean declareConflict(ProposalId id, String reason, String username) {
		var campaign = proposal(id).campaignId();
		return committee(campaign).declareConflict(id, username, reason, clock.instant())
				.map(conflict -> committees.insert(campaign, conflict)).orElse(false);
	}

	@Transactional
	void assess(ProposalId id, Integer level, String note, String username) {
		var campaign = proposal(id).campaignId();
		committees.insert(campaign, committee(campaign).assess(id, level, note, username, clock.instant()));
	}

	@Transactional(readOnly = true)
	DecisionInputs inputs(CampaignId id, double supportsWeight, double maturityWeight) {
		var campaign = campaign(id);
		return DecisionInputs.of(campaign, committees.of(id).orElse(null), proposals.standing(id),
				proposals.supports(id), proposals.supportsClosed(id), supportsWeight, maturityWeight);
	}

	/** A member's latest assessment of each proposal, with their note, by proposal id (their own form). */
	@Transactional(readOnly = true)
	java.util.Map<UUID, Committee.Assessment> assessmentsOf(CampaignId id, String username) {
		return committees.latestOf(id, username);
	}

	@Transactional
	ShortlistDecision shortlist(CampaignId id, List<UUID> proposalIds, String rationale, List<String> presentMembers,
			String username) {
		var campaign = campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		var examined = proposals.standing(id).stream().map(p -> new ShortlistDecision.Item(p.id(), p.title())).toList();
		var decision = committee(id).shortlist(campaign.calendar().shortlistDecision(), proposalIds, examined,
				rationale, presentMembers, username, clock.instant());
		committees.insert(decision);
		return decision;
	}

	record Funding(FundedProject project, Euros remaining) {
	}

	@Transactional
	Funding fund(CampaignId id, UUID proposalId, String provider, String title, Long budgetEuros,
			List<FundedProject.Milestone> milestones, String username) {
		var campaign = campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		var committee = committee(id);
		var project = committee.fund(campaign.envelope(), proposalId, provider, title, budgetEuros, milestones,
				username, clock.instant());
		committees.insert(project);
		return new Funding(project, campaign.envelope().minus(committee.funded()));
	}

	@Transactional(readOnly = true)
	DecisionsView decisions(CampaignId id) {
		var campaign = campaign(id);
		var funded = committees.totalFunded(id);
		var remaining = campaign.envelope().exceeds(funded) ? campaign.envelope().minus(funded) : Euros.ZERO;
		var shortlists = records.shortlistDecisions(id);
		return new DecisionsView(id.id(), campaign.title(), campaign.envelope().amount(), funded.amount(),
				remaining.amount(),
				shortlists.stream().filter(DecisionRecords.ShortlistView::current).findFirst()
						.map(DecisionRecords.ShortlistView::proposals).orElse(List.of()),
				shortlists, records.fundedProjects(id));
	}

	/** The public record: members said by the organisation they represent, never by username (ADR 12). */
	@Transactional(readOnly = true)
	DecisionsView.PublicDecisions publicDecisions(CampaignId id) {
		return decisions(id).published(committees.history(id));
	}

	private Campaign campaign(CampaignId id) {
		return campaigns.findById(id).orElseThrow(() -> CampaignManagement.notFound(id));
	}

	ProposalBook.KnownProposal proposal(ProposalId id) {
		return proposals.find(id).orElseThrow(() -> new Refusal.NotFound(
				"Aucune proposition publiée n'a l'identifiant " + id + "."));
	}
}
