package cocon.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;

/**
 * The steering committee's use cases: naming the committee, conflicts of interest, maturity assessments, the
 * decision inputs and score, the shortlist and funding decisions, and the public record of decisions.
 */
@Service
class SteeringCommittee {

	/** Default weights of the score: supports count a little more than maturity. */
	static final double DEFAULT_SUPPORTS_WEIGHT = 0.6;
	static final double DEFAULT_MATURITY_WEIGHT = 0.4;

	private final CampaignRepository campaigns;
	private final CommitteeRepository committee;
	private final ProposalBook proposals;
	private final Clock clock;

	SteeringCommittee(CampaignRepository campaigns, CommitteeRepository committee, ProposalBook proposals,
			Clock clock) {
		this.campaigns = campaigns;
		this.committee = committee;
		this.proposals = proposals;
		this.clock = clock;
	}

	// Committee -----------------------------------------------------------------------------------------------

	@Transactional
	Committee appoint(CampaignId id, List<Committee.Member> members, String by) {
		campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		var named = Committee.appoint(id, members, by, clock.instant());
		committee.appoint(named);
		return named;
	}

	@Transactional(readOnly = true)
	List<Committee> committeeHistory(CampaignId id) {
		campaign(id);
		return committee.history(id);
	}

	boolean isMember(CampaignId id, String username) {
		return committee.isCurrentMember(id, username);
	}

	void requireMember(CampaignId id, String username) {
		if (!committee.isCurrentMember(id, username)) {
			throw new Refusal.Forbidden("Seuls les membres du comité de pilotage de cette campagne peuvent le faire.");
		}
	}

	// Conflicts and maturity ------------------------------------------------------------------------------------

	/** Declares a conflict of interest; false when it was already declared. */
	@Transactional
	boolean declareConflict(ProposalId id, String reason, String username) {
		var proposal = proposal(id);
		requireMember(proposal.campaignId(), username);
		reason = Refusal.Invalid.required("reason", reason, "Indiquez la nature du conflit d'intérêts.");
		if (reason.length() > 2000) {
			throw Refusal.Invalid.field("reason", "La nature du conflit d'intérêts compte au plus 2 000 caractères.");
		}
		return committee.declareConflict(proposal.campaignId(), id, username, reason, clock.instant());
	}

	@Transactional
	void assess(ProposalId id, Integer level, String note, String username) {
		var proposal = proposal(id);
		requireMember(proposal.campaignId(), username);
		if (level == null || level < 1 || level > 4) {
			throw Refusal.Invalid.field("level", "Le niveau de maturité va de 1 (idée) à 4 (solution prête à déployer).");
		}
		if (note != null && note.strip().length() > 5000) {
			throw Refusal.Invalid.field("note", "La note compte au plus 5 000 caractères.");
		}
		if (committee.inConflict(id, username)) {
			throw new RuleViolation("Vous avez déclaré un conflit d'intérêts sur cette proposition : vous ne pouvez pas l'évaluer.");
		}
		committee.assess(proposal.campaignId(), id, username, level, note == null ? null : note.strip(),
				clock.instant());
	}

	// Decision inputs ------------------------------------------------------------------------------------------

	/**
	 * Supports (final tally once closed, live count before), breakdown by kind, average maturity and the score:
	 * {@code score = 100 × (ws × supports / max supports + wm × (maturity − 1) / 3) / (ws + wm)}; an unassessed
	 * proposal counts as maturity 1. The committee is not bound by the score.
	 */
	/** The largest weight of the score: beyond it, the other weight no longer counts. */
	static final double WEIGHT_MAX = 100;

	private static void weight(double value, String field, Refusal.Collector errors) {
		if (!Double.isFinite(value) || value < 0 || value > WEIGHT_MAX) {
			errors.add(field, "Le poids est un nombre de 0 à 100 (par exemple 0.6).");
		}
	}

