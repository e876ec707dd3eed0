package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.Scenario;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.testing.Identities;

class ContributionPagesTests extends IntakeTestSupport {

	@Test
	void theFormOffersTheThemesAndRolesAndSendsTheContribution(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(get("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<option value=\"Mobilités\">Mobilités</option>")))
				.andExpect(content().string(containsString("value=\"PARTENAIRE\"")))
				.andExpect(content().string(containsString("Vous contribuez au nom de <strong>Lyon</strong>")));

		mvc.perform(post("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "Prise de rendez-vous en ligne").param("need", "Pour l'état civil.")
						.param("theme", "Dématérialisation").param("authorRole", "ELU").param("authorFunction", "Adjointe au maire"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/mes-contributions"))
				.andExpect(flash().attribute("sent", "Prise de rendez-vous en ligne"));
		assertThat(contributionsOf(campaign)).isEqualTo(1);
	}

	@Test
	void theFormShowsEachErrorNextToItsField(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(post("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "Un titre").param("need", "").param("theme", "Mobilités").param("authorFunction", "Agent"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("La contribution n'a pas été envoyée")))
				.andExpect(content().string(containsString("id=\"need-erreur\" class=\"fr-error-text\">La description du besoin est obligatoire.")))
				.andExpect(content().string(containsString("Indiquez si vous êtes élu ou élue, agent ou partenaire de votre organisation.")))
				.andExpect(content().string(not(containsString("ELU, AGENT"))))
				.andExpect(content().string(containsString("<option value=\"Mobilités\" selected=\"selected\">Mobilités</option>")))
				.andExpect(content().string(containsString("value=\"Un titre\"")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void theThemeSelectStartsOnItsPlaceholderAndStaysThereAfterAnError(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(get("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())))
				.andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Choisissez un thème</option>")))
				.andExpect(content().string(not(containsString("<option value=\"Dématérialisation\" selected"))));
		mvc.perform(post("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "Un titre").param("need", "Un besoin").param("theme", "").param("authorRole", "AGENT")
						.param("authorFunction", "Agent"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Le thème est obligatoire.")))
				.andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Choisissez un thème</option>")))
				.andExpect(content().string(not(containsString("<option value=\"Dématérialisation\" selected"))));
	}

	@Test
	void outsideTheWindowTheFormIsReplacedByAnExplanation(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		clock.set(OffsetDateTime.parse("2021-04-02T10:00:00+02:00").toInstant());

		mvc.perform(get("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("est close depuis le 15 mars 2021")))
				.andExpect(content().string(not(containsString("Envoyer ma contribution"))));
		mvc.perform(post("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "T").param("need", "N").param("theme", "Mobilités").param("authorRole", "ELU").param("authorFunction", "F"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("est close depuis le 15 mars 2021")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void anAgentWithoutOrganisationIsToldWhy(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var stray = new CurrentUser("sans-organisation", "Sans organisation", null, Set.of(Role.AGENT), null);

		mvc.perform(get("/campagnes/{id}/contribuer", campaign.id()).with(as(stray)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Aucune organisation rattachée à votre compte")));
	}

	@Test
	void myContributionsHasAnEmptyState() throws Exception {
		// a user of its own: the test database is shared with other tests, which may sign in as Bordeaux's agent
		var nobody = Identities.agent("agent-sans-contribution-" + java.util.UUID.randomUUID(),
				new cocon.shared.identity.Organisation(cocon.shared.Siren.of("213300635"), "Bordeaux",
						cocon.shared.CollectiviteKind.COMMUNE, true, "33", "75", 260958));
		mvc.perform(get("/mes-contributions").with(as(nobody)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Vous n&#39;avez encore déposé aucune contribution")));
	}

	@Test
	void curatorsImportAFileFromTheirPageAndSeeTheLineErrors(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var file = new MockMultipartFile("fichier", "contributions.csv", "text/csv",
				ContributionImportTests.FILE.getBytes(StandardCharsets.UTF_8));

		mvc.perform(get("/curation/campagnes/{id}/import", campaign.id()).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("title, need, theme, authorRole, authorFunction, siren")));
		mvc.perform(multipart("/curation/campagnes/{id}/import", campaign.id()).file(file).with(as(Identities.curator())).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("2 contributions importées, aucune déjà présente")))
				.andExpect(content().string(containsString("<td>7</td>")))
				.andExpect(content().string(containsString("Le SIREN « 21690123 » est mal formé")));
		mvc.perform(get("/curation/campagnes/{id}/import", campaign.id()).with(as(Identities.lyon())))
				.andExpect(status().isForbidden());
		assertThat(contributionsOf(campaign)).isEqualTo(2);
	}
}
