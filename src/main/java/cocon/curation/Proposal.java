package cocon.curation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.curation.Decision.Action;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Refusal;
import cocon.shared.Siren;

/**
 * A proposal built by curators from contributions: a title, a summary and a theme of its campaign. It is a
 * draft until published (published once, which opens it for support); a proposal absorbed by a merge is kept,
 * pointing to the survivor. The contributions behind it are the {@link Contribution}s grouped into it.
 */
class Proposal implements AggregateRoot<Proposal, ProposalId> {

	enum Status {
		DRAFT("Brouillon"), PUBLISHED("Publiée"), MERGED("Fusionnée");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final ProposalId id;
	private final CampaignId campaignId;
	private String title;
	private String summary;
	private String theme;
	private Status status;
	private ProposalId mergedInto;
	private final String createdBy;
	private final Instant createdAt;
	private Instant publishedAt;
	private long version;

	private final transient PendingChanges changes = new PendingChanges();

	Proposal(ProposalId id, CampaignId campaignId, String title, String summary, String theme, Status status,
			ProposalId mergedInto, String createdBy, Instant createdAt, Instant publishedAt, long version) {
		this.id = id;
		this.campaignId = campaignId;
		this.title = title;
		this.summary = summary;
		this.theme = theme;
		this.status = status;
		this.mergedInto = mergedInto;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.publishedAt = publishedAt;
		this.version = version;
	}

	static Proposal create(CampaignCopy campaign, String title, String summary, String theme, String by, Instant at) {
		campaign.requireTheme(theme);
		var proposal = new Proposal(ProposalId.random(), campaign.id(), required("title", title),
				required("summary", summary), theme, Status.DRAFT, null, by, at, null, 0);
		proposal.decide(Action.PROPOSAL_CREATED, "Proposition « " + proposal.title + " » créée (thème " + theme + ").",
				by, at);
		return proposal;
	}

	/** Edits title, summary and theme; a published proposal tells the other modules. */
	void revise(CampaignCopy campaign, String title, String summary, String theme, String by, Instant at) {
		requireLive();
		campaign.requireTheme(theme);
		title = required("title", title);
		summary = required("summary", summary);
		if (title.equals(this.title) && summary.equals(this.summary) && theme.equals(this.theme)) {
			return;
		}
		var edits = new ArrayList<String>();
		if (!title.equals(this.title)) {
			edits.add("titre « " + this.title + " » → « " + title + " »");
		}
		if (!summary.equals(this.summary)) {
			edits.add("résumé modifié");
		}
		if (!theme.equals(this.theme)) {
			edits.add("thème " + this.theme + " → " + theme);
		}
		this.title = title;
		this.summary = summary;
		this.theme = theme;
		decide(Action.PROPOSAL_REVISED, "Modification : " + String.join(" ; ", edits) + ".", by, at);
		if (status == Status.PUBLISHED) {
			changes.register(new ProposalRevised(id, campaignId, title, summary, theme, at));
		}
	}

	/**
	 * Publishes the proposal, once: it needs at least one contribution and an open (or future) support window.
	 *
	 * @param organisations the distinct SIRENs of its contributors, its first natural supporters
	 */
	void publish(CampaignCopy campaign, int contributions, List<Siren> organisations, String by, Instant at) {
		requireLive();
		if (status == Status.PUBLISHED) {
			throw new IllegalTransition("La proposition « " + title + " » est déjà publiée.");
		}
		if (contributions < 1) {
			throw new IllegalTransition("Une proposition ne peut être publiée que si au moins une contribution y est regroupée.");
		}
		campaign.requireSupportWindowNotClosed(at);
		markPublished(organisations, contributions, by, at);
	}

	private void markPublished(List<Siren> organisations, int contributions, String by, Instant at) {
		status = Status.PUBLISHED;
		publishedAt = at;
		decide(Action.PROPOSAL_PUBLISHED, "Proposition publiée avec " + contributions
				+ (contributions > 1 ? " contributions de " : " contribution de ") + organisations.size()
				+ (organisations.size() > 1 ? " organisations" : " organisation") + " : elle est ouverte aux soutiens.", by, at);
		changes.register(new ProposalPublished(id, campaignId, title, summary, theme, List.copyOf(organisations), at));
	}

	/**
	 * Absorbs the other proposal of the same campaign: it becomes MERGED, pointing to this one. This one is
	 * published if either was (a published proposal never goes back to draft).
	 *
	 * @param contributions the number of contributions of this one once the merge is done
	 * @param organisations the distinct SIRENs of its contributors once the merge is done
	 */
	void absorb(Proposal absorbed, CampaignCopy campaign, int contributions, List<Siren> organisations, String by,
			Instant at) {
		requireLive();
		if (absorbed.id.equals(id)) {
			throw new IllegalTransition("Une proposition ne peut pas être fusionnée avec elle-même.");
		}
		if (!absorbed.campaignId.equals(campaignId)) {
			throw new IllegalTransition("Seules deux propositions de la même campagne peuvent être fusionnées.");
		}
		if (absorbed.status == Status.MERGED) {
			throw new IllegalTransition("La proposition « " + absorbed.title + " » a déjà été fusionnée dans une autre.");
		}
		if (status == Status.PUBLISHED || absorbed.status == Status.PUBLISHED) {
			campaign.requireSupportWindowNotClosed(at);
		}
		absorbed.status = Status.MERGED;
		absorbed.mergedInto = id;
		absorbed.decide(Action.ABSORBED, "Fusionnée dans « " + title + " » : ses contributions et ses soutiens y sont repris.",
				by, at);
		decide(Action.MERGED, "A absorbé « " + absorbed.title + " » (" + absorbed.id + ").", by, at);
		changes.register(new ProposalsMerged(id, absorbed.id, campaignId, by, at));
		if (status == Status.DRAFT && absorbed.publishedAt != null) {
			markPublished(organisations, contributions, by, at);
		}
	}

	/** Records that contributions joined or left, which also guards concurrent publication (optimistic lock). */
	void contributionsChanged(Action action, String details, String by, Instant at) {
		decide(action, details, by, at);
	}

	boolean accepts() {
		return status != Status.MERGED;
	}

	void requireLive() {
		if (status == Status.MERGED) {
			throw new IllegalTransition("La proposition « " + title + " » a été fusionnée dans une autre : modifiez plutôt celle-ci.");
		}
	}

	boolean isPublished() {
		return status == Status.PUBLISHED;
	}

	private void decide(Action action, String details, String by, Instant at) {
		changes.decided(new Decision(campaignId, null, id, action, details, by, at));
	}

	private static String required(String field, String value) {
		return Refusal.Invalid.required(field, value, "Ce champ est obligatoire.");
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
	public ProposalId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	String title() {
		return title;
	}

	String summary() {
		return summary;
	}

	String theme() {
		return theme;
	}

	Status status() {
		return status;
	}

	ProposalId mergedInto() {
		return mergedInto;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant publishedAt() {
		return publishedAt;
	}

	long version() {
		return version;
	}

	void versionSaved(long version) {
		this.version = version;
	}
}
