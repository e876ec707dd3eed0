package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.shared.FrenchDates;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Window;

/**
 * The committee's shortlist decision: the retained proposals, the rationale, the members present and who stepped
 * out of which proposal examined (retained or not). Immutable once recorded; a correction is a new decision that supersedes it.
 */
class ShortlistDecision implements AggregateRoot<ShortlistDecision, ShortlistDecision.DecisionId> {

	record DecisionId(UUID id) implements Identifier {
	}

	record Item(ProposalId proposalId, String title) {
	}

	/** A member present who stepped out of an item because of a declared conflict of interest. */
	record Recusal(ProposalId proposalId, String username) {
	}

	private final DecisionId id;
	private final CampaignId campaignId;
	private final List<Item> items;
	private final String rationale;
	private final List<Committee.Member> presentMembers;
	private final List<Recusal> recusals;
	private final DecisionId supersedes;
	private final String decidedBy;
	private final Instant decidedAt;

	private final transient RegisteredEvents events = new RegisteredEvents();

	ShortlistDecision(DecisionId id, CampaignId campaignId, List<Item> items, String rationale,
			List<Committee.Member> presentMembers, List<Recusal> recusals, DecisionId supersedes, String decidedBy,
			Instant decidedAt) {
		this.id = id;
		this.campaignId = campaignId;
		this.items = List.copyOf(items);
		this.rationale = rationale;
		this.presentMembers = List.copyOf(presentMembers);
		this.recusals = List.copyOf(recusals);
		this.supersedes = supersedes;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	/**
	 * Records a shortlist on or after the campaign's shortlist date. Members present who declared a conflict on an
	 * item step out of it (recorded); the decision corrects {@code previous} when there is one.
	 *
	 * @param conflicts the usernames in conflict, per proposal
	 */
	static ShortlistDecision decide(CampaignId campaign, LocalDate shortlistDate, List<Item> items, String rationale,
			List<Committee.Member> present, Map<ProposalId, Set<String>> conflicts, DecisionId previous,
			String decidedBy, Instant now) {
		return decide(campaign, shortlistDate, items, items, rationale, present, conflicts, previous, decidedBy, now);
	}

	/**
	 * Records a shortlist of {@code items} on or after the campaign's shortlist date. Members present who declared a
	 * conflict on a proposal {@code examined} (retained or not) step out of it (recorded); the decision corrects
	 * {@code previous} when there is one.
	 *
	 * @param conflicts the usernames in conflict, per proposal
	 */
	static ShortlistDecision decide(CampaignId campaign, LocalDate shortlistDate, List<Item> items,
			List<Item> examined, String rationale, List<Committee.Member> present,
			Map<ProposalId, Set<String>> conflicts, DecisionId previous, String decidedBy, Instant now) {
		if (LocalDate.ofInstant(now, Window.PARIS).isBefore(shortlistDate)) {
			throw new RuleViolation("La présélection ne peut être décidée qu'à partir du "
					+ FrenchDates.weekday(shortlistDate) + ".");
		}
		if (items.isEmpty()) {
			throw new IllegalArgumentException("Retenez au moins une proposition.");
		}
		if (rationale == null || rationale.isBlank()) {
			throw new IllegalArgumentException("La motivation de la décision est obligatoire.");
		}
		if (rationale.strip().length() > 5000) {
			throw new IllegalArgumentException("La motivation de la décision compte au plus 5 000 caractères.");
		}
		if (new LinkedHashSet<>(items.stream().map(Item::proposalId).toList()).size() != items.size()) {
			throw new IllegalArgumentException("Une proposition figure deux fois dans la présélection.");
		}
		var recusals = new ArrayList<Recusal>();
		var considered = new LinkedHashSet<ProposalId>();
		items.forEach(item -> considered.add(item.proposalId()));
		examined.forEach(item -> considered.add(item.proposalId()));
		for (var proposal : considered) {
			for (var member : present) {
				if (conflicts.getOrDefault(proposal, Set.of()).contains(member.username())) {
					recusals.add(new Recusal(proposal, member.username()));
				}
			}
		}
		var decision = new ShortlistDecision(new DecisionId(UUID.randomUUID()), campaign, items, rationale.strip(),
				present, recusals, previous, decidedBy, now);
		decision.events.register(new ProposalsShortlisted(decision.id.id(), campaign,
				items.stream().map(i -> new ProposalsShortlisted.ShortlistedProposal(i.proposalId(), i.title())).toList(),
				decision.rationale, previous == null ? null : previous.id(), now));
		return decision;
	}

	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return events;
	}

	@Override
	public DecisionId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	List<Item> items() {
		return items;
	}

	String rationale() {
		return rationale;
	}

	List<Committee.Member> presentMembers() {
		return presentMembers;
	}

	List<Recusal> recusals() {
		return recusals;
	}

	DecisionId supersedes() {
		return supersedes;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}
}
