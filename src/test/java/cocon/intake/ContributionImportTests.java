package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.testing.Identities;

class ContributionImportTests extends IntakeTestSupport {

	/**
	 * Semicolons, a BOM, quoted fields holding the separator, line breaks and doubled quotes, CRLF line ends, and
	 * five broken rows. Line numbers are those of the file: the record of line 3 spans lines 3 to 4.
	 */
	static final String FILE = "\uFEFF" + String.join("\r\n",
			"title;need;theme;authorRole;authorFunction;siren;authorName;authorEmail;submittedAt",
			"Signaler un incident;Les habitants appellent la mairie;Mobilités;AGENT;DSI;216901231;Anne Martin;anne.martin@lyon.fr;2021-02-03T10:15:00+01:00",
			"\"Guichet; unique\";\"Un besoin sur deux lignes :",
			"dit « simple », et \"\"urgent\"\"\";Dématérialisation;ELU;Maire;123456782;;;",
			"Thème inconnu;Besoin;Astronautique;AGENT;DSI;216901231;;;",
			"Rôle inconnu;Besoin;Mobilités;MAIRE;DSI;216901231;;;",
			"SIREN invalide;Besoin;Mobilités;AGENT;DSI;21690123;;;",
			"Date invalide;Besoin;Mobilités;AGENT;DSI;216901231;;;03/02/2021",
			"Besoin manquant;;Mobilités;AGENT;DSI;216901231;;;",
			"") ;

	ResultActions importFile(CampaignId campaign, String content) throws Exception {
		return mvc.perform(post("/api/campaigns/{id}/contributions/import", campaign.id()).with(as(Identities.curator()))
				.contentType("text/csv")
				.content(content.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void importsEveryValidRowAndReportsEveryBrokenOneWithItsLine(Scenario scenario, ApplicationEvents events) throws Exception {
		var campaign = scheduleCampaign(scenario);

		importFile(campaign, FILE)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.imported").value(2))
				.andExpect(jsonPath("$.duplicates").value(0))
				.andExpect(jsonPath("$.errors[*].line").value(contains(5, 6, 7, 8, 9)))
				.andExpect(jsonPath("$.errors[0].message", containsString("« Astronautique » n'est pas un thème de la campagne")))
				.andExpect(jsonPath("$.errors[1].message", containsString("Le rôle « MAIRE » est inconnu")))
				.andExpect(jsonPath("$.errors[2].message", containsString("Le SIREN « 21690123 » est mal formé")))
				.andExpect(jsonPath("$.errors[3].message", containsString("La date de dépôt « 03/02/2021 » est invalide")))
				.andExpect(jsonPath("$.errors[4].message", containsString("La description du besoin est obligatoire")));

		assertThat(contributionsOf(campaign)).isEqualTo(2);
		var row = jdbc.sql("select title, need, source, organisation_name, organisation_kind, author_username from intake.contribution where campaign_id = ? and organisation_siren = '123456782'")
				.param(campaign.id()).query().singleRow();
		assertThat(row.get("title")).isEqualTo("Guichet; unique");
		assertThat(row.get("need")).isEqualTo("Un besoin sur deux lignes :\r\ndit « simple », et \"urgent\"");
		assertThat(row.get("source")).isEqualTo("IMPORT");
		assertThat(row.get("author_username")).isNull();
		assertThat(row.get("organisation_name")).as("unknown to the directory").isEqualTo("Organisation 123456782");
		assertThat(row.get("organisation_kind")).isEqualTo("OTHER");
		var dated = jdbc.sql("select submitted_at from intake.contribution where campaign_id = ? and title = 'Signaler un incident'")
				.param(campaign.id()).query(java.sql.Timestamp.class).single();
		assertThat(dated.toInstant()).isEqualTo(OffsetDateTime.parse("2021-02-03T10:15:00+01:00").toInstant());

		assertThat(events.stream(ContributionSubmitted.class).filter(e -> e.campaignId().equals(campaign))).hasSize(2);
	}

	@Test
	void importsNothingTwiceWhenTheSameFileIsSentAgain(Scenario scenario, ApplicationEvents events) throws Exception {
		var campaign = scheduleCampaign(scenario);
		importFile(campaign, FILE).andExpect(jsonPath("$.imported").value(2));

		importFile(campaign, FILE)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.imported").value(0))
				.andExpect(jsonPath("$.duplicates").value(2))
				.andExpect(jsonPath("$.errors.length()").value(5));
		assertThat(contributionsOf(campaign)).isEqualTo(2);
		assertThat(events.stream(ContributionSubmitted.class).filter(e -> e.campaignId().equals(campaign))).hasSize(2);
	}

	@Test
	void readsCommaSeparatedFilesWithoutBomAndIgnoresCaseAndSpacesInTheDedupeKey(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var csv = """
				title,need,theme,authorRole,authorFunction,siren
				"Cartographie, vélo","Pistes cyclables, stationnement",Mobilités,partenaire,Association,217500016
				cartographie,   VÉLO,"pistes cyclables,   stationnement",mobilités,PARTENAIRE,Association,217500016
				""";
		importFile(campaign, csv)
				.andExpect(jsonPath("$.errors[0].line").value(3))
				.andExpect(jsonPath("$.errors[0].message", containsString("7 colonnes au lieu de 6")));

		var fixed = """
				title,need,theme,authorRole,authorFunction,siren
				"Cartographie, vélo","Pistes cyclables, stationnement",Mobilités,partenaire,Association,217500016
				"cartographie,   VÉLO","pistes cyclables,   stationnement",mobilités,PARTENAIRE,Association,217500016
				""";
		importFile(campaign, fixed)
				.andExpect(jsonPath("$.imported").value(0))
				.andExpect(jsonPath("$.duplicates").value(2))
				.andExpect(jsonPath("$.errors.length()").value(0));
		assertThat(contributionsOf(campaign)).isEqualTo(1);
	}

	@Test
	void importsAfterTheContributionWindowBecauseTheRowsWereGatheredElsewhere(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		clock.set(OffsetDateTime.parse("2021-03-20T10:00:00+01:00").toInstant());

		importFile(campaign, "title;need;theme;authorRole;authorFunction;siren\nRecueilli en réunion;Besoin;Énergie;ELU;Maire;216901231\n")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.imported").value(1));
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		importFile(campaign, "title;need;theme\nA;B;Mobilités\n")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("authorRole, authorFunction, siren")));
		importFile(campaign, "title;need\n\"jamais refermé;B\n")
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/campaigns/{id}/contributions/import", campaign.id()).with(as(Identities.curator()))
						.contentType("text/csv").content(new byte[] { (byte) 0xE9, 't', 'e' }))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("UTF-8")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void onlyCuratorsImport(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(post("/api/campaigns/{id}/contributions/import", campaign.id()).with(as(Identities.lyon()))
						.contentType("text/csv").content(FILE.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isForbidden());
		assertThat(contributionsOf(campaign)).isZero();
	}
}