	@Transactional(readOnly = true)
	DecisionInputs inputs(CampaignId id, double supportsWeight, double maturityWeight) {
		var campaign = campaign(id);
		// NaN and infinities pass every comparison below the wrong way (NaN < 0 is false): refused first, by name.
		var errors = new Refusal.Collector();
		weight(supportsWeight, "supportsWeight", errors);
		weight(maturityWeight, "maturityWeight", errors);
		errors.throwIfAny();
		if (supportsWeight + maturityWeight <= 0) {
			throw Refusal.Invalid.field("supportsWeight", "Les poids sont positifs ou nuls, et l'un d'eux au moins est positif.");
		}
		var tallies = proposals.supports(id);
		var maturity = committee.maturity(id);
		var conflicts = committee.conflicts(id);
		var shortlisted = committee.shortlisted(id);
		var standing = proposals.standing(id);
		var max = standing.stream().mapToInt(p -> supportsOf(tallies, p.id())).max().orElse(0);
		var rows = new ArrayList<DecisionInputs.Row>();
		for (var p : standing) {
			var supports = supportsOf(tallies, p.id());
			var tally = tallies.get(p.id().id());
			var m = maturity.get(p.id().id());
			var normalisedSupports = max == 0 ? 0 : (double) supports / max;
			var normalisedMaturity = m == null ? 0 : (m.average() - 1) / 3;
			var score = 100 * (supportsWeight * normalisedSupports + maturityWeight * normalisedMaturity)
					/ (supportsWeight + maturityWeight);
			rows.add(new DecisionInputs.Row(p.id().id(), p.title(), p.theme(), supports,
					tally == null ? Map.of() : tally.byKind(), tally == null ? 0 : tally.population(),
					m == null ? null : Math.round(m.average() * 100) / 100.0, m == null ? 0 : m.assessments(),
					Math.round(score * 10) / 10.0, 0,
					conflicts.getOrDefault(p.id(), Set.of()).stream().sorted().toList(), shortlisted.contains(p.id())));
		}
		rows.sort(Comparator.comparingDouble(DecisionInputs.Row::score).reversed()
				.thenComparing(Comparator.comparingInt(DecisionInputs.Row::supports).reversed())
				.thenComparing(DecisionInputs.Row::title));
		var ranked = new ArrayList<DecisionInputs.Row>();
		for (int i = 0; i < rows.size(); i++) {
			ranked.add(rows.get(i).withRank(i + 1));
		}
		return new DecisionInputs(id.id(), proposals.supportsClosed(id) ? "FINAL" : "LIVE", supportsWeight,
				maturityWeight, DecisionInputs.FORMULA, campaign.targetShortlistSize(), ranked);
	}

	private static int supportsOf(Map<UUID, ProposalBook.Tally> tallies, ProposalId id) {
		var tally = tallies.get(id.id());
		return tally == null ? 0 : tally.count();
	}

	// Shortlist ------------------------------------------------------------------------------------------------

	@Transactional
	ShortlistDecision shortlist(CampaignId id, List<UUID> proposalIds, String rationale, List<String> presentMembers,
			String username) {
		var campaign = campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		requireMember(id, username);
		var current = committee.current(id).orElseThrow();
		if (proposalIds == null || proposalIds.isEmpty()) {
			throw Refusal.Invalid.field("proposalIds", "Retenez au moins une proposition.");
		}
		var standing = proposals.standing(id);
		var items = new ArrayList<ShortlistDecision.Item>();
		var unknown = new ArrayList<String>();
		for (var proposalId : proposalIds) {
			standing.stream().filter(p -> p.id().id().equals(proposalId)).findFirst()
					.ifPresentOrElse(p -> items.add(new ShortlistDecision.Item(p.id(), p.title())),
							() -> unknown.add(String.valueOf(proposalId)));
		}
		if (!unknown.isEmpty()) {
			throw Refusal.Invalid.field("proposalIds", "Ces identifiants ne sont pas des propositions publiées de la campagne : "
					+ String.join(", ", unknown) + ".");
		}
		List<Committee.Member> present;
		if (presentMembers == null || presentMembers.isEmpty()) {
			present = current.members();
		}
		else {
			present = new ArrayList<>();
			for (var name : presentMembers) {
				var member = current.members().stream().filter(m -> m.username().equals(name)).findFirst()
						.orElseThrow(() -> Refusal.Invalid.field("presentMembers", "« " + name + " » n'est pas membre du comité."));
				if (!present.contains(member)) {
					present.add(member);
				}
			}
		}
		var previous = committee.currentShortlist(id).map(ShortlistDecision.DecisionId::new).orElse(null);
		var decision = ShortlistDecision.decide(id, campaign.calendar().shortlistDecision(), items, rationale, present,
				committee.conflicts(id), previous, username, clock.instant());
		committee.insert(decision);
		return decision;
	}

