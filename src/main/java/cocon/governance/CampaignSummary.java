package cocon.governance;

import java.time.Instant;
import java.util.List;

import cocon.shared.FrenchDates;
import cocon.shared.CollectiviteKind;
import cocon.shared.wayfinding.CampaignFigure;

/** A campaign as the pages show it. */
record CampaignSummary(String id, String title, String description, String envelope, List<String> themes,
		List<String> supportKinds, List<String> workingGroupKinds, String phase, String phaseLabel,
		Integer targetShortlistSize, String contributionsOpen) {

	static CampaignSummary of(Campaign c, Instant now) {
		var phase = c.phaseAt(now);
		return new CampaignSummary(c.getId().toString(), c.title(), c.description(), c.envelope().formatted(),
				c.themes(), c.supportKinds().stream().sorted().map(CollectiviteKind::label).toList(),
				c.workingGroupKinds().stream().sorted().map(CollectiviteKind::label).toList(), phase.name(),
				phase.label(), c.targetShortlistSize(),
				FrenchDates.weekday(c.calendar().contributions().opensInParis().toLocalDate()));
	}

	/** A campaign's card on the list: where it stands, with its key figures. */
	record Card(CampaignSummary campaign, String timeLeft, List<CampaignFigure> figures) {
	}
}
