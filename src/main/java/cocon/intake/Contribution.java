package cocon.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.shared.FrenchDates;
import cocon.intake.events.ContributionRevised;
import cocon.intake.events.ContributionSubmitted;
import cocon.intake.events.ContributionWithdrawn;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Siren;
import cocon.shared.Window;

/**
 * A need expressed by a territorial actor for a campaign, submitted in the contribution window or imported by a
 * curator, and what became of it. The author's name, e-mail and function are personal data: they stay here and
 * never travel in an event.
 */
class Contribution implements AggregateRoot<Contribution, ContributionId> {


	enum Source {
		FORM, IMPORT
	}

	/** Who wrote it (personal data). The user name is that of the signed-in author; imports have none. */
	record Author(String username, String name, String email) {
	}

	/** The organisation the author acts for. */
	record OrganisationRef(Siren siren, String name, CollectiviteKind kind) {
		OrganisationRef {
			if (siren == null || name == null || name.isBlank()) {
				throw new IllegalArgumentException("Une contribution émane d'une organisation identifiée.");
			}
			kind = kind == null ? CollectiviteKind.OTHER : kind;
		}
	}

	private final ContributionId id;
	private final CampaignId campaignId;
	private String title;
	private String need;
	private String theme;
	private AuthorRole authorRole;
	private String authorFunction;
	private final Author author;
	private final OrganisationRef organisation;
	private final Instant submittedAt;
	private final Source source;
	private final String importKey;
	private Outcome outcome;
	private String decidedBy;
	private Instant decidedAt;
	private Instant revisedAt;

	private final transient RegisteredEvents events = new RegisteredEvents();

