package cocon.curation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import cocon.shared.Timestamps;

/** Stores the contributions under triage, with an optimistic lock; saving publishes the registered events. */
@Repository
class Contributions {

	private final JdbcClient jdbc;
	private final History history;
	private final ApplicationEventPublisher events;

	Contributions(JdbcClient jdbc, History history, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.history = history;
		this.events = events;
	}

	/** Adds a received contribution to the queue; a second delivery of the same event changes nothing. */
	boolean receive(ContributionSubmitted event) {
		var contribution = Contribution.received(event);
		return jdbc.sql("""
				insert into curation.contribution (id, campaign_id, title, need, theme, author_role, organisation_siren,
				    organisation_name, organisation_kind, submitted_at, outcome, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1)
				on conflict (id) do nothing""")
				.params(contribution.getId().id(), contribution.campaignId().id(), contribution.title(),
						contribution.need(), contribution.theme(), contribution.authorRole(),
						contribution.organisationSiren().value(), contribution.organisationName(),
						contribution.organisationKind().name(), Timestamps.column(contribution.submittedAt()))
				.update() == 1;
	}

	Optional<Contribution> findById(ContributionId id) {
		return jdbc.sql("select * from curation.contribution where id = ?").param(id.id()).query(Contributions::map)
				.optional();
	}

	Contribution get(ContributionId id) {
		return findById(id).orElseThrow(() -> new Refusal.NotFound("Contribution inconnue : " + id + "."));
	}

	List<Contribution> groupedInto(ProposalId proposal) {
		return jdbc.sql("select * from curation.contribution where proposal_id = ? order by submitted_at, id")
				.param(proposal.id()).query(Contributions::map).list();
	}

	void save(Contribution contribution) {
		var updated = jdbc.sql("""
				update curation.contribution set outcome = :outcome, proposal_id = :proposal,
				    reorientation_target = :target, reorientation_note = :note, rejection_reason = :reason,
				    decided_by = :by, decided_at = :at, version = version + 1
				where id = :id and version = :version""").params(params(contribution)).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("La contribution a été traitée entre-temps : rechargez la page.");
		}
		contribution.versionSaved(contribution.version() + 1);
		contribution.changes().storeIn(history, events);
	}

	private static Map<String, Object> params(Contribution c) {
		var map = new HashMap<String, Object>();
		map.put("id", c.getId().id());
		map.put("outcome", c.outcome().name());
		map.put("proposal", c.proposalId() == null ? null : c.proposalId().id());
		map.put("target", c.reorientationTarget());
		map.put("note", c.reorientationNote());
		map.put("reason", c.rejectionReason());
		map.put("by", c.decidedBy());
		map.put("at", c.decidedAt() == null ? null : Timestamps.column(c.decidedAt()));
		map.put("version", c.version());
		return map;
	}

	static Contribution map(ResultSet rs, int row) throws SQLException {
		var proposal = rs.getObject("proposal_id", UUID.class);
		return new Contribution(new ContributionId(rs.getObject("id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"), rs.getString("need"),
				rs.getString("theme"), rs.getString("author_role"), new Siren(rs.getString("organisation_siren")),
				rs.getString("organisation_name"), CollectiviteKind.valueOf(rs.getString("organisation_kind")),
				Timestamps.instant(rs, "submitted_at"), Outcome.valueOf(rs.getString("outcome")),
				proposal == null ? null : new ProposalId(proposal), rs.getString("reorientation_target"),
				rs.getString("reorientation_note"), rs.getString("rejection_reason"), rs.getString("decided_by"),
				Timestamps.instant(rs, "decided_at"), rs.getLong("version"));
	}
}
