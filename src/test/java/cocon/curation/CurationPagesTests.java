package cocon.curation;

import static cocon.curation.CurationFixtures.*;
import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.testing.Identities;

/** The curators' and public pages of curation, rendered in the shared layout. */
class CurationPagesTests extends CurationTestSupport {

	@Autowired
	Curation curation;

	ContributionId rdv;

	ContributionId cantine;

	@BeforeEach
	void twoContributions() {
		var first = contribution(campaign, "Prise de rendez-vous en ligne en mairie", "Réserver un créneau pour les papiers.",
				"Relation usagers", "216901231", "Lyon", CollectiviteKind.COMMUNE);
		var second = contribution(campaign, "Inscription à la cantine", "Payer la cantine en ligne.", "Éducation",
				"213105554", "Toulouse", CollectiviteKind.COMMUNE);
		rdv = first.contributionId();
		cantine = second.contributionId();
		submit(List.of(first, second));
	}

	String outcome(ContributionId id) {
		return jdbc.sql("select outcome from curation.contribution where id = ?").param(id.id()).query(String.class)
				.single();
	}

	@Test
	void theTriageQueueShowsPendingContributionsFiltersAndActions() throws Exception {
		mvc.perform(get("/curation/campagnes/" + campaign).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<html lang=\"fr\"")))
				.andExpect(content().string(containsString("Prise de rendez-vous en ligne en mairie")))
				.andExpect(content().string(containsString("Inscription à la cantine")))
				.andExpect(content().string(containsString("Contributions proches")))
				.andExpect(content().string(containsString("Je confirme le rejet de cette contribution")));
		mvc.perform(get("/curation/campagnes/" + campaign).param("theme", "Éducation").with(as(Identities.curator())))
				.andExpect(content().string(containsString("Contributions en attente (1)")))
				.andExpect(content().string(not(containsString("\">Prise de rendez-vous en ligne en mairie</h3>"))));
		mvc.perform(get("/curation/campagnes/" + campaign).with(as(Identities.lyon())))
				.andExpect(status().isForbidden());
	}

	@Test
	void rejectingFromThePageNeedsAConfirmation() throws Exception {
		mvc.perform(post("/curation/contributions/" + cantine + "/rejet").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("reason", "Hors champ."))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("erreur", containsString("confirmer")));
		assertThat(outcome(cantine)).isEqualTo("PENDING");

		mvc.perform(post("/curation/contributions/" + cantine + "/rejet").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("reason", "Hors champ.").param("confirmation", "oui"))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign));
		assertThat(outcome(cantine)).isEqualTo("REJECTED");
	}

	@Test
	void aProposalIsCreatedEditedAndPublishedFromThePages() throws Exception {
		var location = mvc.perform(post("/curation/campagnes/" + campaign + "/propositions").with(as(Identities.curator()))
				.with(csrf()).param("title", "Prendre rendez-vous en ligne").param("summary", "Avec sa mairie.")
				.param("theme", "Relation usagers").param("contributionIds", rdv.toString()))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/curation/propositions/");
		assertThat(outcome(rdv)).isEqualTo("GROUPED");

		mvc.perform(post(location + "/publication").with(as(Identities.curator())).with(csrf()).param("confirmation", "oui"))
				.andExpect(flash().attribute("succes", containsString("publiée")));
		mvc.perform(get(location).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Historique des décisions")))
				.andExpect(content().string(containsString("Publication")))
				.andExpect(content().string(containsString("Lyon")));

		var publicPage = location.replace("/curation/propositions/", "/propositions/");
		mvc.perform(get(publicPage))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Prendre rendez-vous en ligne")))
				.andExpect(content().string(containsString("Issue de 1 contribution de 1 organisation.")))
				.andExpect(content().string(containsString("Lyon (Commune)")));
	}

	@Test
	void aDraftProposalIsNotPublic() throws Exception {
		var draft = curation.createProposal(campaign, "Brouillon", "Pas encore prêt.", "Santé", List.of(), "curator");
		mvc.perform(get("/propositions/" + draft)).andExpect(status().isNotFound());
	}

	@Test
	void theFunnelPageShowsADsfrChartWithItsDataTable() throws Exception {
		curation.reject(cantine, "Hors champ.", "curator");
		mvc.perform(get("/campagnes/" + campaign + "/entonnoir"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<bar-chart horizontal=\"true\"")))
				.andExpect(content().string(containsString("y=\"[[2,1,0,0,1,0,0]]\"")))
				.andExpect(content().string(containsString("2 contributions reçues : 0 regroupée en 0 proposition, 0 réorientée, 1 rejetée, 1 en attente.")))
				.andExpect(content().string(containsString("<th scope=\"row\">Rejetées</th>")));
	}
}
