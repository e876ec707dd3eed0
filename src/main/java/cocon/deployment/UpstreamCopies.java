package cocon.deployment;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.governance.events.CampaignSnapshot;
import cocon.referents.events.ExperimentationTerritoryMarked;
import cocon.shared.Timestamps;

/**
 * This module's copies of the facts other modules published: campaigns' titles, published proposals, which proposal
 * each contribution was grouped into, the experimentation territories. Every write is idempotent and keeps the
 * newest copy by its date when events arrive out of order.
 */
@Repository
class UpstreamCopies {

	private final JdbcClient jdbc;

	UpstreamCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void keepCampaign(CampaignSnapshot campaign) {
		jdbc.sql("""
				insert into deployment.campaign (campaign_id, title, as_of) values (:id, :title, :at)
				on conflict (campaign_id) do update set title = excluded.title, as_of = excluded.as_of
				where deployment.campaign.as_of < excluded.as_of""")
				.param("id", campaign.id().id()).param("title", campaign.title()).param("at", Timestamps.column(campaign.asOf()))
				.update();
	}

	void keepProposal(UUID id, UUID campaign, String title, String summary, String theme, Instant asOf) {
		jdbc.sql("""
				insert into deployment.proposal (proposal_id, campaign_id, title, summary, theme, as_of)
				values (:id, :campaign, :title, :summary, :theme, :at)
				on conflict (proposal_id) do update set title = excluded.title, summary = excluded.summary,
				  theme = excluded.theme, as_of = excluded.as_of
				where deployment.proposal.as_of < excluded.as_of""")
				.param("id", id).param("campaign", campaign).param("title", title).param("summary", summary)
				.param("theme", theme).param("at", Timestamps.column(asOf)).update();
	}

	/** A grouping (or its correction) moves the contribution to its proposal; the count follows. */
	void keepGrouping(UUID contribution, UUID proposal) {
		jdbc.sql("""
				insert into deployment.grouped_contribution (contribution_id, proposal_id) values (:c, :p)
				on conflict (contribution_id) do update set proposal_id = excluded.proposal_id""")
				.param("c", contribution).param("p", proposal).update();
	}

	void keepExperimentationTerritory(ExperimentationTerritoryMarked event) {
		jdbc.sql("""
				insert into deployment.experimentation_territory (proposal_id, siren, collectivite_name, kind, marked_at)
				values (:p, :s, :n, :k, :at) on conflict do nothing""")
				.param("p", event.proposalId().id()).param("s", event.siren().value())
				.param("n", event.collectiviteName()).param("k", event.kind().name())
				.param("at", Timestamps.column(event.markedAt())).update();
	}
}
