package cocon.governance;

/** Request bodies shared by the governance tests. */
final class CampaignFixtures {

	private CampaignFixtures() {
	}

	static final String CALENDAR_2021 = """
			{"contributions": {"opens": "2021-01-25T00:00:00+01:00", "closes": "2021-03-15T23:59:59+01:00"},
			 "supports": {"opens": "2021-04-01T00:00:00+02:00", "closes": "2021-04-30T23:59:59+02:00"},
			 "referentApplications": {"opens": "2021-05-04T00:00:00+02:00", "closes": "2021-05-31T23:59:59+02:00"},
			 "shortlistDecision": "2021-05-03", "fundingDecision": "2021-07-05"}""";

	static String campaign2021(String title) {
		return """
				{"title": "%s", "description": "Appel à contributions France Relance",
				 "envelopeEuros": 30000000,
				 "themes": ["Dématérialisation", "Mobilités", "Énergie", "Accessibilité", "Urbanisme", "Logement"],
				 "supportKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE"],
				 "workingGroupKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE", "EPCI"],
				 "targetShortlistSize": 17,
				 "calendar": %s}""".formatted(title, CALENDAR_2021);
	}
}
