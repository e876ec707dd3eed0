package cocon.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;

/** Keeps intake's copy of each campaign (title, themes, contribution window) from governance's events. */
@Component
class CampaignCopies {

	private static final Logger LOG = LoggerFactory.getLogger(CampaignCopies.class);

	private final Campaigns campaigns;

	CampaignCopies(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@ApplicationModuleListener
	void on(CampaignScheduled event) {
		campaigns.schedule(new Campaign(event.campaignId(), event.title(), event.themes(), event.calendar().contributions()),
				event.scheduledAt());
		campaigns.contributionTextsPublic(event.campaignId(), event.contributionTextsPublic());
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		if (!campaigns.changeWindow(event.campaignId(), event.calendar().contributions(), event.changedAt())) {
			LOG.warn("Calendrier modifié pour la campagne {} inconnue d'intake : ignoré.", event.campaignId());
		}
	}
}
