package cocon.deployment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionUngrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.ProjectsFunded;
import cocon.referents.events.ExperimentationTerritoryMarked;
import cocon.referents.events.ReferentTerritoryLeft;

/** What this module learns from the others: each event becomes a call of the service or of the copies' repository. */
@Component
class DeploymentListeners {

	private final Deployment deployment;
	private final UpstreamCopies copies;

	DeploymentListeners(Deployment deployment, UpstreamCopies copies) {
		this.deployment = deployment;
		this.copies = copies;
	}

	@ApplicationModuleListener
	void on(ProjectsFunded event) {
		deployment.fund(event);
	}

	@ApplicationModuleListener
	void on(CampaignEvent event) {
		copies.keepCampaign(event.campaign());
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		copies.keepProposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(),
				event.theme(), event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		copies.keepProposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(),
				event.theme(), event.revisedAt());
	}

	@ApplicationModuleListener
	void on(ContributionGrouped event) {
		copies.keepGrouping(event.contributionId().id(), event.proposalId().id(), event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ContributionUngrouped event) {
		copies.keepUngrouping(event.contributionId().id(), event.proposalId().id(), event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ExperimentationTerritoryMarked event) {
		copies.keepExperimentationTerritory(event);
	}

	@ApplicationModuleListener
	void on(ReferentTerritoryLeft event) {
		copies.keepDeparture(event);
	}
}
