package cocon.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cocon.shared.CollectiviteKind;

/** A campaign as the API shows it, with its phase derived from the calendar and the clock. */
record CampaignView(UUID id, String title, String description, long envelopeEuros, List<String> themes,
		List<CollectiviteKind> supportKinds, List<CollectiviteKind> workingGroupKinds, CalendarJson calendar,
		Integer targetShortlistSize, String phase, String phaseLabel, boolean contributionTextsPublic) {

	static CampaignView of(Campaign campaign, Instant now) {
		var phase = campaign.phaseAt(now);
		return new CampaignView(campaign.getId().id(), campaign.title(), campaign.description(),
				campaign.envelope().amount(), campaign.themes(), campaign.supportKinds().stream().sorted().toList(),
				campaign.workingGroupKinds().stream().sorted().toList(), CalendarJson.of(campaign.calendar()),
				campaign.targetShortlistSize(), phase.name(), phase.label(), campaign.contributionTextsPublic());
	}
}
