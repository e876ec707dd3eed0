package cocon.curation;

import java.time.Instant;
import java.util.List;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;
import cocon.testing.Campaign2021;

/** Test data: the 2021 campaign's calendar and themes, contributions of real collectivités. */
final class CurationFixtures {

	static final List<String> THEMES = Campaign2021.THEMES;

	static final CampaignCalendar CALENDAR_2021 = Campaign2021.CALENDAR;

	/** During the curation phase, between contributions and supports. */
	static final Instant CURATION_TIME = Instant.parse("2021-03-20T10:00:00Z");

	private CurationFixtures() {
	}

	/** The 2021 campaign under a fresh identifier; {@code scheduled()} is the event governance publishes. */
	static Campaign2021 campaign() {
		return Campaign2021.campaign();
	}

	static ContributionSubmitted contribution(CampaignId campaign, String title, String need, String theme) {
		return contribution(campaign, title, need, theme, "216901231", "Lyon", CollectiviteKind.COMMUNE);
	}

	static ContributionSubmitted contribution(CampaignId campaign, String title, String need, String theme, String siren,
			String name, CollectiviteKind kind) {
		return new ContributionSubmitted(ContributionId.random(), campaign, title, need, theme, "AGENT", Siren.of(siren),
				name, kind, Instant.parse("2021-02-10T10:00:00Z"));
	}
}
