package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;

import com.jayway.jsonpath.JsonPath;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.testing.Identities;

class ContributionApiTests extends IntakeTestSupport {

	static final String NEED = "Nos habitants doivent se déplacer en mairie pour signaler un incident de voirie ; "
			+ "nous voudrions un service en ligne commun aux communes.";

	String submit(CampaignId campaign, CurrentUser user) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(user))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Signaler un incident de voirie", NEED, "Mobilités", "AGENT", "Directrice du numérique")))
				.andExpect(status().isCreated())
				.andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
	}

	@Test
	void acceptsAContributionInsideTheWindowAndPublishesItWithoutPersonalData(Scenario scenario, ApplicationEvents events)
			throws Exception {
		var campaign = scheduleCampaign(scenario);
		var lyon = Identities.lyon();

		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(lyon))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Signaler un incident de voirie", NEED, "mobilités", "AGENT", "Directrice du numérique")))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", startsWith("/api/contributions/")))
				.andExpect(jsonPath("$.id").isString())
				.andReturn();
		String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");

		var published = events.stream(ContributionSubmitted.class).filter(e -> e.contributionId().toString().equals(id)).toList();
		assertThat(published).hasSize(1);
		var event = published.get(0);
		assertThat(event.campaignId()).isEqualTo(campaign);
		assertThat(event.theme()).as("the campaign's spelling of the theme").isEqualTo("Mobilités");
		assertThat(event.organisationSiren().value()).isEqualTo("216901231");
		assertThat(event.organisationKind()).isEqualTo(CollectiviteKind.COMMUNE);
		assertThat(event.submittedAt()).isEqualTo(DURING_CONTRIBUTIONS);
		assertThat(event.toString()).doesNotContain(lyon.username(), lyon.email(), lyon.displayName(), "Directrice du numérique");

		mvc.perform(get("/api/contributions/{id}", id).with(as(lyon)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.title").value("Signaler un incident de voirie"))
				.andExpect(jsonPath("$.organisation.siren").value("216901231"))
				.andExpect(jsonPath("$.source").value("FORM"))
				.andExpect(jsonPath("$.outcome.status").value("PENDING"));
		mvc.perform(get("/api/me/contributions").with(as(lyon)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem(id)));
	}

	@Test
	void refusesAContributionAfterTheWindowClosesAndStoresNothing(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		clock.set(OffsetDateTime.parse("2021-03-16T00:00:00+01:00").toInstant());

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Trop tard", NEED, "Mobilités", "ELU", "Maire")))
				.andExpect(status().isConflict())
				.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
				.andExpect(jsonPath("$.detail", containsString("La période de contribution")))
				.andExpect(jsonPath("$.detail", containsString("est close depuis le 15 mars 2021")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void refusesAContributionBeforeTheWindowOpens(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		clock.set(OffsetDateTime.parse("2021-01-24T23:59:00+01:00").toInstant());

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Trop tôt", NEED, "Mobilités", "ELU", "Maire")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("n'est pas encore ouverte : elle ouvrira le 25 janvier 2021")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void refusesAnUnknownThemeWithTheThemesOfTheCampaign(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Un titre", NEED, "Astronautique", "AGENT", "Chargé de mission")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("theme"))
				.andExpect(jsonPath("$.errors[0].message", containsString("« Astronautique » n'est pas un thème de la campagne")))
				.andExpect(jsonPath("$.allowedThemes", hasSize(THEMES.size())))
				.andExpect(jsonPath("$.allowedThemes[1]").value("Mobilités"));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void reportsEveryFieldAtFault(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("x".repeat(201), " ", "Mobilités", "MAIRE", null)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("title", "need", "authorRole", "authorFunction")))
				.andExpect(jsonPath("$.errors[0].message", containsString("200 caractères")))
				.andExpect(jsonPath("$.errors[2].message", containsString("ELU, AGENT ou PARTENAIRE")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void answers404ForAnUnknownCampaign() throws Exception {
		mvc.perform(post("/api/campaigns/{id}/contributions", CampaignId.random().id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Un titre", NEED, "Mobilités", "AGENT", "Agent")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.title").value("Campagne inconnue"));
	}

	@Test
	void refusesAnAgentWithoutOrganisation(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var stray = new CurrentUser("sans-organisation", "Sans organisation", "x@example.org", Set.of(Role.AGENT), null);

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(stray))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Un titre", NEED, "Mobilités", "AGENT", "Agent")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("aucune organisation")));
		assertThat(contributionsOf(campaign)).isZero();
	}

	@Test
	void refusesAnonymousAndStaffSubmissions(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var body = json("Un titre", NEED, "Mobilités", "AGENT", "Agent");

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.curator()))
						.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
	}

	@Test
	void anotherAgentCannotReadSomeoneElsesContribution(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, Identities.lyon());
		var marseille = Identities.agentOf("211300553", "Marseille", CollectiviteKind.COMMUNE, "13", "93", 870731);

		mvc.perform(get("/api/contributions/{id}", id).with(as(marseille)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("visible que par son auteur")));
		mvc.perform(get("/api/contributions/{id}", id).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.author.email").value(Identities.lyon().email()));
		mvc.perform(get("/api/me/contributions").with(as(marseille)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.not(hasItem(id))));
		mvc.perform(get("/api/contributions/{id}", java.util.UUID.randomUUID()).with(as(Identities.curator())))
				.andExpect(status().isNotFound());
	}
}