	Contribution(ContributionId id, CampaignId campaignId, String title, String need, String theme,
			AuthorRole authorRole, String authorFunction, Author author, OrganisationRef organisation,
			Instant submittedAt, Source source, String importKey, Outcome outcome, String decidedBy, Instant decidedAt) {
		this.id = id;
		this.campaignId = campaignId;
		this.title = title;
		this.need = need;
		this.theme = theme;
		this.authorRole = authorRole;
		this.authorFunction = authorFunction;
		this.author = author;
		this.organisation = organisation;
		this.submittedAt = submittedAt;
		this.source = source;
		this.importKey = importKey;
		this.outcome = outcome;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	/**
	 * A contribution submitted by a signed-in author: only inside the campaign's contribution window, with a theme of
	 * the campaign and every field filled in.
	 */
	static Contribution submit(Campaign campaign, Submission submission, Author author, OrganisationRef organisation,
			Instant now) {
		if (!campaign.acceptsContributionsAt(now)) {
			throw new OutsideContributionWindowException(windowMessage(campaign, now));
		}
		return create(campaign, submission, author, organisation, now, Source.FORM, null);
	}

	/**
	 * A contribution gathered elsewhere (meetings, another form) and imported by a curator. It is not subject to the
	 * contribution window: it was received by other means, possibly during the window, and the curator may only
	 * import it afterwards; its {@code submittedAt} says when it was really received.
	 */
	static Contribution imported(Campaign campaign, Submission submission, Author author, OrganisationRef organisation,
			Instant submittedAt) {
		return create(campaign, submission, author, organisation, submittedAt, Source.IMPORT,
				importKey(campaign.id(), submission, organisation.siren()));
	}

	private static Contribution create(Campaign campaign, Submission submission, Author author,
			OrganisationRef organisation, Instant submittedAt, Source source, String importKey) {
		var problems = submission.problems(campaign);
		if (!problems.isEmpty()) {
			throw new InvalidSubmissionException(problems, campaign.themes());
		}
		var contribution = new Contribution(ContributionId.random(), campaign.id(), submission.title(),
				submission.need(), campaign.theme(submission.theme()).orElseThrow(),
				AuthorRole.parse(submission.authorRole()).orElseThrow(), submission.authorFunction(), author,
				organisation, submittedAt, source, importKey, Outcome.PENDING, null, null);
		contribution.events.register(new ContributionSubmitted(contribution.id, contribution.campaignId, contribution.title,
				contribution.need, contribution.theme, contribution.authorRole.name(), organisation.siren(),
				organisation.name(), organisation.kind(), submittedAt));
		return contribution;
	}

	/**
	 * Records a curation decision. The latest decision wins (a correction before publication is a new decision); an
	 * older decision delivered late does not replace a newer one.
	 *
	 * @return whether the decision is now the contribution's outcome
	 */
	boolean decide(Outcome decided, String by, Instant at) {
		if (decided == null || decided instanceof Outcome.Pending || at == null) {
			throw new IllegalArgumentException("Une décision a une issue et une date.");
		}
		if (decidedAt != null && at.isBefore(decidedAt)) {
			return false;
		}
		this.outcome = decided;
		this.decidedBy = by;
		this.decidedAt = at;
		return true;
	}

	/**
	 * A curator took the contribution out of the proposal it was grouped into: it is pending again, back in the triage
	 * queue. Nothing changes when it is no longer in that proposal (a later decision moved it) or when the undoing is
	 * older than its current decision (delivered late).
	 *
	 * @return whether the contribution is now pending again
	 */
	boolean ungroup(ProposalId from, String by, Instant at) {
		if (!(outcome instanceof Outcome.Grouped grouped) || !grouped.proposalId().equals(from)
				|| (decidedAt != null && at.isBefore(decidedAt))) {
			return false;
		}
		this.outcome = Outcome.PENDING;
		this.decidedBy = by;
		this.decidedAt = at;
		return true;
	}

	/**
	 * Its author corrects a contribution still waiting to be triaged, inside the contribution window (after it, no new
	 * text is accepted), with the same checks as a submission; curation learns the new text.
	 */
	void revise(Campaign campaign, Submission submission, Instant now) {
		requirePending("modifiée");
		if (!campaign.acceptsContributionsAt(now)) {
			throw new IntakeExceptions.NotRevisableException(windowMessage(campaign, now)
					+ " Vous pouvez encore retirer votre contribution tant qu'elle n'a pas été analysée.");
		}
		var problems = submission.problems(campaign);
		if (!problems.isEmpty()) {
			throw new InvalidSubmissionException(problems, campaign.themes());
		}
		this.title = submission.title();
		this.need = submission.need();
		this.theme = campaign.theme(submission.theme()).orElseThrow();
		this.authorRole = AuthorRole.parse(submission.authorRole()).orElseThrow();
		this.authorFunction = submission.authorFunction();
		this.revisedAt = now;
		events.register(new ContributionRevised(id, campaignId, title, need, theme, authorRole.name(), now));
	}

	/**
	 * Its author withdraws a contribution still waiting to be triaged (at any time: a withdrawal adds nothing to the
	 * campaign); curation drops it from its queue.
	 */
	void withdraw(Instant now) {
		requirePending("retirée");
		events.register(new ContributionWithdrawn(id, campaignId, now));
	}

	private void requirePending(String what) {
		if (!(outcome instanceof Outcome.Pending)) {
			throw new IntakeExceptions.NotRevisableException("Cette contribution a déjà été analysée par l'équipe de la campagne (« "
					+ outcome.status().label() + " ») : elle ne peut plus être " + what + ".");
		}
	}

	boolean isPending() {
		return outcome instanceof Outcome.Pending;
	}

	Instant revisedAt() {
		return revisedAt;
	}

	/** The date of its last correction by its author, as read from the store. */
	Contribution revisedAt(Instant at) {
		this.revisedAt = at;
		return this;
	}

	boolean isAuthoredBy(String username) {
		return author.username() != null && author.username().equals(username);
	}

	/** The key that makes an import idempotent: campaign, normalised title and need, SIREN. */
	static String importKey(CampaignId campaign, Submission submission, Siren siren) {
		var text = campaign + "\n" + normalise(submission.title()) + "\n" + normalise(submission.need()) + "\n" + siren;
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String normalise(String text) {
		return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
				.replaceAll("\\s+", " ").strip();
	}

	static String windowMessage(Campaign campaign, Instant now) {
		Window window = campaign.contributions();
		if (window.isAhead(now)) {
			return "La période de contribution de la campagne « " + campaign.title() + " » n'est pas encore ouverte : elle ouvrira le "
					+ FrenchDates.dateTime(window.opens()) + ".";
		}
		return "La période de contribution de la campagne « " + campaign.title() + " » est close depuis le "
				+ FrenchDates.dateTime(window.closes()) + " : aucune contribution n'est plus acceptée.";
	}

	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return events;
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

	AuthorRole authorRole() {
		return authorRole;
	}

	String authorFunction() {
		return authorFunction;
	}

	Author author() {
		return author;
	}

	OrganisationRef organisation() {
		return organisation;
	}

	Instant submittedAt() {
		return submittedAt;
	}

	Source source() {
		return source;
	}

	String importKey() {
		return importKey;
	}

	Outcome outcome() {
		return outcome;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}
}