	// Funding --------------------------------------------------------------------------------------------------

	record Funding(FundedProject project, Euros remaining) {
	}

	@Transactional
	Funding fund(CampaignId id, UUID proposalId, String provider, String title, Long budgetEuros,
			List<FundedProject.Milestone> milestones, String username) {
		var campaign = campaigns.lockById(id).orElseThrow(() -> CampaignManagement.notFound(id));
		requireMember(id, username);
		var errors = new Refusal.Collector();
		if (proposalId == null) {
			errors.add("proposalId", "Indiquez la proposition à laquelle répond le projet.");
		}
		errors.requireText("provider", provider, 300, "Indiquez le porteur du projet.",
				"Le nom du porteur compte au plus 300 caractères.");
		errors.requireText("title", title, 300, "Indiquez le titre du projet.",
				"Le titre du projet compte au plus 300 caractères.");
		if (budgetEuros == null || budgetEuros <= 0) {
			errors.add("budgetEuros", "Le budget est un montant positif en euros.");
		}
		errors.throwIfAny();
		var proposal = new ProposalId(proposalId);
		if (committee.inConflict(proposal, username)) {
			throw new RuleViolation("Vous avez déclaré un conflit d'intérêts sur cette proposition : vous ne pouvez pas décider de son financement.");
		}
		var funded = committee.totalFunded(id);
		var project = FundedProject.fund(id, campaign.envelope(), funded, committee.shortlisted(id), proposal, provider,
				title, Euros.of(budgetEuros), milestones == null ? List.of() : milestones, username, clock.instant());
		committee.insert(project);
		var remaining = campaign.envelope().minus(funded.plus(project.budget()));
		return new Funding(project, remaining);
	}

