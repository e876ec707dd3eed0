package cocon.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Timestamps;

/**
 * The contributions, stored with plain SQL in the {@code intake} schema (the shared-kernel value types map to
 * columns explicitly, without global converters other modules would inherit). The SQL constraints repeat the
 * aggregate's invariants.
 */
@Repository
@org.jmolecules.ddd.annotation.Repository
class Contributions {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	Contributions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Stores a new contribution and publishes the events it registered, in the caller's transaction; false (and
	 * nothing published) when an import of the same contribution is already stored.
	 */
	boolean add(Contribution c) {
		boolean added = jdbc.sql("""
				insert into intake.contribution (id, campaign_id, title, need, theme, author_role, author_function,
				  author_username, author_name, author_email, organisation_siren, organisation_name, organisation_kind,
				  submitted_at, source, import_key)
				values (:id, :campaign, :title, :need, :theme, :role, :function, :username, :name, :email, :siren,
				  :organisation, :kind, :submittedAt, :source, :importKey)
				on conflict (import_key) do nothing
				""")
				.param("id", c.getId().id())
				.param("campaign", c.campaignId().id())
				.param("title", c.title())
				.param("need", c.need())
				.param("theme", c.theme())
				.param("role", c.authorRole().name())
				.param("function", c.authorFunction())
				.param("username", c.author().username(), java.sql.Types.VARCHAR)
				.param("name", c.author().name(), java.sql.Types.VARCHAR)
				.param("email", c.author().email(), java.sql.Types.VARCHAR)
				.param("siren", c.organisation().siren().value())
				.param("organisation", c.organisation().name())
				.param("kind", c.organisation().kind().name())
				.param("submittedAt", Timestamps.column(c.submittedAt()))
				.param("source", c.source().name())
				.param("importKey", c.importKey(), java.sql.Types.VARCHAR)
				.update() == 1;
		if (added) {
			c.events().publishTo(events);
		}
		else {
			c.events().discard();
		}
		return added;
	}

	/**
	 * Stores the contribution's outcome, unless a later decision was stored meanwhile (the SQL condition repeats the
	 * aggregate's rule so that two decisions handled at once cannot go back in time).
	 */
	boolean saveOutcome(Contribution c) {
		return outcomeParams(jdbc.sql("""
				update intake.contribution set outcome = :outcome, proposal_id = :proposal, proposal_title = :proposalTitle,
				  reorientation_target = :target, reorientation_note = :note, rejection_reason = :reason,
				  decided_by = :by, decided_at = :at
				where id = :id and (decided_at is null or decided_at <= :at)
				"""), c.outcome())
				.param("id", c.getId().id())
				.param("by", c.decidedBy(), java.sql.Types.VARCHAR)
				.param("at", Timestamps.column(c.decidedAt()))
				.update() == 1;
	}

	/**
	 * Stores its author's correction and publishes it, unless the contribution was triaged meanwhile (the SQL condition
	 * repeats the aggregate's rule).
	 */
	boolean saveRevision(Contribution c) {
		boolean saved = jdbc.sql("""
				update intake.contribution set title = :title, need = :need, theme = :theme, author_role = :role,
				  author_function = :function, revised_at = :at
				where id = :id and outcome = 'PENDING'""")
				.param("id", c.getId().id())
				.param("title", c.title())
				.param("need", c.need())
				.param("theme", c.theme())
				.param("role", c.authorRole().name())
				.param("function", c.authorFunction())
				.param("at", Timestamps.column(c.revisedAt()))
				.update() == 1;
		publishIf(saved, c);
		return saved;
	}

	/**
	 * Removes a contribution its author withdrew, unless it was triaged meanwhile; what remains is the fact of the
	 * withdrawal (which contribution, of which campaign, when), without its text nor its author.
	 */
	boolean withdraw(Contribution c, Instant at) {
		boolean removed = jdbc.sql("delete from intake.contribution where id = :id and outcome = 'PENDING'")
				.param("id", c.getId().id()).update() == 1;
		if (removed) {
			jdbc.sql("""
					insert into intake.contribution_withdrawal (contribution_id, campaign_id, withdrawn_at)
					values (:id, :campaign, :at) on conflict do nothing""")
					.param("id", c.getId().id()).param("campaign", c.campaignId().id()).param("at", Timestamps.column(at))
					.update();
		}
		publishIf(removed, c);
		return removed;
	}

	private void publishIf(boolean stored, Contribution c) {
		if (stored) {
			c.events().publishTo(events);
		}
		else {
			c.events().discard();
		}
	}

	/** Keeps the decision in the history; false when it was already recorded (an event delivered twice). */
	boolean recordDecision(ContributionId id, Outcome outcome, String by, Instant at, Instant now) {
		return outcomeParams(jdbc.sql("""
				insert into intake.outcome_decision (contribution_id, outcome, proposal_id, proposal_title,
				  reorientation_target, reorientation_note, rejection_reason, decided_by, decided_at, recorded_at)
				values (:id, :outcome, :proposal, :proposalTitle, :target, :note, :reason, :by, :at, :now)
				on conflict (contribution_id, outcome, decided_at) do nothing
				"""), outcome)
				.param("id", id.id())
				.param("by", by == null ? "inconnu" : by)
				.param("at", Timestamps.column(at))
				.param("now", Timestamps.column(now))
				.update() == 1;
	}

	/**
	 * Keeps an undone grouping in the history (pending again, naming the proposal it left); false when it was already
	 * recorded (an event delivered twice).
	 */
	boolean recordUngrouping(ContributionId id, ProposalId left, String leftTitle, String by, Instant at, Instant now) {
		return jdbc.sql("""
				insert into intake.outcome_decision (contribution_id, outcome, proposal_id, proposal_title, decided_by,
				  decided_at, recorded_at)
				values (:id, 'PENDING', :proposal, :title, :by, :at, :now)
				on conflict (contribution_id, outcome, decided_at) do nothing""")
				.param("id", id.id()).param("proposal", left.id()).param("title", leftTitle, java.sql.Types.VARCHAR)
				.param("by", by, java.sql.Types.VARCHAR).param("at", Timestamps.column(at))
				.param("now", Timestamps.column(now)).update() == 1;
	}

	/** The outcome's columns, the same in the contribution and in its history of decisions. */
	private static JdbcClient.StatementSpec outcomeParams(JdbcClient.StatementSpec statement, Outcome outcome) {
		return statement
				.param("outcome", outcome.status().name())
				.param("proposal", outcome instanceof Outcome.Grouped g ? g.proposalId().id() : null, java.sql.Types.OTHER)
				.param("proposalTitle", outcome instanceof Outcome.Grouped g ? g.proposalTitle() : null, java.sql.Types.VARCHAR)
				.param("target", outcome instanceof Outcome.Reoriented r ? r.target() : null, java.sql.Types.VARCHAR)
				.param("note", outcome instanceof Outcome.Reoriented r ? r.note() : null, java.sql.Types.VARCHAR)
				.param("reason", outcome instanceof Outcome.Rejected r ? r.reason() : null, java.sql.Types.VARCHAR);
	}

	/** A past decision on a contribution, as kept in its history. */
	record Decision(Outcome outcome, String decidedBy, Instant decidedAt, Instant recordedAt) {
	}

	List<Decision> history(ContributionId id) {
		return jdbc.sql("select * from intake.outcome_decision where contribution_id = ? order by decided_at, id")
				.param(id.id())
				.query((rs, row) -> new Decision(outcome(rs), rs.getString("decided_by"),
						Timestamps.instant(rs, "decided_at"), Timestamps.instant(rs, "recorded_at")))
				.list();
	}

	Optional<Contribution> find(ContributionId id) {
		return jdbc.sql("select * from intake.contribution where id = ?").param(id.id()).query(Contributions::map).optional();
	}

	/** The contributions of a signed-in author, latest first. */
	List<Contribution> byAuthor(String username) {
		return jdbc.sql("select * from intake.contribution where author_username = ? order by submitted_at desc, id")
				.param(username)
				.query(Contributions::map)
				.list();
	}

	/**
	 * The contributions imported from a file that name this e-mail address as their author's (an imported contribution
	 * has no account behind it: the address is how its author is recognised).
	 */
	List<Contribution> importedFrom(String email) {
		return jdbc.sql("""
				select * from intake.contribution
				where source = 'IMPORT' and author_username is null and lower(author_email) = lower(?)
				order by submitted_at desc, id""")
				.param(email.strip())
				.query(Contributions::map)
				.list();
	}

	long countByCampaign(CampaignId campaign) {
		return jdbc.sql("select count(*) from intake.contribution where campaign_id = ?").param(campaign.id())
				.query(Long.class).single();
	}

	private static Contribution map(ResultSet rs, int row) throws SQLException {
		Instant decidedAt = Timestamps.instant(rs, "decided_at");
		Instant revisedAt = Timestamps.instant(rs, "revised_at");
		return new Contribution(new ContributionId(rs.getObject("id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"), rs.getString("need"),
				rs.getString("theme"), AuthorRole.valueOf(rs.getString("author_role")), rs.getString("author_function"),
				new Contribution.Author(rs.getString("author_username"), rs.getString("author_name"), rs.getString("author_email")),
				new Contribution.OrganisationRef(new Siren(rs.getString("organisation_siren")), rs.getString("organisation_name"),
						CollectiviteKind.valueOf(rs.getString("organisation_kind"))),
				Timestamps.instant(rs, "submitted_at"), Contribution.Source.valueOf(rs.getString("source")),
				rs.getString("import_key"), outcome(rs), rs.getString("decided_by"),
				decidedAt)
				.revisedAt(revisedAt);
	}

	private static Outcome outcome(ResultSet rs) throws SQLException {
		return switch (rs.getString("outcome")) {
			case "GROUPED" -> new Outcome.Grouped(new ProposalId(rs.getObject("proposal_id", UUID.class)), rs.getString("proposal_title"));
			case "REORIENTED" -> new Outcome.Reoriented(rs.getString("reorientation_target"), rs.getString("reorientation_note"));
			case "REJECTED" -> new Outcome.Rejected(rs.getString("rejection_reason"));
			default -> Outcome.PENDING;
		};
	}
}
