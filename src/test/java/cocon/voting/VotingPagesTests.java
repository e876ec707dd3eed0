package cocon.voting;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
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

		mvc.perform(get("/ma-collectivite").param("campagne", campaign.id().toString()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Lyon"), containsString("Proposition 01"),
						containsString(">Soutenir</button>"), containsString("Soutiens ouverts jusqu&#39;au 30 avril 2021 à 23 h 59"))));

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
				.andExpect(content().string(allOf(matchesPattern("(?s).*class=\"cocon-map__shade-5\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d69\".*"),
						matchesPattern("(?s).*class=\"cocon-map__shade-0\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d68\".*"), not(containsString("dsfr-chart/DSFRChart")), containsString("Collectivités qui soutiennent, par département"),
						containsString("1 collectivité soutient au moins une proposition de cette campagne."))));
	}

	@Test
	void saysWhenTheSupportsOpenBeforeTheWindowAndNeverThatTheyAreClosed(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		proposals(scenario, campaign, 1);
		clock.set("2021-03-20T10:00:00+01:00");
		mvc.perform(get("/ma-collectivite").param("campagne", campaign.id().toString()).with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Les soutiens ouvrent le 1er avril 2021 à 0 h 00"),
						not(containsString("fermés jusqu")))));
	}

	@Test
	void aCommuneFindsProposalsByTheWordsOfItsNeedByThemeAndPageAndSeesWhatItSupports(Scenario scenario)
			throws Exception {
		var campaign = campaign(scenario, Set.of());
		proposals(scenario, campaign, 25);
		var cantine = publish(scenario, campaign, "Démarches en ligne pour la cantine scolaire",
				"Les familles inscrivent leurs élèves à la cantine et paient en ligne.", "Dématérialisation");
		var voirie = publish(scenario, campaign, "Signaler un incident de voirie",
				"Les usagers signalent un nid-de-poule ou un lampadaire éteint, photo à l'appui.", "Relation usagers");
		var own = "/ma-collectivite?campagne=" + campaign.id();

		// the words of the need, without accents or in another form (plural, beginning of a word), find it
		mvc.perform(get(own + "&q=INSCRIPTION des eleves cantines").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Démarches en ligne pour la cantine scolaire"),
						containsString("paient en ligne"), containsString("1 proposition correspond à votre recherche"),
						not(containsString("Signaler un incident de voirie")), not(containsString("Proposition 01")))));
		// a sentence of which no proposal holds every word still finds the closest
		mvc.perform(get(own + "&q=nid de poule devant l'école").with(as(Identities.lyon())))
				.andExpect(content().string(allOf(containsString("Signaler un incident de voirie"),
						containsString("Aucune ne contient tous vos mots"))));
		// by theme
		mvc.perform(get(own + "&theme=Relation usagers").with(as(Identities.lyon())))
				.andExpect(content().string(allOf(containsString("Signaler un incident de voirie"),
						containsString("Proposition 07"), not(containsString("Proposition 08")),
						not(containsString("Démarches en ligne pour la cantine scolaire")))));
		// 27 proposals: two pages of 20, the second reached by its link
		mvc.perform(get(own).with(as(Identities.lyon())))
				.andExpect(content().string(allOf(containsString("27 propositions</span><span>, page 1 sur 2"),
						containsString("campagne=" + campaign.id() + "&amp;page=1"), containsString("Proposition 01"),
						not(containsString("Signaler un incident de voirie")))));
		mvc.perform(get(own + "&page=1").with(as(Identities.lyon())))
				.andExpect(content().string(allOf(containsString("page 2 sur 2"),
						containsString("Signaler un incident de voirie"), not(containsString("Proposition 01")))));

		// what the collectivité supports, listed apart, withdrawn from there back to the same search
		support(cantine, Identities.lyon());
		mvc.perform(get(own + "&q=voirie").with(as(Identities.lyon())))
				.andExpect(content().string(allOf(containsString("Ce que ma collectivité soutient"),
						containsString("Démarches en ligne pour la cantine scolaire"))));
		mvc.perform(post("/ma-collectivite/propositions/{id}/retrait", cantine.id()).param("retour", own + "&q=voirie")
				.with(csrf()).with(as(Identities.lyon())))
				.andExpect(redirectedUrl(own + "&q=voirie#proposition-" + cantine.id()));
		mvc.perform(post("/ma-collectivite/propositions/{id}/soutien", cantine.id()).param("retour", "https://ailleurs.example/")
				.with(csrf()).with(as(Identities.lyon())))
				.andExpect(redirectedUrl("/ma-collectivite#proposition-" + cantine.id()));

		// the public list: one list, searched and filtered alike
		mvc.perform(get("/campagnes/{id}/propositions", campaign.id()).param("q", "voirie"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Signaler un incident de voirie"),
						containsString("photo à l&#39;appui"), not(containsString("Démarches en ligne pour la cantine")))));
		mvc.perform(get("/campagnes/{id}/propositions", campaign.id()))
				.andExpect(content().string(allOf(containsString("27 propositions</span><span>, page 1 sur 2"),
						not(containsString("Propositions publiées")))));
		assertThat(voirie).isNotNull();
	}

	private cocon.shared.ProposalId publish(Scenario scenario, cocon.shared.CampaignId campaign, String title,
			String summary, String theme) {
		var id = cocon.shared.ProposalId.random();
		scenario.publish(new cocon.curation.events.ProposalPublished(id, campaign, title, summary, theme,
				java.util.List.of(), java.time.Instant.parse("2021-03-30T10:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql("select count(*) from voting.proposal where id = ?")
						.param(id.id()).query(Long.class).single(), n -> n == 1)
				.andVerify(n -> assertThat(n).isEqualTo(1L));
		return id;
	}
}
