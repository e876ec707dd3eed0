package cocon.curation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.governance.events.CampaignEvent;
import cocon.governance.events.CampaignSnapshot;
import cocon.intake.events.ContributionRevised;
import cocon.intake.events.ContributionSubmitted;
import cocon.intake.events.ContributionWithdrawn;

/** What curation learns from the other modules. Every listener is idempotent: an event may come twice. */
@Component
class CurationListeners {

	private final Campaigns campaigns;
	private final Contributions contributions;
	private final WithdrawnContributions withdrawn;

	CurationListeners(Campaigns campaigns, Contributions contributions, WithdrawnContributions withdrawn) {
		this.campaigns = campaigns;
		this.contributions = contributions;
		this.withdrawn = withdrawn;
	}

	/** A campaign scheduled or its calendar changed: both carry the whole campaign (ADR 0018). */
	@ApplicationModuleListener
	void on(CampaignEvent event) {
		keep(event.campaign());
	}

	/** The newest snapshot of the campaign wins, whatever order the events arrive in (ADR 0018). */
	private void keep(CampaignSnapshot campaign) {
		var supports = campaign.calendar().supports();
		campaigns.keep(new CampaignCopy(campaign.id(), campaign.title(), campaign.themes(), supports.opens(),
				supports.closes()), campaign.contributionTextsPublic(), campaign.asOf());
	}

	@ApplicationModuleListener
	void on(ContributionSubmitted event) {
		contributions.receive(event);
	}

	/** Its author withdrew a pending contribution: out of the queue (issue 25, point 6). */
	@ApplicationModuleListener
	void on(ContributionWithdrawn event) {
		withdrawn.withdrawn(event);
	}

	/** Its author corrected a pending contribution: the new text is the one to triage. */
	@ApplicationModuleListener
	void on(ContributionRevised event) {
		withdrawn.revised(event);
	}
}
