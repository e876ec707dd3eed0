package cocon.governance;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.Identities;
import cocon.testing.MutableClock;

@GovernanceTest
class CommitteePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	@Test
	void aCommitteeMemberWalksThroughTheDecisionPageToThePublicResults(Scenario scenario) throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var campaign = steps.campaignWithCommittee("Pages du comité");
		var a = CommitteeSteps.published(campaign, "Améliorer la gestion de la relation usagers");
		steps.publish(scenario, campaign, List.of(a));
		var board = "/campagnes/" + campaign + "/comite";

		mvc.perform(get(board).with(as(Identities.lyon()))).andExpect(status().isForbidden());
		mvc.perform(get(board).with(as(Identities.committee(1))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Améliorer la gestion de la relation usagers")))
				.andExpect(content().string(containsString("Comment le score est calculé")));

		mvc.perform(post(board + "/maturite").with(as(Identities.committee(1))).with(csrf())
				.param("proposalId", a.proposalId().toString()).param("level", "3").param("note", "à adapter"))
				.andExpect(redirectedUrl(board + "?vue=a-evaluer&page=1#message-" + a.proposalId()))
				.andExpect(flash().attribute("rowSuccess", "Votre évaluation de « Améliorer la gestion de la relation usagers » "
						+ "est enregistrée : 3 — Solution existante à adapter."));

		clock.set("2021-05-03T10:00:00+02:00");
		var shortlist = board + "/preselection";
		mvc.perform(post(shortlist).with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString()).param("rationale", "Besoin partagé"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Cochez la case de confirmation pour enregistrer la décision.")));
		mvc.perform(post(shortlist).with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString()).param("rationale", "Besoin partagé")
				.param("presentMembers", "committee1", "committee2").param("confirmation", "oui"))
				.andExpect(redirectedUrl("/campagnes/" + campaign + "/decisions"));

		mvc.perform(get("/campagnes/" + campaign + "/decisions"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Besoin partagé")))
				.andExpect(content().string(containsString("/campagnes/" + campaign + "/budget")))
				.andExpect(content().string(containsString("Budget engagé : 0 €")));
		mvc.perform(get("/campagnes/" + campaign + "/budget"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("stroke-dasharray=\"0.00 100.00\"")))
				.andExpect(content().string(containsString("Aucun projet n&#39;est encore financé : l&#39;enveloppe est entière.")))
				.andExpect(content().string(containsString("<th scope=\"row\"><a href=\"/propositions/" + a.proposalId() + "\">")));
	}

	@Test
	void aCommitteeMemberFundsAProjectAnsweringAShortlistedProposalFromTheBoard(Scenario scenario) throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var campaign = steps.campaignWithCommittee("Financement depuis le comité");
		var a = CommitteeSteps.published(campaign, "Dématérialiser les autorisations d'urbanisme");
		var b = CommitteeSteps.published(campaign, "Proposition non retenue");
		steps.publish(scenario, campaign, List.of(a, b));
		var board = "/campagnes/" + campaign + "/comite";
		var fund = board + "/financement";

		mvc.perform(get(board).with(as(Identities.committee(1))))
				.andExpect(content().string(containsString("Aucune proposition n'est présélectionnée")))
				.andExpect(content().string(containsString("La présélection se décide à partir du")));
		// weights typed in French, shown back in French
		mvc.perform(get(board).param("supportsWeight", "0,8").param("maturityWeight", "0,2").with(as(Identities.committee(1))))
				.andExpect(content().string(containsString("value=\"0,8\"")))
				.andExpect(content().string(containsString("value=\"0,2\"")));

		clock.set("2021-05-03T10:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1),
				"{\"proposalIds\": [\"" + a.proposalId() + "\"], \"rationale\": \"La plus soutenue\"}")
				.andExpect(status().isCreated());

		clock.set("2021-07-05T10:00:00+02:00");
		// the funding form comes on demand (issue 26, ADR 60): its link, then the page with it
		mvc.perform(get(board).with(as(Identities.committee(2))))
				.andExpect(content().string(containsString("financer=oui#financement-proposition\">Financer un projet de la présélection</a>")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"milestones[0].due\""))));
		var boardPage = mvc.perform(get(board).param("financer", "oui").with(as(Identities.committee(2))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"milestones[4].due\"")))
				.andExpect(content().string(containsString("<label class=\"fr-label\" for=\"financement-budget\">Budget en euros")))
				.andReturn().getResponse().getContentAsString();
		// the funding form offers the shortlisted proposals only (the page's form of conflict of interest, all)
		var fundingChoice = boardPage.substring(boardPage.indexOf("id=\"financement-proposition\""));
		fundingChoice = fundingChoice.substring(0, fundingChoice.indexOf("</select>"));
		org.assertj.core.api.Assertions.assertThat(fundingChoice).contains("<option value=\"" + a.proposalId() + "\"")
				.doesNotContain("<option value=\"" + b.proposalId() + "\"");

		mvc.perform(post(fund).with(as(Identities.committee(2))).with(csrf())
						.param("proposalId", a.proposalId().toString()).param("provider", "Coopérative numérique")
						.param("title", "Urbanisme en ligne").param("budgetEuros", "31 000 000")
						.param("milestones[0].label", "Prototype").param("milestones[0].due", "")
						.param("milestones[1].label", "").param("milestones[1].due", ""))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Le financement n'a pas été enregistré")))
				.andExpect(content().string(containsString("id=\"financement-budget-erreur\">Ce budget de 31")))
				.andExpect(content().string(containsString("dépasse l&#39;enveloppe restante de 30")))
				.andExpect(content().string(containsString("Jalon 1 : indiquez son échéance.")))
				.andExpect(content().string(containsString("Cochez la case de confirmation pour enregistrer le financement.")))
				.andExpect(content().string(containsString("value=\"Coopérative numérique\"")));
		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.fundedProjects.length()").value(0));

		mvc.perform(post(fund).with(as(Identities.committee(2))).with(csrf())
						.param("proposalId", a.proposalId().toString()).param("provider", "Coopérative numérique")
						.param("title", "Urbanisme en ligne").param("budgetEuros", "1 200 000")
						.param("milestones[0].label", "Prototype").param("milestones[0].due", "2021-12-15")
						.param("milestones[1].label", "").param("milestones[1].due", "")
						.param("milestones[2].label", "Déploiement").param("milestones[2].due", "2022-06-30")
						.param("confirmation", "oui"))
				.andExpect(redirectedUrl(board + "#financement"))
				.andExpect(flash().attribute("success", containsString("Le financement du projet « Urbanisme en ligne »")));

		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.fundedProjects[0].budgetEuros").value(1_200_000))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.fundedProjects[0].decidedBy").value("ADF"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.fundedProjects[0].milestones.length()").value(2))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.remainingEuros").value(28_800_000));
		mvc.perform(get(board).with(as(Identities.committee(2))))
				.andExpect(content().string(containsString("href=\"/campagnes/" + campaign + "/decisions#financements\">Le projet déjà financé,")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<td>Coopérative numérique</td>"))));
		mvc.perform(get("/campagnes/" + campaign + "/decisions"))
				.andExpect(content().string(containsString("<h2 id=\"financements\">Financements</h2>")))
				.andExpect(content().string(containsString("<td>Coopérative numérique</td>")));
		mvc.perform(get("/campagnes/" + campaign + "/budget"))
				.andExpect(content().string(containsString("<span class=\"cocon-bars__value cocon-count\">1,2\u00a0M€</span>")))
				.andExpect(content().string(containsString("<caption>Projets financés et budget de chaque proposition présélectionnée</caption>")))
				.andExpect(content().string(containsString("Budget engagé : " + cocon.shared.Euros.of(1_200_000).formatted() + " sur une enveloppe de "
						+ cocon.shared.Euros.of(30_000_000).formatted() + " (4 %)")));
		mvc.perform(get("/campagnes/" + campaign + "/decisions"))
				.andExpect(content().string(containsString("Prototype — 15 décembre 2021")));

		mvc.perform(post(fund).with(as(Identities.lyon())).with(csrf())
						.param("proposalId", a.proposalId().toString()).param("confirmation", "oui"))
				.andExpect(status().isForbidden());
	}
}
