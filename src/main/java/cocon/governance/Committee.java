package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;

/**
 * The steering committee of a campaign: its current members (the latest naming by an administrator), the conflicts
 * of interest they declared, their maturity assessments, the shortlist in force and what it funded so far. Its
 * methods are the committee's decisions; each checks membership and conflicts of interest through
 * {@link #requireNoConflict} (design invariant 6), and returns what the repository stores.
 */
class Committee implements AggregateRoot<Committee, CampaignId> {

	record AppointmentId(UUID id) implements Identifier {
	}

	/** A member and the organisation they represent (AMF, ADF, DINUM, …). */
	record Member(String username, String organisation) {

		Member {
			if (username == null || username.isBlank()) {
				throw new IllegalArgumentException("Chaque membre a un identifiant d'utilisateur.");
			}
			if (organisation == null || organisation.isBlank()) {
				throw new IllegalArgumentException("Indiquez l'organisation que représente « " + username.strip() + " ».");
			}
			username = username.strip();
			organisation = organisation.strip();
			if (username.length() > 255) {
				throw new IllegalArgumentException("Un identifiant d'utilisateur compte au plus 255 caractères.");
			}
			if (organisation.length() > 200) {
				throw new IllegalArgumentException("Le nom de l'organisation compte au plus 200 caractères.");
			}
		}
	}

	/**
	 * One naming of the committee by an administrator. Namings are kept: the latest is the current committee, the
	 * earlier ones its history.
	 */
	record Naming(AppointmentId id, CampaignId campaignId, List<Member> members, String appointedBy,
			Instant appointedAt) {

		Naming {
			if (members == null || members.isEmpty()) {
				throw new IllegalArgumentException("Le comité compte au moins un membre.");
			}
			var seen = new HashSet<String>();
			for (var member : members) {
				if (!seen.add(member.username())) {
					throw new IllegalArgumentException("« " + member.username() + " » figure deux fois dans le comité.");
				}
			}
			members = List.copyOf(members);
		}
	}

	/** A conflict of interest a member declared on a proposal: they take no part in what concerns it. */
	record Conflict(ProposalId proposalId, String username, String reason, Instant declaredAt) {
	}

	/** A member's maturity assessment of a proposal; the latest of each member counts. */
	record Assessment(ProposalId proposalId, String username, Maturity maturity, String note, Instant assessedAt) {
	}

	/** The average of the latest assessments of a proposal, members in conflict left out. */
	record AverageMaturity(double average, int assessments) {
	}

	private final CampaignId campaignId;
	private final Naming naming;
	private final Map<ProposalId, Set<String>> conflicts = new HashMap<>();
	private final Map<ProposalId, Map<String, Maturity>> assessments = new HashMap<>();
	private ShortlistDecision.DecisionId shortlist;
	private final Set<ProposalId> shortlisted = new HashSet<>();
	private Euros funded;

	/**
	 * The committee as stored: its current naming, the conflicts declared, each member's latest assessment, the
	 * shortlist in force (null when none) with its proposals, and the budgets funded so far.
	 */
	Committee(Naming naming, List<Conflict> conflicts, List<Assessment> latestAssessments,
			ShortlistDecision.DecisionId shortlist, Set<ProposalId> shortlisted, Euros funded) {
		this.campaignId = naming.campaignId();
		this.naming = naming;
		conflicts.forEach(c -> this.conflicts.computeIfAbsent(c.proposalId(), k -> new HashSet<>()).add(c.username()));
		latestAssessments.forEach(a -> this.assessments.computeIfAbsent(a.proposalId(), k -> new HashMap<>())
				.put(a.username(), a.maturity()));
		this.shortlist = shortlist;
		this.shortlisted.addAll(shortlisted);
		this.funded = funded;
	}

	/** Names the committee of a campaign; conflicts, assessments and decisions belong to the campaign and stay. */
	static Committee appoint(CampaignId campaign, List<Member> members, String by, Instant now) {
		return new Committee(new Naming(new AppointmentId(UUID.randomUUID()), campaign, members, by, now), List.of(),
				List.of(), null, Set.of(), Euros.ZERO);
	}

