package cocon.intake;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.CampaignSnapshot;

/**
 * What intake learns from the other modules: its copy of each campaign (title, themes, contribution window) from
 * governance's snapshots, the newest winning whatever order they arrive in; and on each contribution what curation
 * decided (the latest decision wins, every decision is kept).
 */
@Component
class IntakeListeners {

	private final Campaigns campaigns;
	private final Intake intake;

	IntakeListeners(Campaigns campaigns, Intake intake) {
		this.campaigns = campaigns;
		this.intake = intake;
	}

	/** A campaign scheduled or its calendar changed: both carry the whole campaign (ADR 0018). */
	@ApplicationModuleListener
	void on(CampaignEvent event) {
		keep(event.campaign());
	}

	private void keep(CampaignSnapshot campaign) {
		campaigns.keep(new Campaign(campaign.id(), campaign.title(), campaign.themes(), campaign.calendar().contributions()),
				campaign.contributionTextsPublic(), campaign.asOf());
	}

	@ApplicationModuleListener
	void on(ContributionGrouped event) {
		intake.decide(event.contributionId(), new Outcome.Grouped(event.proposalId(), event.proposalTitle()),
				event.decidedBy(), event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ContributionReoriented event) {
		intake.decide(event.contributionId(), new Outcome.Reoriented(event.target(), event.note()), event.decidedBy(),
				event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ContributionRejected event) {
		intake.decide(event.contributionId(), new Outcome.Rejected(event.reason()), event.decidedBy(), event.decidedAt());
	}
}
