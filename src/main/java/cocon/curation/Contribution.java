package cocon.curation;

import java.time.Instant;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.curation.Decision.Action;
import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Refusal;
import cocon.shared.Siren;

/**
 * A contribution as curation triages it: what intake told us, and its one outcome (invariant 3) — pending,
 * grouped into a proposal, reoriented (target and note) or rejected (reason). An outcome can be corrected, and a
 * grouping undone, until the proposal the contribution is grouped into is published.
 */
class Contribution implements AggregateRoot<Contribution, ContributionId> {

	private final ContributionId id;
	private final CampaignId campaignId;
	private final String title;
	private final String need;
	private final String theme;
	private final String authorRole;
	private final Siren organisationSiren;
	private final String organisationName;
	private final CollectiviteKind organisationKind;
	private final Instant submittedAt;
	private Outcome outcome;
	private ProposalId proposalId;
	private String reorientationTarget;
	private String reorientationNote;
	private String rejectionReason;
	private String decidedBy;
	private Instant decidedAt;
	private long version;

	private final transient PendingChanges changes = new PendingChanges();

	Contribution(ContributionId id, CampaignId campaignId, String title, String need, String theme, String authorRole,
			Siren organisationSiren, String organisationName, CollectiviteKind organisationKind, Instant submittedAt,
			Outcome outcome, ProposalId proposalId, String reorientationTarget, String reorientationNote,
			String rejectionReason, String decidedBy, Instant decidedAt, long version) {
		this.id = id;
		this.campaignId = campaignId;
		this.title = title;
		this.need = need;
		this.theme = theme;
		this.authorRole = authorRole;
		this.organisationSiren = organisationSiren;
		this.organisationName = organisationName;
		this.organisationKind = organisationKind == null ? CollectiviteKind.OTHER : organisationKind;
		this.submittedAt = submittedAt;
		this.outcome = outcome;
		this.proposalId = proposalId;
		this.reorientationTarget = reorientationTarget;
		this.reorientationNote = reorientationNote;
		this.rejectionReason = rejectionReason;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
		this.version = version;
	}

	static Contribution received(ContributionSubmitted event) {
		return new Contribution(event.contributionId(), event.campaignId(), event.title(), event.need(), event.theme(),
				event.authorRole(), event.organisationSiren(), event.organisationName(), event.organisationKind(),
				event.submittedAt(), Outcome.PENDING, null, null, null, null, null, null, 0);
	}

	/**
	 * Groups the contribution into the target proposal (or moves it there from another one).
	 *
	 * @param current the proposal it is grouped into now, if any
	 * @return whether anything changed (grouping into its own proposal again changes nothing)
	 */
	boolean groupInto(Proposal target, Proposal current, String by, Instant at) {
		if (!target.campaignId().equals(campaignId)) {
			throw new IllegalTransition("La contribution « " + title + " » n'appartient pas à la campagne de la proposition.");
		}
		target.requireLive();
		if (outcome == Outcome.GROUPED && target.getId().equals(proposalId)) {
			return false;
		}
		requireCorrectable(current);
		moveTo(target, current, by, at, "");
		return true;
	}

	/** A merge moves the contribution to the survivor, even out of a published proposal: nothing is lost. */
	void followMerge(Proposal survivor, Proposal absorbed, String by, Instant at) {
		moveTo(survivor, absorbed, by, at, " (fusion)");
	}

	private void moveTo(Proposal target, Proposal current, String by, Instant at, String why) {
		var before = replaceOutcome(Outcome.GROUPED, current);
		proposalId = target.getId();
		decided(Action.GROUPED, "Regroupée dans « " + target.title() + " »" + why + before, by, at);
		changes.register(new ContributionGrouped(id, campaignId, target.getId(), target.title(), by, at));
	}

