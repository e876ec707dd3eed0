package cocon.curation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cocon.governance.events.CampaignScheduled;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;
import cocon.shared.Window;

/** Test data: the 2021 campaign's calendar and themes, contributions of real collectivités. */
final class CurationFixtures {

	static final List<String> THEMES = List.of("Dématérialisation", "Mobilités", "Énergie", "Accessibilité", "Urbanisme",
			"Logement", "Relation usagers", "Finances locales", "Santé", "Éducation", "Culture", "Environnement",
			"Sécurité");

	static final CampaignCalendar CALENDAR_2021 = new CampaignCalendar(
			Window.of(OffsetDateTime.parse("2021-01-25T00:00:00+01:00"), OffsetDateTime.parse("2021-03-15T23:59:59+01:00")),
			Window.of(OffsetDateTime.parse("2021-04-01T00:00:00+02:00"), OffsetDateTime.parse("2021-04-30T23:59:59+02:00")),
			Window.of(OffsetDateTime.parse("2021-05-04T00:00:00+02:00"), OffsetDateTime.parse("2021-05-31T23:59:59+02:00")),
			LocalDate.parse("2021-05-03"), LocalDate.parse("2021-07-05"));

	/** During the curation phase, between contributions and supports. */
	static final Instant CURATION_TIME = Instant.parse("2021-03-20T10:00:00Z");

	private CurationFixtures() {
	}

	static CampaignScheduled campaign() {
		return new CampaignScheduled(CampaignId.random(), "Coconstruction de services numériques 2021", THEMES,
				Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION,
						CollectiviteKind.COLLECTIVITE_PARTICULIERE),
				Set.of(CollectiviteKind.values()), CALENDAR_2021, 30_000_000, Instant.parse("2021-01-10T09:00:00Z"));
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
