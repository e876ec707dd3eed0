package cocon.deployment;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.ProjectsFunded;
import cocon.referents.events.ExperimentationTerritoryMarked;

/**
 * What this module learns from the others. Every listener is idempotent (a redelivered event changes nothing) and
 * keeps the newest copy by its date when events arrive out of order.
 */
@Component
class DeploymentListeners {

	private final Deployment deployment;
	private final JdbcClient jdbc;

	DeploymentListeners(Deployment deployment, JdbcClient jdbc) {
		this.deployment = deployment;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ProjectsFunded event) {
		deployment.fund(event);
	}

	@ApplicationModuleListener
	void on(CampaignEvent event) {
		var campaign = event.campaign();
		jdbc.sql("""
				insert into deployment.campaign (campaign_id, title, as_of) values (:id, :title, :at)
				on conflict (campaign_id) do update set title = excluded.title, as_of = excluded.as_of
				where deployment.campaign.as_of < excluded.as_of""")
				.param("id", campaign.id().id()).param("title", campaign.title()).param("at", Sql.ts(campaign.asOf()))
				.update();
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		proposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(), event.theme(),
				event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		proposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(), event.theme(),
				event.revisedAt());
	}

	/** A grouping (or its correction) moves the contribution to its proposal; the count follows. */
	@ApplicationModuleListener
	void on(ContributionGrouped event) {
		jdbc.sql("""
				insert into deployment.grouped_contribution (contribution_id, proposal_id) values (:c, :p)
				on conflict (contribution_id) do update set proposal_id = excluded.proposal_id""")
				.param("c", event.contributionId().id()).param("p", event.proposalId().id()).update();
	}

	@ApplicationModuleListener
	void on(ExperimentationTerritoryMarked event) {
		jdbc.sql("""
				insert into deployment.experimentation_territory (proposal_id, siren, collectivite_name, kind, marked_at)
				values (:p, :s, :n, :k, :at) on conflict do nothing""")
				.param("p", event.proposalId().id()).param("s", event.siren().value())
				.param("n", event.collectiviteName()).param("k", event.kind().name())
				.param("at", Sql.ts(event.markedAt())).update();
	}

	private void proposal(java.util.UUID id, java.util.UUID campaign, String title, String summary, String theme,
			Instant asOf) {
		jdbc.sql("""
				insert into deployment.proposal (proposal_id, campaign_id, title, summary, theme, as_of)
				values (:id, :campaign, :title, :summary, :theme, :at)
				on conflict (proposal_id) do update set title = excluded.title, summary = excluded.summary,
				  theme = excluded.theme, as_of = excluded.as_of
				where deployment.proposal.as_of < excluded.as_of""")
				.param("id", id).param("campaign", campaign).param("title", title).param("summary", summary)
				.param("theme", theme).param("at", Sql.ts(asOf)).update();
	}
}