	/**
	 * Undoes a grouping: the contribution goes back to the queue, pending again (so undecided: the history keeps who
	 * grouped it and who took it out).
	 *
	 * @param current the proposal it is grouped into
	 */
	void ungroup(Proposal current, String by, Instant at) {
		if (outcome != Outcome.GROUPED || current == null) {
			throw new IllegalTransition("La contribution « " + title + " » n'est regroupée dans aucune proposition.");
		}
		requireCorrectable(current);
		var from = proposalId;
		replaceOutcome(Outcome.PENDING, current);
		decidedBy = null;
		decidedAt = null;
		changes.decided(new Decision(campaignId, id, from, Action.UNGROUPED,
				"Retirée de « " + current.title() + " » : de retour dans la file de tri.", by, at));
		changes.register(new ContributionUngrouped(id, campaignId, from, current.title(), by, at));
	}

	void reorient(String target, String note, Proposal current, String by, Instant at) {
		target = Refusal.Invalid.required("target", target,
				"Indiquez le programme ou le service vers lequel la contribution est réorientée.");
		note = Refusal.Invalid.required("note", note, "Expliquez la réorientation à la personne qui a contribué.");
		if (outcome == Outcome.REORIENTED && reorientationTarget.equals(target) && reorientationNote.equals(note)) {
			return;
		}
		requireCorrectable(current);
		var before = replaceOutcome(Outcome.REORIENTED, current);
		reorientationTarget = target;
		reorientationNote = note;
		decided(Action.REORIENTED, "Réorientée vers « " + reorientationTarget + " » : " + reorientationNote + before, by, at);
		changes.register(new ContributionReoriented(id, campaignId, reorientationTarget, reorientationNote, by, at));
	}

	void reject(String reason, Proposal current, String by, Instant at) {
		reason = Refusal.Invalid.required("reason", reason, "Indiquez pourquoi la contribution est rejetée.");
		if (outcome == Outcome.REJECTED && rejectionReason.equals(reason)) {
			return;
		}
		requireCorrectable(current);
		var before = replaceOutcome(Outcome.REJECTED, current);
		rejectionReason = reason;
		decided(Action.REJECTED, "Rejetée : " + rejectionReason + before, by, at);
		changes.register(new ContributionRejected(id, campaignId, rejectionReason, by, at));
	}

	/** Once its proposal is published, the outcome is final: the contributors' organisations support it. */
	private void requireCorrectable(Proposal current) {
		if (current != null && current.isPublished()) {
			throw new IllegalTransition("La contribution « " + title + " » est regroupée dans la proposition publiée « "
					+ current.title() + " » : sa décision ne peut plus être modifiée.");
		}
	}

	/**
	 * Forgets the outcome for the next one, whose details the caller then sets.
	 *
	 * @return the end of the history entry, which says what the outcome was before
	 */
	private String replaceOutcome(Outcome next, Proposal current) {
		var before = switch (outcome) {
			case PENDING -> ".";
			case GROUPED -> " (auparavant regroupée dans « " + (current == null ? proposalId : current.title()) + " »).";
			case REORIENTED -> " (auparavant réorientée vers « " + reorientationTarget + " »).";
			case REJECTED -> " (auparavant rejetée).";
		};
		proposalId = null;
		reorientationTarget = null;
		reorientationNote = null;
		rejectionReason = null;
		outcome = next;
		return before;
	}

	private void decided(Action action, String details, String by, Instant at) {
		decidedBy = by;
		decidedAt = at;
		changes.decided(new Decision(campaignId, id, proposalId, action, details, by, at));
	}

	/** The history entries and events this aggregate registered, stored by its repository with it (ADR 0021). */
	PendingChanges changes() {
		return changes;
	}

	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return changes.events();
	}

	@Override
	public ContributionId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	String title() {
		return title;
	}

	String need() {
		return need;
	}

	String theme() {
		return theme;
	}

	String authorRole() {
		return authorRole;
	}

	Siren organisationSiren() {
		return organisationSiren;
	}

	String organisationName() {
		return organisationName;
	}

	CollectiviteKind organisationKind() {
		return organisationKind;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	Outcome outcome() {
		return outcome;
	}

	ProposalId proposalId() {
		return proposalId;
	}

	String reorientationTarget() {
		return reorientationTarget;
	}

	String reorientationNote() {
		return reorientationNote;
	}

	String rejectionReason() {
		return rejectionReason;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}

	long version() {
		return version;
	}

	void versionSaved(long version) {
		this.version = version;
	}
}
