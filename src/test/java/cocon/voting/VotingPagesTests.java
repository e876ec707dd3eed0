package cocon.voting;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;

import cocon.testing.Identities;

class VotingPagesTests extends VotingTestSupport {

	@BeforeEach
	void duringTheSupportWindow() {
		clock.set(DURING_SUPPORTS);
	}

	@Test
	void showsTheCollectiviteItsSupportsAndTogglesThemInOneClick(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 2).get(0);

		mvc.perform(get("/ma-collectivite").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Lyon"), containsString("Proposition 01"),
						containsString(">Soutenir</button>"), containsString("Soutiens ouverts jusqu&#39;au 30 avril 2021 à 23h59"))));

		// the one-click script gets the new state of the button and the count to announce
		mvc.perform(post("/ma-collectivite/propositions/{id}/soutien", proposal.id()).with(csrf())
				.with(as(Identities.lyon())).header("X-Requested-With", "fetch"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString(">Retirer mon soutien</button>"),
						containsString("1 collectivité soutient cette proposition."),
						containsString("class=\"fr-message fr-message--valid fr-mt-1w\">Soutien enregistré.</p>"),
						containsString("data-resume=\"Votre collectivité soutient "),
						containsString("/ma-collectivite/propositions/" + proposal.id() + "/retrait"),
						not(containsString("<html")))));
		assertThat(tally(proposal)).isEqualTo(1);

		// without JavaScript: post, redirect, message
		mvc.perform(post("/ma-collectivite/propositions/{id}/retrait", proposal.id()).with(csrf())
				.with(as(Identities.lyon())))
				.andExpect(redirectedUrl("/ma-collectivite#proposition-" + proposal.id()))
				.andExpect(flash().attribute("message", "Soutien retiré."));
		assertThat(tally(proposal)).isZero();
	}

	@Test
	void tellsAGroupementWhyItCannotSupport(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		mvc.perform(post("/ma-collectivite/propositions/{id}/soutien", proposal.id()).with(csrf())
				.with(as(Identities.agent("agent-metropole", SupportingTests.GRAND_LYON_EPCI))))
				.andExpect(flash().attribute("error", containsString("Groupement (EPCI)")));
		assertThat(tally(proposal)).isZero();
	}

	@Test
	void publishesTheRankingTheSupportersAndTheSupportsOverTime(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 3);
		support(proposals.get(2), Identities.lyon());

		mvc.perform(get("/campagnes/{id}/propositions", campaign.id()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Classement par nombre de collectivités"),
						containsString("Proposition 03"), containsString("Commune : 1"), containsString("519 127 hab."))));
		mvc.perform(get("/propositions/{id}/soutiens", proposals.get(2).id()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("1 collectivité soutient cette proposition."),
						containsString("216901231"), containsString("10 avril 2021"))));
		mvc.perform(get("/campagnes/{id}/soutiens-dans-le-temps", campaign.id()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("<line-chart"),
						containsString("samedi 10 avril 2021"), containsString("Soutiens donnés chaque jour"))));
		mvc.perform(get("/campagnes/{id}/carte", campaign.id()))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("<map-chart level=\"dep\""),
						containsString("&quot;69&quot;:1,"), containsString("&quot;68&quot;:0,"), containsString("Collectivités qui soutiennent, par département"),
						containsString("1 collectivité soutient au moins une proposition de cette campagne."))));
	}

	@Test
	void saysWhenTheSupportsOpenBeforeTheWindowAndNeverThatTheyAreClosed(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		proposals(scenario, campaign, 1);
		clock.set("2021-03-20T10:00:00+01:00");
		mvc.perform(get("/ma-collectivite").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Les soutiens ouvrent le 1 avril 2021 à 00h00"),
						not(containsString("fermés jusqu")))));
	}
}
