package cocon.governance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/**
 * Governance's own copy of what the committee decides on: the published proposals (from curation) and the counts
 * of their supports, live then final, as voting publishes them (voting alone counts, ADR 0019). Every write is
 * idempotent: an event delivered twice changes nothing.
 */
@Repository
class ProposalBook {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ProposalBook(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record KnownProposal(ProposalId id, CampaignId campaignId, String title, String theme, boolean absorbed) {
	}

	void published(ProposalId id, CampaignId campaign, String title, String summary, String theme, Instant at) {
		jdbc.sql("""
				insert into governance.proposal (id, campaign_id, title, theme, summary, published_at)
				values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
				.params(id.id(), campaign.id(), title, theme, summary, Timestamps.column(at)).update();
	}

	void revised(ProposalId id, CampaignId campaign, String title, String summary, String theme, Instant at) {
		jdbc.sql("""
				insert into governance.proposal (id, campaign_id, title, theme, summary, published_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (id) do update set title = excluded.title, theme = excluded.theme, summary = excluded.summary""")
				.params(id.id(), campaign.id(), title, theme, summary, Timestamps.column(at)).update();
	}

	/**
	 * Marks the absorbed proposal: it no longer stands. Its supports are moved by voting, which publishes the new
	 * counts of both proposals ({@link #counted}).
	 */
	void merged(ProposalId survivor, ProposalId absorbed) {
		jdbc.sql("update governance.proposal set absorbed_into = ? where id = ? and exists (select 1 from governance.proposal where id = ?)")
				.params(survivor.id(), absorbed.id(), survivor.id()).update();
	}

	/**
	 * Keeps the live counts voting publishes, one row per proposal, in one statement per batch: a count replaces
	 * the one kept only if its position is higher, so that a batch delivered late or twice changes nothing (ADR
	 * 0019). Rows are written in the order of their proposal, so that two batches delivered at the same time (two
	 * instances publishing their feeds) lock the rows they share in the same order instead of deadlocking.
	 */
	void counted(CampaignId campaign, long position, Collection<Tally> counts) {
		if (counts.isEmpty()) {
			return;
		}
		var rows = counts.stream().map(count -> Map.of("proposal_id", count.proposalId().id(), "support_count",
				count.count(), "by_kind", count.byKind(), "population_covered", count.population())).toList();
		jdbc.sql("""
				insert into governance.live_tally (proposal_id, campaign_id, support_count, by_kind, population_covered,
				                                   position)
				select c.proposal_id, ?, c.support_count, c.by_kind, c.population_covered, ?
				from jsonb_to_recordset(cast(? as jsonb))
				  as c(proposal_id uuid, support_count integer, by_kind jsonb, population_covered bigint)
				order by c.proposal_id
				on conflict (proposal_id) do update
				  set support_count = excluded.support_count, by_kind = excluded.by_kind,
				      population_covered = excluded.population_covered, position = excluded.position
				  where governance.live_tally.position < excluded.position""")
				.params(campaign.id(), position, json.writeValueAsString(rows))
				.update();
	}

	/** Records the final tally once; a second delivery finds it already there. */
	void supportsClosed(CampaignId campaign, long total, Instant closedAt, Collection<Tally> tallies) {
		var inserted = jdbc.sql("""
				insert into governance.closed_campaign (campaign_id, total_supports, closed_at) values (?, ?, ?)
				on conflict do nothing""").params(campaign.id(), total, Timestamps.column(closedAt)).update();
		if (inserted == 0) {
			return;
		}
		for (var tally : tallies) {
			jdbc.sql("""
					insert into governance.final_tally (campaign_id, proposal_id, support_count, by_kind, population_covered)
					values (?, ?, ?, cast(? as jsonb), ?) on conflict do nothing""")
					.params(campaign.id(), tally.proposalId().id(), tally.count(), json.writeValueAsString(tally.byKind()),
							tally.population())
					.update();
		}
	}

	record Tally(ProposalId proposalId, int count, Map<CollectiviteKind, Integer> byKind, long population) {
	}

	Optional<KnownProposal> find(ProposalId id) {
		return jdbc.sql("select id, campaign_id, title, theme, absorbed_into from governance.proposal where id = ?")
				.param(id.id())
				.query((rs, n) -> new KnownProposal(new ProposalId(rs.getObject("id", UUID.class)),
						new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"),
						rs.getString("theme"), rs.getObject("absorbed_into") != null))
				.optional();
	}

	/** The published proposals of a campaign still standing (not absorbed by a merge), by title. */
	List<KnownProposal> standing(CampaignId campaign) {
		return jdbc.sql("""
				select id, campaign_id, title, theme from governance.proposal
				where campaign_id = ? and absorbed_into is null order by title""")
				.param(campaign.id())
				.query((rs, n) -> new KnownProposal(new ProposalId(rs.getObject("id", UUID.class)),
						new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"),
						rs.getString("theme"), false))
				.list();
	}

	boolean supportsClosed(CampaignId campaign) {
		return jdbc.sql("select count(*) from governance.closed_campaign where campaign_id = ?").param(campaign.id())
				.query(Integer.class).single() > 0;
	}

	/** Supports per proposal: the final tally once the window closed, the live count before. */
	Map<UUID, Tally> supports(CampaignId campaign) {
		var counts = supportsClosed(campaign)
				? "governance.final_tally where campaign_id = ?"
				: "governance.live_tally where campaign_id = ? and support_count > 0";
		var result = new java.util.HashMap<UUID, Tally>();
		jdbc.sql("select proposal_id, support_count, by_kind::text as by_kind, population_covered from " + counts)
				.param(campaign.id())
				.query(rs -> {
					var id = rs.getObject("proposal_id", UUID.class);
					result.put(id, new Tally(new ProposalId(id), rs.getInt("support_count"),
							byKind(rs.getString("by_kind")), rs.getLong("population_covered")));
				});
		return result;
	}

	private Map<CollectiviteKind, Integer> byKind(String text) {
		var raw = json.readValue(text, new tools.jackson.core.type.TypeReference<Map<String, Integer>>() {
		});
		var kinds = new java.util.EnumMap<CollectiviteKind, Integer>(CollectiviteKind.class);
		raw.forEach((k, v) -> kinds.put(CollectiviteKind.valueOf(k), v));
		return kinds;
	}
}