	// Public record --------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	DecisionsView decisions(CampaignId id) {
		var campaign = campaign(id);
		var funded = committee.totalFunded(id);
		var remaining = campaign.envelope().exceeds(funded) ? campaign.envelope().minus(funded) : Euros.ZERO;
		var shortlists = committee.shortlistDecisions(id);
		return new DecisionsView(id.id(), campaign.title(), campaign.envelope().amount(), funded.amount(),
				remaining.amount(),
				shortlists.stream().filter(CommitteeRepository.ShortlistView::current).findFirst()
						.map(CommitteeRepository.ShortlistView::proposals).orElse(List.of()),
				shortlists, committee.fundedProjects(id));
	}

	private Campaign campaign(CampaignId id) {
		return campaigns.findById(id).orElseThrow(() -> CampaignManagement.notFound(id));
	}

	ProposalBook.KnownProposal proposal(ProposalId id) {
		return proposals.find(id).orElseThrow(() -> new Refusal.NotFound(
				"Aucune proposition publiée n'a l'identifiant " + id + "."));
	}

	/** What the committee sees side by side before deciding. */
	record DecisionInputs(UUID campaignId, String supportsSource, double supportsWeight, double maturityWeight,
			String formula, Integer targetShortlistSize, List<Row> proposals) {

		static final String FORMULA = "score = 100 × (poidsSoutiens × soutiens ÷ soutiens maximum + poidsMaturité × "
				+ "(maturité moyenne − 1) ÷ 3) ÷ (poidsSoutiens + poidsMaturité)";

		record Row(UUID proposalId, String title, String theme, int supports, Map<CollectiviteKind, Integer> byKind,
				long populationCovered, Double averageMaturity, int maturityAssessments, double score, int rank,
				List<String> membersInConflict, boolean shortlisted) {

			Row withRank(int rank) {
				return new Row(proposalId, title, theme, supports, byKind, populationCovered, averageMaturity,
						maturityAssessments, score, rank, membersInConflict, shortlisted);
			}
		}
	}

	/**
	 * The public record: who took part in a decision, stepped out of it or recorded it is said by the organisation
	 * they represent, never by username (ProConnect subjects in production, ADR 12).
	 */
	@Transactional(readOnly = true)
	PublicDecisions publicDecisions(CampaignId id) {
		var decisions = decisions(id);
		var organisations = new java.util.HashMap<String, String>();
		// the earliest naming first, so that a member's latest organisation wins
		var history = new ArrayList<>(committeeHistory(id));
		java.util.Collections.reverse(history);
		history.forEach(c -> c.members().forEach(m -> organisations.put(m.username(), m.organisation())));
		java.util.function.Function<String, String> organisation = username -> organisations.getOrDefault(username,
				PublicDecisions.COMMITTEE);
		return new PublicDecisions(decisions.campaignId(), decisions.campaignTitle(), decisions.envelopeEuros(),
				decisions.totalFundedEuros(), decisions.remainingEuros(), decisions.shortlist(),
				decisions.shortlistDecisions().stream().map(d -> new PublicDecisions.Shortlist(d.id(), d.rationale(),
						organisation.apply(d.decidedBy()), d.decidedAt(), d.supersedes(), d.supersededBy(), d.current(),
						d.proposals(), d.presentMembers().stream().map(m -> new PublicDecisions.Member(m.organisation())).toList(),
						d.steppedOut().stream().map(o -> new PublicDecisions.SteppedOut(o.proposalId(), o.title(),
								organisation.apply(o.username()))).toList()))
						.toList(),
				decisions.fundedProjects().stream().map(f -> new CommitteeRepository.FundedView(f.id(), f.decisionId(),
						f.proposalId(), f.proposalTitle(), f.provider(), f.title(), f.budgetEuros(),
						organisation.apply(f.decidedBy()), f.decidedAt(), f.milestones())).toList());
	}

	/** {@link DecisionsView} as the public sees it: organisations instead of usernames. */
	record PublicDecisions(UUID campaignId, String campaignTitle, long envelopeEuros, long totalFundedEuros,
			long remainingEuros, List<CommitteeRepository.ShortlistView.Proposal> shortlist,
			List<Shortlist> shortlistDecisions, List<CommitteeRepository.FundedView> fundedProjects) {

		/** Who recorded a decision when their organisation is unknown (a member since removed from every naming). */
		static final String COMMITTEE = "Comité de pilotage";

		record Member(String organisation) {
		}

		record SteppedOut(UUID proposalId, String title, String organisation) {
		}

		record Shortlist(UUID id, String rationale, String decidedBy, String decidedAt, UUID supersedes,
				UUID supersededBy, boolean current, List<CommitteeRepository.ShortlistView.Proposal> proposals,
				List<Member> presentMembers, List<SteppedOut> steppedOut) {
		}
	}

	/** The public record of a campaign's decisions. */
	record DecisionsView(UUID campaignId, String campaignTitle, long envelopeEuros, long totalFundedEuros,
			long remainingEuros, List<CommitteeRepository.ShortlistView.Proposal> shortlist,
			List<CommitteeRepository.ShortlistView> shortlistDecisions,
			List<CommitteeRepository.FundedView> fundedProjects) {
	}
}
