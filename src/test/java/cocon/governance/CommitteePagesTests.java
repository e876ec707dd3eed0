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
				.andExpect(redirectedUrl(board))
				.andExpect(flash().attribute("success", "Votre évaluation de maturité est enregistrée."));

		clock.set("2021-05-03T10:00:00+02:00");
		mvc.perform(post(board + "/preselection").with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString()).param("rationale", "Besoin partagé"))
				.andExpect(redirectedUrl(board))
				.andExpect(flash().attribute("error", "Cochez la case de confirmation pour enregistrer la décision."));
		mvc.perform(post(board + "/preselection").with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString()).param("rationale", "Besoin partagé")
				.param("presentMembers", "committee1", "committee2").param("confirmation", "oui"))
				.andExpect(redirectedUrl("/campagnes/" + campaign + "/decisions"));

		mvc.perform(get("/campagnes/" + campaign + "/decisions"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Besoin partagé")))
				.andExpect(content().string(containsString("<svg role=\"img\"")))
				.andExpect(content().string(containsString("Budget engagé : 0 €")));
	}
}