	/** The refusal of someone who does not sit on the campaign's committee. */
	static Refusal notAMember() {
		return new Refusal.Forbidden("Seuls les membres du comité de pilotage de cette campagne peuvent le faire.");
	}

	boolean includes(String username) {
		return naming.members().stream().anyMatch(m -> m.username().equals(username));
	}

	private void requireMember(String username) {
		if (!includes(username)) {
			throw notAMember();
		}
	}

	boolean inConflict(ProposalId proposal, String username) {
		return conflicts.getOrDefault(proposal, Set.of()).contains(username);
	}

	/** The one check of a conflict of interest before a decision: refused with {@code refusal} (409). */
	private void requireNoConflict(ProposalId proposal, String username, Supplier<String> refusal) {
		if (inConflict(proposal, username)) {
			throw new RuleViolation(refusal.get());
		}
	}

	// Conflicts and maturity ---------------------------------------------------------------------------------

	/** Declares a conflict of interest; empty when the member had already declared one on this proposal. */
	Optional<Conflict> declareConflict(ProposalId proposal, String username, String reason, Instant now) {
		requireMember(username);
		reason = Refusal.Invalid.required("reason", reason, "Indiquez la nature du conflit d'intérêts.");
		if (reason.length() > 2000) {
			throw Refusal.Invalid.field("reason", "La nature du conflit d'intérêts compte au plus 2 000 caractères.");
		}
		if (!conflicts.computeIfAbsent(proposal, k -> new HashSet<>()).add(username)) {
			return Optional.empty();
		}
		return Optional.of(new Conflict(proposal, username, reason, now));
	}

	Assessment assess(ProposalId proposal, Integer level, String note, String username, Instant now) {
		requireMember(username);
		var maturity = Maturity.of(level);
		if (note != null && note.strip().length() > 5000) {
			throw Refusal.Invalid.field("note", "La note compte au plus 5 000 caractères.");
		}
		requireNoConflict(proposal, username,
				() -> "Vous avez déclaré un conflit d'intérêts sur cette proposition : vous ne pouvez pas l'évaluer.");
		assessments.computeIfAbsent(proposal, k -> new HashMap<>()).put(username, maturity);
		return new Assessment(proposal, username, maturity, note == null ? null : note.strip(), now);
	}

	/** The average maturity of each assessed proposal, from each member's latest level, members in conflict left out. */
	Map<ProposalId, AverageMaturity> averageMaturity() {
		var result = new HashMap<ProposalId, AverageMaturity>();
		assessments.forEach((proposal, byMember) -> {
			var levels = byMember.entrySet().stream().filter(e -> !inConflict(proposal, e.getKey()))
					.mapToInt(e -> e.getValue().level()).toArray();
			if (levels.length > 0) {
				result.put(proposal, new AverageMaturity(java.util.Arrays.stream(levels).average().orElseThrow(),
						levels.length));
			}
		});
		return result;
	}

	/** The latest level a member gave, per proposal (for the member's own form). */
	Map<UUID, Integer> levelsOf(String username) {
		var result = new HashMap<UUID, Integer>();
		assessments.forEach((proposal, byMember) -> {
			var maturity = byMember.get(username);
			if (maturity != null) {
				result.put(proposal.id(), maturity.level());
			}
		});
		return result;
	}

	/** The members in conflict on the proposal, by username. */
	List<String> membersInConflict(ProposalId proposal) {
		return conflicts.getOrDefault(proposal, Set.of()).stream().sorted().toList();
	}

	// Shortlist ----------------------------------------------------------------------------------------------

