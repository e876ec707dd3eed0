package cocon.curation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.intake.events.ContributionSubmitted;

/** What curation learns from the other modules. Every listener is idempotent: an event may come twice. */
@Component
class CurationListeners {

	private final Campaigns campaigns;
	private final Contributions contributions;

	CurationListeners(Campaigns campaigns, Contributions contributions) {
		this.campaigns = campaigns;
		this.contributions = contributions;
	}

	@ApplicationModuleListener
	void onCampaignScheduled(CampaignScheduled event) {
		campaigns.scheduled(event.campaignId(), event.title(), event.themes(), event.calendar(), event.scheduledAt());
		campaigns.contributionTextsPublic(event.campaignId(), event.contributionTextsPublic());
	}

	@ApplicationModuleListener
	void onCalendarChanged(CalendarChanged event) {
		campaigns.calendarChanged(event.campaignId(), event.calendar(), event.changedAt());
	}

	@ApplicationModuleListener
	void onContributionSubmitted(ContributionSubmitted event) {
		contributions.receive(event);
	}
}
