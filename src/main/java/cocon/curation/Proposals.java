package cocon.curation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.shared.Refusal;

/**
 * Stores proposals with an optimistic lock: two decisions taken concurrently on the same proposal (publishing it
 * while a contribution leaves it, say) cannot both succeed. Saving publishes the events the aggregate registered.
 */
@Repository
class Proposals {

	private final JdbcClient jdbc;
	private final History history;
	private final ApplicationEventPublisher events;

	Proposals(JdbcClient jdbc, History history, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.history = history;
		this.events = events;
	}

	Optional<Proposal> findById(ProposalId id) {
		return jdbc.sql("select * from curation.proposal where id = ?").param(id.id()).query(Proposals::map).optional();
	}

	Proposal get(ProposalId id) {
		return findById(id).orElseThrow(() -> new Refusal.NotFound("Proposition inconnue : " + id + "."));
	}

	/** The live (draft or published) proposals of a campaign, by title. */
	List<Proposal> liveOf(CampaignId campaign) {
		return jdbc.sql("select * from curation.proposal where campaign_id = ? and status <> 'MERGED' order by title, id")
				.param(campaign.id()).query(Proposals::map).list();
	}

	void save(Proposal proposal) {
		if (proposal.version() == 0) {
			jdbc.sql("""
					insert into curation.proposal (id, campaign_id, title, summary, theme, status, merged_into, created_by,
					    created_at, published_at, version)
					values (:id, :campaign, :title, :summary, :theme, :status, :mergedInto, :createdBy, :createdAt, :publishedAt, 1)""")
					.params(params(proposal)).update();
			proposal.versionSaved(1);
		}
		else {
			var updated = jdbc.sql("""
					update curation.proposal set title = :title, summary = :summary, theme = :theme, status = :status,
					    merged_into = :mergedInto, published_at = :publishedAt, version = version + 1
					where id = :id and version = :version""").params(params(proposal)).update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException("La proposition a été modifiée entre-temps : rechargez-la.");
			}
			proposal.versionSaved(proposal.version() + 1);
		}
		proposal.changes().storeIn(history, events);
	}

	private static java.util.Map<String, Object> params(Proposal p) {
		var map = new java.util.HashMap<String, Object>();
		map.put("id", p.getId().id());
		map.put("campaign", p.campaignId().id());
		map.put("title", p.title());
		map.put("summary", p.summary());
		map.put("theme", p.theme());
		map.put("status", p.status().name());
		map.put("mergedInto", p.mergedInto() == null ? null : p.mergedInto().id());
		map.put("createdBy", p.createdBy());
		map.put("createdAt", Timestamps.column(p.createdAt()));
		map.put("publishedAt", p.publishedAt() == null ? null : Timestamps.column(p.publishedAt()));
		map.put("version", p.version());
		return map;
	}

	static Proposal map(ResultSet rs, int row) throws SQLException {
		var mergedInto = rs.getObject("merged_into", UUID.class);
		return new Proposal(new ProposalId(rs.getObject("id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"), rs.getString("summary"),
				rs.getString("theme"), Proposal.Status.valueOf(rs.getString("status")),
				mergedInto == null ? null : new ProposalId(mergedInto), rs.getString("created_by"),
				Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "published_at"), rs.getLong("version"));
	}

}
