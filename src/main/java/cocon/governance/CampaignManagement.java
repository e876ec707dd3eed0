package cocon.governance;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.Refusal;

/** Schedules campaigns and changes their calendars, announcing both to every module. */
@Service
class CampaignManagement {

	private final Campaigns campaigns;
	private final Clock clock;

	CampaignManagement(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Transactional
	CampaignId schedule(CampaignRequest.Draft draft, String createdBy) {
		var campaign = Campaign.schedule(draft.title(), draft.description(), draft.envelope(), draft.themes(),
				draft.supportKinds(), draft.workingGroupKinds(), draft.calendar(), draft.targetShortlistSize(),
				createdBy, clock.instant(), draft.contributionTextsPublic());
		campaigns.insert(campaign);
		return campaign.getId();
	}

	@Transactional
	Campaign changeCalendar(CampaignId id, CampaignCalendar calendar, String changedBy) {
		var campaign = campaigns.lockById(id).orElseThrow(() -> notFound(id));
		var change = campaign.changeCalendar(calendar, changedBy, clock.instant());
		campaigns.saveCalendar(campaign, change);
		return campaign;
	}

	@Transactional(readOnly = true)
	Campaign get(CampaignId id) {
		return campaigns.findById(id).orElseThrow(() -> notFound(id));
	}

	@Transactional(readOnly = true)
	List<Campaign> all() {
		return campaigns.findAll();
	}

	@Transactional(readOnly = true)
	List<Campaigns.CalendarChangeView> calendarChanges(CampaignId id) {
		get(id);
		return campaigns.changesOf(id);
	}

	static Refusal notFound(CampaignId id) {
		return new Refusal.NotFound(
				"Aucune campagne n'a l'identifiant " + id + ".");
	}
}