	/**
	 * Records the shortlist: the proposals retained among those examined (the campaign's standing proposals), by a
	 * member present who has no conflict on any of them. Every member present steps out of each examined proposal
	 * they are in conflict on, the decider too, and it is recorded; the decision corrects the one in force.
	 *
	 * @param presentMembers the usernames present; none said means every member
	 */
	ShortlistDecision shortlist(LocalDate shortlistDate, List<java.util.UUID> retainedIds,
			List<ShortlistDecision.Item> examined, String rationale, List<String> presentMembers, String decidedBy,
			Instant now) {
		requireMember(decidedBy);
		var retained = retained(retainedIds, examined);
		var present = present(presentMembers, decidedBy);
		for (var item : retained) {
			requireNoConflict(item.proposalId(), decidedBy, () -> "Vous avez déclaré un conflit d'intérêts sur « "
					+ item.title() + " » : vous ne pouvez pas enregistrer une décision qui la retient. "
					+ "Un autre membre présent l'enregistre.");
		}
		var decision = ShortlistDecision.decide(campaignId, shortlistDate, retained, examined, rationale, present,
				conflicts, shortlist, decidedBy, now);
		shortlist = decision.getId();
		shortlisted.clear();
		retained.forEach(item -> shortlisted.add(item.proposalId()));
		return decision;
	}

	private static List<ShortlistDecision.Item> retained(List<UUID> ids, List<ShortlistDecision.Item> examined) {
		if (ids == null || ids.isEmpty()) {
			throw Refusal.Invalid.field("proposalIds", "Retenez au moins une proposition.");
		}
		var items = new ArrayList<ShortlistDecision.Item>();
		var unknown = new ArrayList<String>();
		for (var id : ids) {
			examined.stream().filter(item -> item.proposalId().id().equals(id)).findFirst()
					.ifPresentOrElse(items::add, () -> unknown.add(String.valueOf(id)));
		}
		if (!unknown.isEmpty()) {
			throw Refusal.Invalid.field("proposalIds", "Ces identifiants ne sont pas des propositions publiées de la "
					+ "campagne : " + String.join(", ", unknown) + ".");
		}
		return items;
	}

	/** The members present: every member when none is said; whoever records the decision is one of them. */
	private List<Member> present(List<String> usernames, String decidedBy) {
		if (usernames == null || usernames.isEmpty()) {
			return naming.members();
		}
		var present = new LinkedHashSet<Member>();
		for (var name : usernames) {
			present.add(naming.members().stream().filter(m -> m.username().equals(name)).findFirst()
					.orElseThrow(() -> Refusal.Invalid.field("presentMembers", "« " + name + " » n'est pas membre du comité.")));
		}
		if (present.stream().noneMatch(m -> m.username().equals(decidedBy))) {
			throw Refusal.Invalid.field("presentMembers",
					"Vous enregistrez la décision : cochez-vous parmi les membres présents.");
		}
		return List.copyOf(present);
	}

	// Funding ------------------------------------------------------------------------------------------------

	/**
	 * Funds a provider's project answering a shortlisted proposal within what remains of the envelope, decided by a
	 * member with no conflict on that proposal.
	 */
	FundedProject fund(Euros envelope, UUID proposalId, String provider, String title, Long budgetEuros,
			List<FundedProject.Milestone> milestones, String username, Instant now) {
		requireMember(username);
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
		requireNoConflict(proposal, username, () -> "Vous avez déclaré un conflit d'intérêts sur cette proposition : "
				+ "vous ne pouvez pas décider de son financement.");
		var project = FundedProject.fund(campaignId, envelope, funded, shortlisted, proposal, provider, title,
				Euros.of(budgetEuros), milestones == null ? List.of() : milestones, username, now);
		funded = funded.plus(project.budget());
		return project;
	}

	/** The budgets funded so far. */
	Euros funded() {
		return funded;
	}

	@Override
	public CampaignId getId() {
		return campaignId;
	}

	/** The current naming. */
	Naming naming() {
		return naming;
	}

	List<Member> members() {
		return naming.members();
	}

	/** The proposals of the shortlist in force. */
	Set<ProposalId> shortlisted() {
		return Set.copyOf(shortlisted);
	}
}
