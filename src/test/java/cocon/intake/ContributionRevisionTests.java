package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;

import com.jayway.jsonpath.JsonPath;

import cocon.curation.events.ContributionGrouped;
import cocon.intake.events.ContributionRevised;
import cocon.intake.events.ContributionWithdrawn;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.testing.Identities;

/**
 * A contributor is no longer stuck with what it sent (issue 25, point 6): while a contribution waits to be triaged,
 * its author corrects it (inside the window) or withdraws it, and curation's queue follows; once triaged, both are
 * refused with a problem that says why.
 */
class ContributionRevisionTests extends IntakeTestSupport {

	ContributionId submit(CampaignId campaign, String title) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(title, "Un besoin décrit avec nos mots.", "Dématérialisation", "AGENT", "Directrice du numérique")))
				.andExpect(status().isCreated())
				.andReturn();
		var id = ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
		// curation holds it in its queue before the author changes anything
		await().atMost(Duration.ofSeconds(10)).until(() -> inCuration(id) == 1);
		return id;
	}

	long inCuration(ContributionId id) {
		return jdbc.sql("select count(*) from curation.contribution where id = ?").param(id.id()).query(Long.class).single();
	}

	String curationTitle(ContributionId id) {
		return jdbc.sql("select title from curation.contribution where id = ?").param(id.id()).query(String.class).single();
	}

	long inIntake(ContributionId id) {
		return jdbc.sql("select count(*) from intake.contribution where id = ?").param(id.id()).query(Long.class).single();
	}

	@Test
	void itsAuthorWithdrawsAPendingContributionAndCurationDropsItFromItsQueue(Scenario scenario, ApplicationEvents events)
			throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Une contribution à retirer");

		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isNoContent());

		assertThat(inIntake(id)).isZero();
		assertThat(jdbc.sql("select count(*) from intake.contribution_withdrawal where contribution_id = ?").param(id.id())
				.query(Long.class).single()).as("the fact of the withdrawal is kept").isOne();
		assertThat(events.stream(ContributionWithdrawn.class).filter(e -> e.contributionId().equals(id)).toList()).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> inCuration(id) == 0);
		mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.lyon()))).andExpect(status().isNotFound());
	}

	@Test
	void itsAuthorCorrectsAPendingContributionAndCurationTriagesTheNewText(Scenario scenario, ApplicationEvents events)
			throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Un titre avec une fote");

		mvc.perform(put("/api/contributions/{id}", id.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Un titre sans faute", "Le besoin, mieux dit.", "Mobilités", "ELU", "Maire adjointe")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.title").value("Un titre sans faute"))
				.andExpect(jsonPath("$.theme").value("Mobilités"))
				.andExpect(jsonPath("$.revisedAt").isString())
				.andExpect(jsonPath("$.outcome.status").value("PENDING"));

		var revised = events.stream(ContributionRevised.class).filter(e -> e.contributionId().equals(id)).toList();
		assertThat(revised).hasSize(1);
		assertThat(revised.get(0).toString()).doesNotContain("Maire adjointe", Identities.lyon().email());
		await().atMost(Duration.ofSeconds(10)).until(() -> curationTitle(id).equals("Un titre sans faute"));

		mvc.perform(put("/api/contributions/{id}", id.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("", "Le besoin.", "Mobilités", "ELU", "Maire adjointe")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void onceTriagedAContributionCanNeitherBeCorrectedNorWithdrawn(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Déjà regroupée");
		scenario.publish(new ContributionGrouped(id, campaign, ProposalId.random(), "Une proposition", "curator",
						OffsetDateTime.parse("2021-02-11T10:00:00+01:00").toInstant()))
				.andWaitForStateChange(() -> jdbc.sql("select outcome from intake.contribution where id = ?")
						.param(id.id()).query(String.class).single(), "GROUPED"::equals);

		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("déjà été analysée")));
		mvc.perform(put("/api/contributions/{id}", id.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Autre titre", "Autre besoin.", "Mobilités", "ELU", "Maire")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("ne peut plus être modifiée")));
		assertThat(inIntake(id)).isOne();
		mvc.perform(get("/mes-contributions").with(as(Identities.lyon())))
				.andExpect(content().string(not(containsString("/mes-contributions/" + id.id() + "/retrait"))));
	}

	@Test
	void onlyItsAuthorChangesAContributionAndACorrectionWaitsForTheWindow(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "À moi seule");
		var other = Identities.agentOf("213105554", "Toulouse", cocon.shared.CollectiviteKind.COMMUNE, "31", "76", 504078);

		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(other))).andExpect(status().isForbidden());
		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(Identities.curator()))).andExpect(status().isForbidden());

		clock.set(OffsetDateTime.parse("2021-03-20T10:00:00+01:00").toInstant());
		mvc.perform(put("/api/contributions/{id}", id.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Trop tard", "Le besoin.", "Mobilités", "ELU", "Maire")))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("est close")));
		mvc.perform(get("/mes-contributions").with(as(Identities.lyon())))
				.andExpect(content().string(not(containsString("/mes-contributions/" + id.id() + "/modifier"))))
				.andExpect(content().string(containsString("/mes-contributions/" + id.id() + "/retrait")));
		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isNoContent());
	}

	@Test
	void thePageAsksForAConfirmationBeforeWithdrawing(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "À retirer depuis la page");

		mvc.perform(get("/mes-contributions/{id}/retrait", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Je confirme le retrait de cette contribution")))
				.andExpect(content().string(containsString("À retirer depuis la page")));
		mvc.perform(post("/mes-contributions/{id}/retrait", id.id()).with(as(Identities.lyon())).with(csrf()))
				.andExpect(redirectedUrl("/mes-contributions/" + id.id() + "/retrait"));
		assertThat(inIntake(id)).as("nothing withdrawn without the confirmation").isOne();

		mvc.perform(post("/mes-contributions/{id}/retrait", id.id()).with(as(Identities.lyon())).with(csrf())
						.param("confirmation", "oui"))
				.andExpect(redirectedUrl("/mes-contributions"));
		assertThat(inIntake(id)).isZero();
	}

	@Test
	void thePageCorrectsAPendingContribution(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "À corriger depuis la page");

		mvc.perform(get("/mes-contributions/{id}/modifier", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Modifier ma contribution")))
				.andExpect(content().string(containsString("corriger depuis la page\">")))
				.andExpect(content().string(containsString("Enregistrer les modifications")));
		mvc.perform(post("/mes-contributions/{id}/modifier", id.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "Corrigée depuis la page").param("need", "Un besoin mieux décrit.")
						.param("theme", "Énergie").param("authorRole", "AGENT").param("authorFunction", "Agent"))
				.andExpect(redirectedUrl("/mes-contributions#contribution-" + id.id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> curationTitle(id).equals("Corrigée depuis la page"));
	}

	@Test
	void theErrorSummaryLinksToEachFieldAndTakesTheFocus(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);

		mvc.perform(post("/campagnes/{id}/contribuer", campaign.id()).with(as(Identities.lyon())).with(csrf())
						.param("title", "").param("need", "").param("theme", "Mobilités").param("authorFunction", "Agent"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-resume-erreurs")))
				.andExpect(content().string(containsString("<a href=\"#title\">Le titre est obligatoire.</a>")))
				.andExpect(content().string(containsString("<a href=\"#need\">La description du besoin est obligatoire.</a>")))
				.andExpect(content().string(containsString("<a href=\"#role-ELU\">")))
				.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*/js/erreurs(-[0-9a-f]+)?\\.js.*")));
	}
}
