package cocon.governance;

import cocon.testing.Campaign2021;

/** Request bodies shared by the governance tests. */
final class CampaignFixtures {

	private CampaignFixtures() {
	}

	/** The 2021 calendar ({@link Campaign2021#CALENDAR}) as the API takes it. */
	static final String CALENDAR_2021 = Campaign2021.calendarJson();

	static String campaign2021(String title) {
		return """
				{"title": "%s", "description": "Appel à contributions France Relance",
				 "envelopeEuros": 30000000,
				 "themes": ["Dématérialisation", "Mobilités", "Énergie", "Accessibilité et inclusion", "Urbanisme", "Logement"],
				 "supportKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE"],
				 "workingGroupKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE", "EPCI"],
				 "targetShortlistSize": 17,
				 "calendar": %s}""".formatted(title, CALENDAR_2021);
	}
}
