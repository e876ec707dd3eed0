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
import cocon.shared.Siren;

/**
 * Governance's own copy of what the committee decides on: the published proposals (from curation) and their
 * supports, live then final (from voting). Every write is idempotent: an event delivered twice changes nothing.
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
				.params(id.id(), campaign.id(), title, theme, summary, CampaignRepository.ts(at)).update();
	}

	void revised(ProposalId id, CampaignId campaign, String title, String summary, String theme, Instant at) {
		jdbc.sql("""
				insert into governance.proposal (id, campaign_id, title, theme, summary, published_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (id) do update set title = excluded.title, theme = excluded.theme, summary = excluded.summary""")
				.params(id.id(), campaign.id(), title, theme, summary, CampaignRepository.ts(at)).update();
	}

	/** The absorbed proposal's live supports now count for the survivor (a collectivité counts once). */
	void merged(ProposalId survivor, ProposalId absorbed) {
		jdbc.sql("update governance.proposal set absorbed_into = ? where id = ? and exists (select 1 from governance.proposal where id = ?)")
				.params(survivor.id(), absorbed.id(), survivor.id()).update();
		jdbc.sql("""
				insert into governance.live_support (proposal_id, siren, campaign_id, kind, active, changed_at)
				select ?, siren, campaign_id, kind, active, changed_at from governance.live_support
				where proposal_id = ? and active
				on conflict (proposal_id, siren) do update set active = true, kind = excluded.kind""")
				.params(survivor.id(), absorbed.id()).update();
		jdbc.sql("delete from governance.live_support where proposal_id = ?").param(absorbed.id()).update();
	}

	void supportGiven(ProposalId proposal, CampaignId campaign, Siren siren, CollectiviteKind kind, Instant at) {
		change(proposal, campaign, siren, kind, true, at);
	}

	void supportWithdrawn(ProposalId proposal, CampaignId campaign, Siren siren, Instant at) {
		change(proposal, campaign, siren, null, false, at);
	}

	/** The latest change wins, whatever order the asynchronous listeners see them in. */
	private void change(ProposalId proposal, CampaignId campaign, Siren siren, CollectiviteKind kind, boolean active,
			Instant at) {
		jdbc.sql("""
				insert into governance.live_support (proposal_id, siren, campaign_id, kind, active, changed_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (proposal_id, siren) do update
				  set active = excluded.active, changed_at = excluded.changed_at,
				      kind = coalesce(excluded.kind, governance.live_support.kind)
				  where excluded.changed_at >= governance.live_support.changed_at""")
				.params(proposal.id(), siren.value(), campaign.id(), kind == null ? null : kind.name(), active,
						CampaignRepository.ts(at))
				.update();
	}

	/** Records the final tally once; a second delivery finds it already there. */
	void supportsClosed(CampaignId campaign, long total, Instant closedAt, Collection<Tally> tallies) {
		var inserted = jdbc.sql("""
				insert into governance.supports_closed (campaign_id, total_supports, closed_at) values (?, ?, ?)
				on conflict do nothing""").params(campaign.id(), total, CampaignRepository.ts(closedAt)).update();
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
		return jdbc.sql("select count(*) from governance.supports_closed where campaign_id = ?").param(campaign.id())
				.query(Integer.class).single() > 0;
	}

	/** Supports per proposal: the final tally once the window closed, the live count before. */
	Map<UUID, Tally> supports(CampaignId campaign) {
		var result = new java.util.HashMap<UUID, Tally>();
		if (supportsClosed(campaign)) {
			jdbc.sql("select proposal_id, support_count, by_kind::text as by_kind, population_covered from governance.final_tally where campaign_id = ?")
					.param(campaign.id())
					.query(rs -> {
						var id = rs.getObject("proposal_id", UUID.class);
						result.put(id, new Tally(new ProposalId(id), rs.getInt("support_count"),
								byKind(rs.getString("by_kind")), rs.getLong("population_covered")));
					});
			return result;
		}
		jdbc.sql("select proposal_id, kind, count(*) as n from governance.live_support where campaign_id = ? and active group by proposal_id, kind")
				.param(campaign.id())
				.query(rs -> {
					var id = rs.getObject("proposal_id", UUID.class);
					var previous = result.getOrDefault(id, new Tally(new ProposalId(id), 0, Map.of(), 0));
					var kinds = new java.util.EnumMap<CollectiviteKind, Integer>(CollectiviteKind.class);
					kinds.putAll(previous.byKind());
					kinds.put(CollectiviteKind.valueOf(rs.getString("kind")), rs.getInt("n"));
					result.put(id, new Tally(previous.proposalId(), previous.count() + rs.getInt("n"), kinds, 0));
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
