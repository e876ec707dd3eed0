package cocon.deployment;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.governance.events.CampaignSnapshot;
import cocon.referents.events.ExperimentationTerritoryMarked;
import cocon.referents.events.ReferentTerritoryLeft;
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

	/**
	 * A grouping (or its correction) moves the contribution to its proposal; the count follows. The newest decision
	 * wins, whatever order the events arrive in.
	 */
	void keepGrouping(UUID contribution, UUID proposal, Instant at) {
		jdbc.sql("""
				insert into deployment.grouped_contribution as g (contribution_id, proposal_id, as_of) values (:c, :p, :at)
				on conflict (contribution_id) do update set proposal_id = excluded.proposal_id, as_of = excluded.as_of
				where g.as_of <= excluded.as_of""")
				.param("c", contribution).param("p", proposal).param("at", Timestamps.column(at)).update();
	}

	/**
	 * A grouping undone (ADR 0045): the contribution no longer counts for the proposal it left, unless a newer decision
	 * already put it elsewhere.
	 */
	void keepUngrouping(UUID contribution, UUID left, Instant at) {
		jdbc.sql("""
				insert into deployment.grouped_contribution as g (contribution_id, proposal_id, as_of) values (:c, null, :at)
				on conflict (contribution_id) do update set proposal_id = null, as_of = excluded.as_of
				where g.as_of <= excluded.as_of and (g.proposal_id is null or g.proposal_id = :p)""")
				.param("c", contribution).param("p", left).param("at", Timestamps.column(at)).update();
	}

	/** A mark after the territory left (it joined again) makes it an experimentation territory again. */
	void keepExperimentationTerritory(ExperimentationTerritoryMarked event) {
		jdbc.sql("""
				insert into deployment.experimentation_territory as t (proposal_id, siren, collectivite_name, kind, marked_at)
				values (:p, :s, :n, :k, :at)
				on conflict (proposal_id, siren) do update set marked_at = excluded.marked_at,
				  collectivite_name = excluded.collectivite_name, kind = excluded.kind,
				  left_at = case when t.left_at < excluded.marked_at then null else t.left_at end
				where t.marked_at is null or t.marked_at < excluded.marked_at""")
				.param("p", event.proposalId().id()).param("s", event.siren().value())
				.param("n", event.collectiviteName()).param("k", event.kind().name())
				.param("at", Timestamps.column(event.markedAt())).update();
	}

	/**
	 * An experimentation territory left its working group: it is no longer one (the row stays, with the date), and each
	 * service of its proposal keeps the fact in its timeline. The feedback it gave stays (ADR 0052).
	 */
	void keepDeparture(ReferentTerritoryLeft event) {
		if (!event.experimentation()) {
			return;
		}
		int left = jdbc.sql("""
				insert into deployment.experimentation_territory as t (proposal_id, siren, collectivite_name, kind, marked_at, left_at)
				values (:p, :s, :n, :k, null, :at)
				on conflict (proposal_id, siren) do update set left_at = excluded.left_at
				where (t.left_at is null or t.left_at < excluded.left_at) and (t.marked_at is null or t.marked_at <= excluded.left_at)""")
				.param("p", event.proposalId().id()).param("s", event.siren().value())
				.param("n", event.collectiviteName()).param("k", event.kind().name())
				.param("at", Timestamps.column(event.leftAt())).update();
		if (left == 1) {
			jdbc.sql("""
					insert into deployment.timeline (service_id, at, kind, summary)
					select id, :at, 'TERRITOIRE', :summary from deployment.service where proposal_id = :p""")
					.param("p", event.proposalId().id()).param("at", Timestamps.column(event.leftAt()))
					.param("summary", event.collectiviteName() + " a quitté le groupe de travail : ce n'est plus un "
							+ "territoire d'expérimentation du service.")
					.update();
		}
	}
}
