package cocon.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalsMerged;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.shared.identity.ContributionAuthors;

/**
 * What contributors are told: the outcome of their contribution, one mail per decision that changed it (a decision
 * delivered twice, or older than the one already told, tells nothing), then what becomes of its proposal: published,
 * shortlisted, funded, a service available ({@link DecisionMails}). The author's address is asked of intake when the
 * outcome is told (ADR 41).
 */
@Component
class ContributorMails {

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final Recipients recipients;
	private final ContributionAuthors authors;

	ContributorMails(JdbcClient jdbc, Outbox outbox, Recipients recipients, ContributionAuthors authors) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.recipients = recipients;
		this.authors = authors;
	}

	void on(ContributionSubmitted event) {
		jdbc.sql("""
				insert into notifications.contribution as c (id, campaign_id, title, submitted_at) values (?, ?, ?, ?)
				on conflict (id) do update set submitted_at = excluded.submitted_at where c.submitted_at is null""")
				.params(event.contributionId().id(), event.campaignId().id(), event.title(),
						Timestamps.column(event.submittedAt()))
				.update();
	}

	void on(ContributionGrouped event) {
		var others = jdbc.sql("""
				select count(*) from notifications.contribution where proposal_id = ? and id <> ?""")
				.params(event.proposalId().id(), event.contributionId().id()).query(Long.class).single();
		// alone in its proposal, a contribution is not « grouped with other needs » (issue 25, point 7)
		var what = others == 0
				? "a été intégrée à la proposition « " + event.proposalTitle() + " »."
				: "a été regroupée avec " + (others == 1 ? "un autre besoin proche" : others + " autres besoins proches")
						+ " dans la proposition « " + event.proposalTitle() + " ».";
		decided(event.contributionId(), event.campaignId(), event.proposalId(), event.decidedAt(), "GROUPED",
				"Votre contribution a été intégrée à une proposition",
				List.of(what + " Une fois publiée, cette proposition pourra être soutenue par les collectivités."));
	}

	/**
	 * A grouping undone (the contribution is back in the triage queue): the mail that told of it is withdrawn if it
	 * was not sent yet (nor gathered in a digest sent), else a short correction follows it. A grouping told after
	 * this, or an older decision delivered late, changes nothing (the newest decision wins).
	 */
	void on(ContributionUngrouped event) {
		var contribution = event.contributionId().id();
		var newer = jdbc.sql("""
				insert into notifications.contribution as c (id, campaign_id, title, proposal_id, decided_at, pending)
				values (?, ?, '', null, ?, true)
				on conflict (id) do update set proposal_id = null, decided_at = excluded.decided_at, pending = true
				where c.decided_at is null or c.decided_at < excluded.decided_at""")
				.params(contribution, event.campaignId().id(), Timestamps.column(event.decidedAt()))
				.update() == 1;
		if (!newer) {
			return;
		}
		var grouping = "contribution-outcome:" + event.contributionId() + ":GROUPED:%";
		jdbc.sql("""
				delete from notifications.outbox o using notifications.message m
				where m.id = o.message_id and m.notification_key like ? and o.sent_at is null""")
				.param(grouping).update();
		var told = jdbc.sql("""
				select o.recipient_key from notifications.outbox o join notifications.message m on m.id = o.message_id
				where m.notification_key like ? and o.sent_at is not null order by o.seq desc limit 1""")
				.param(grouping).query(String.class).optional();
		if (told.isEmpty()) {
			return; // nothing was told (or its mail just withdrawn): nothing to correct
		}
		var title = jdbc.sql("select title from notifications.contribution where id = ?").param(contribution)
				.query(String.class).optional().filter(t -> !t.isBlank()).orElse(null);
		var which = title == null ? "Votre contribution" : "Votre contribution « " + title + " »";
		outbox.queueTo(told.get(), "contribution-ungrouped:" + event.contributionId() + ":" + event.decidedAt(),
				Kind.CONTRIBUTION_OUTCOME,
				Mail.of("[Cocon] Correction : votre contribution n'est plus dans la proposition « " + event.proposalTitle()
						+ " »",
						List.of(which + " a finalement été retirée de la proposition « " + event.proposalTitle()
								+ " » : elle attend de nouveau d'être étudiée par l'équipe de curation. "
								+ "Le courriel qui vous annonçait ce regroupement ne vaut plus ; vous serez informé de "
								+ "la suite."),
						"Retrouvez toutes vos contributions et leur devenir sur la page « Mes contributions »",
						outbox.link("/mes-contributions")));
	}

	void on(ContributionReoriented event) {
		var note = event.note() == null || event.note().isBlank() ? List.<String>of()
				: List.of("Précisions de l'équipe : " + event.note());
		decided(event.contributionId(), event.campaignId(), null, event.decidedAt(), "REORIENTED",
				"Votre contribution a été réorientée",
				concat("a été réorientée vers « " + event.target() + " », qui répond déjà à ce besoin.", note));
	}

	void on(ContributionRejected event) {
		decided(event.contributionId(), event.campaignId(), null, event.decidedAt(), "REJECTED",
				"Votre contribution n'a pas été retenue",
				concat("n'a pas été retenue.", List.of("Motif : " + event.reason())));
	}

	void on(ProposalPublished event) {
		jdbc.sql("""
				insert into notifications.proposal (id, campaign_id, title) values (?, ?, ?)
				on conflict (id) do update set title = excluded.title""")
				.params(event.proposalId().id(), event.campaignId().id(), event.title()).update();
		toContributors(event.proposalId(), "proposal-published:" + event.proposalId(),
				Mail.of("[Cocon] La proposition issue de votre contribution est publiée : « " + event.title() + " »",
						List.of("La proposition « " + event.title() + " », qui reprend votre contribution, est publiée. "
								+ "Les collectivités peuvent désormais la soutenir."),
						"Voir la proposition", outbox.link("/propositions/" + event.proposalId())));
	}

	void on(ProposalsMerged event) {
		jdbc.sql("update notifications.contribution set proposal_id = ? where proposal_id = ?")
				.params(event.survivorId().id(), event.absorbedId().id()).update();
		jdbc.sql("""
				insert into notifications.support (campaign_id, proposal_id, siren)
				select campaign_id, ?, siren from notifications.support where proposal_id = ? on conflict do nothing""")
				.params(event.survivorId().id(), event.absorbedId().id()).update();
	}

	/** Queues a mail about a proposal to the authors of its contributions. */
	int toContributors(ProposalId proposal, String key, Mail mail) {
		return outbox.queue(key, Kind.PROPOSAL_NEWS, mail, """
				r.recipient_key in (select c.author_key from notifications.contribution c
				                    where c.proposal_id = :proposal and c.author_key is not null)""",
				Map.of("proposal", proposal.id()));
	}

	private void decided(ContributionId id, CampaignId campaign, ProposalId proposal, Instant decidedAt, String status,
			String subject, List<String> paragraphs) {
		var author = authors.authorOf(id);
		var newer = jdbc.sql("""
				insert into notifications.contribution as c (id, campaign_id, title, proposal_id, decided_at, pending)
				values (:id, :campaign, :title, :proposal, :at, false)
				on conflict (id) do update set proposal_id = excluded.proposal_id, decided_at = excluded.decided_at,
				    pending = false
				where c.decided_at is null or c.decided_at < excluded.decided_at""")
				.param("id", id.id())
				.param("campaign", campaign.id())
				.param("title", author.map(ContributionAuthors.Author::title).orElse(""))
				.param("proposal", proposal == null ? null : proposal.id())
				.param("at", Timestamps.column(decidedAt))
				.update() == 1;
		if (!newer || author.isEmpty()) {
			return;
		}
		var who = author.get();
		var key = recipients.contributor(who.username(), who.name(), who.email());
		jdbc.sql("update notifications.contribution set author_key = ? where id = ?").params(key, id.id()).update();
		var greeting = who.name() == null ? "Bonjour," : "Bonjour " + who.name() + ",";
		var body = new java.util.ArrayList<>(paragraphs);
		body.set(0, "Votre contribution « " + who.title() + " » " + body.get(0));
		var mail = new Mail("[Cocon] " + subject + " : « " + who.title() + " »", greeting, body,
				"Retrouvez toutes vos contributions et leur devenir sur la page « Mes contributions »",
				outbox.link("/mes-contributions"));
		outbox.queueTo(key, "contribution-outcome:" + id + ":" + status + ":" + decidedAt, Kind.CONTRIBUTION_OUTCOME,
				mail);
	}

	private static List<String> concat(String first, List<String> rest) {
		var all = new java.util.ArrayList<String>();
		all.add(first);
		all.addAll(rest);
		return all;
	}
}
