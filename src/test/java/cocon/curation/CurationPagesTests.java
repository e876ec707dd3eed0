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
		var second = contribution(campaign, "Inscription à la cantine", "Payer la cantine en ligne.", "Éducation et jeunesse",
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
				.andExpect(content().string(containsString("Rejeter comme inéligible")))
				.andExpect(content().string(not(containsString("Je confirme le rejet de cette contribution"))));
		// a card's decision opens on demand, for that card alone (ADR 0053)
		mvc.perform(get("/curation/campagnes/" + campaign).param("decider", rdv.toString()).param("geste", "rejeter")
				.with(as(Identities.curator())))
				.andExpect(content().string(containsString("id=\"motif-" + rdv + "\"")))
				.andExpect(content().string(containsString("Je confirme le rejet de cette contribution")))
				.andExpect(content().string(not(containsString("id=\"motif-" + cantine + "\""))));
		mvc.perform(get("/curation/campagnes/" + campaign).param("theme", "Éducation et jeunesse").with(as(Identities.curator())))
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
		var created = mvc.perform(post("/curation/campagnes/" + campaign + "/propositions").with(as(Identities.curator()))
				.with(csrf()).param("title", "Prendre rendez-vous en ligne").param("summary", "Avec sa mairie.")
				.param("theme", "Relation usagers").param("contributionIds", rdv.toString()))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign))
				.andExpect(flash().attribute("succes", containsString("Prendre rendez-vous en ligne")))
				.andReturn().getFlashMap().get("proposition");
		var location = "/curation/propositions/" + created;
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
		var draft = curation.createProposal(campaign, "Brouillon", "Pas encore prêt.", "Santé et solidarités", List.of(), "curator");
		mvc.perform(get("/propositions/" + draft)).andExpect(status().isNotFound());
	}

	@Test
	void theFunnelPageShowsADsfrChartWithItsDataTable() throws Exception {
		curation.reject(cantine, "Hors champ.", "curator");
		mvc.perform(get("/campagnes/" + campaign + "/entonnoir"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<bar-chart selected-palette=\"categorical\"")))
				.andExpect(content().string(not(containsString("horizontal=\"true\""))))
				.andExpect(content().string(containsString("y=\"[[2,1,0,0,1,0,0]]\"")))
				.andExpect(content().string(containsString("2 contributions reçues : 0 regroupée en 0 proposition, 0 réorientée, 1 rejetée, 1 en attente.")))
				.andExpect(content().string(containsString("<th scope=\"row\">Rejetées</th>")));
	}

	/** Publishes one more contribution as intake does and waits until curation holds this one. */
	ContributionId received(String title, String need, String theme) {
		var event = contribution(campaign, title, need, theme, "213300635", "Bordeaux", CollectiviteKind.COMMUNE);
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"select count(*) from curation.contribution where id = ?").param(event.contributionId().id())
				.query(Long.class).single() == 1);
		return event.contributionId();
	}

	String queue(String... params) throws Exception {
		var request = get("/curation/campagnes/" + campaign).with(as(Identities.curator()));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theQueueFindsWordsWithoutMindingAccentsAndEveryDecisionComesBackToTheSameFilterPageAndCard() throws Exception {
		var ecoles = received("Espace numérique des écoles", "Un portail pour les familles et les enseignants.", "Éducation et jeunesse");

		assertThat(queue("q", "ecoles numerique")).contains("Espace numérique des écoles")
				.contains("Contributions en attente (1)").doesNotContain("Inscription à la cantine</h3>");
		assertThat(queue("q", "ÉCOLE")).contains("Espace numérique des écoles").contains("Contributions en attente (1)");
		assertThat(queue("q", "cantin")).contains("Inscription à la cantine").doesNotContain("Espace numérique des écoles</h3>");
		assertThat(queue("theme", "Éducation et jeunesse", "size", "50")).contains("Contributions en attente (2)")
				.contains("<option value=\"50\" selected=\"selected\">50</option>");

		// a refusal comes back to the same card, with its reason
		mvc.perform(post("/curation/contributions/" + cantine + "/rejet").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("reason", "Hors champ.")
				.param("retour", "q=cantine&theme=%C3%89ducation&size=50").param("ancre", "contribution-" + ecoles))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign + "?q=cantine&theme=%C3%89ducation&size=50#contribution-" + cantine))
				.andExpect(flash().attribute("erreur", containsString("confirmer")));
		// a decision comes back to the next card, under the same words, theme and page size
		mvc.perform(post("/curation/contributions/" + cantine + "/rejet").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("reason", "Hors champ.").param("confirmation", "oui")
				.param("retour", "q=cantine&theme=%C3%89ducation&size=50").param("ancre", "contribution-" + ecoles))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign + "?q=cantine&theme=%C3%89ducation&size=50#contribution-" + ecoles));
		assertThat(outcome(cantine)).isEqualTo("REJECTED");
		assertThat(queue("status", "REJECTED")).contains("Contributions rejetées (1)").contains("Inscription à la cantine");

		// what comes back is only ever a place in this queue
		mvc.perform(post("/curation/contributions/" + rdv + "/rejet").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("reason", "Hors champ.")
				.param("retour", "//ailleurs.example/?q=1").param("ancre", "\"><script>"))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign + "#contribution-" + rdv));
	}

	@Test
	void aSelectionIsGroupedAtOnceAndAWrongGroupingIsUndoneWithItsHistory() throws Exception {
		mvc.perform(post("/curation/campagnes/" + campaign + "/selection").with(as(Identities.curator())).with(csrf())
				.param("action", "regrouper").param("contributionIds", rdv.toString(), cantine.toString()))
				.andExpect(flash().attribute("erreur", containsString("Choisissez la proposition")))
				.andExpect(flash().attribute("selection", List.of(rdv.id(), cantine.id())));
		var proposal = mvc.perform(post("/curation/campagnes/" + campaign + "/selection").with(as(Identities.curator()))
				.with(csrf()).param("action", "creer").param("contributionIds", rdv.toString(), cantine.toString())
				.param("title", "Démarches en ligne").param("theme", "Relation usagers").param("retour", "q=ligne"))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign + "?q=ligne"))
				.andExpect(flash().attribute("succes", containsString("Démarches en ligne")))
				.andReturn().getFlashMap().get("proposition");
		assertThat(outcome(rdv)).isEqualTo("GROUPED");
		assertThat(outcome(cantine)).isEqualTo("GROUPED");

		// the cantine was a mistake: out of the proposal, after a confirmation
		var editor = "/curation/propositions/" + proposal;
		mvc.perform(post(editor + "/retrait").with(as(Identities.curator())).with(csrf())
				.param("contributionId", cantine.toString()))
				.andExpect(flash().attribute("erreur", containsString("confirmer")));
		assertThat(outcome(cantine)).isEqualTo("GROUPED");
		mvc.perform(post(editor + "/retrait").with(as(Identities.curator())).with(csrf())
				.param("contributionId", cantine.toString()).param("confirmation", "oui"))
				.andExpect(redirectedUrl(editor)).andExpect(flash().attribute("succes", containsString("de nouveau en attente")));
		assertThat(outcome(cantine)).isEqualTo("PENDING");
		assertThat(outcome(rdv)).isEqualTo("GROUPED");
		mvc.perform(get(editor).with(as(Identities.curator())))
				.andExpect(content().string(containsString("Retrait d&#39;une proposition")))
				.andExpect(content().string(containsString("Retirée de « Démarches en ligne » : de retour dans la file de tri.")))
				.andExpect(content().string(containsString("Contributions regroupées (1)")));
		assertThat(queue()).contains("Inscription à la cantine").contains("Contributions en attente (1)")
				.doesNotContain("Retirer de sa proposition");

		// from the queue too, among the contributions already grouped, back to the next one
		assertThat(queue("status", "GROUPED")).contains("Retirer de sa proposition").contains("Démarches en ligne");
		mvc.perform(post("/curation/contributions/" + rdv + "/retrait").with(as(Identities.curator())).with(csrf())
				.param("campaignId", campaign.toString()).param("proposalId", proposal.toString())
				.param("confirmation", "oui").param("retour", "status=GROUPED").param("ancre", "file-de-tri"))
				.andExpect(redirectedUrl("/curation/campagnes/" + campaign + "?status=GROUPED#file-de-tri"));
		assertThat(outcome(rdv)).isEqualTo("PENDING");

		// « toutes les contributions affichées » groups what the page shows
		mvc.perform(post("/curation/campagnes/" + campaign + "/selection").with(as(Identities.curator())).with(csrf())
				.param("action", "regrouper").param("toutes", "oui").param("pageIds", cantine.toString())
				.param("proposalId", proposal.toString()))
				.andExpect(flash().attribute("succes", containsString("regroupée")));
		assertThat(outcome(cantine)).isEqualTo("GROUPED");
	}

	@Test
	void theGroupingMenuOffersFirstOnlyAVeryCloseProposalOfTheSameThemeAndSaysHowCloseInWords() throws Exception {
		var far = curation.createProposal(campaign, "Rendez-vous des familles à la cantine", "Des repas partagés.",
				"Éducation et jeunesse", List.of(), "curator");
		var html = queue("decider", rdv.toString(), "geste", "regrouper");
		assertThat(menu(html, rdv)).doesNotContain("value=\"" + far + "\" selected")
				.contains("<option value=\"\" disabled selected=\"selected\">Choisissez une proposition</option>");
		assertThat(html).doesNotContainPattern("similarité|0,\\d").containsPattern("très proche|proche|éloignée");

		var close = curation.createProposal(campaign, "Prise de rendez-vous en ligne en mairie", "Réserver un créneau.",
				"Relation usagers", List.of(), "curator");
		assertThat(menu(queue("decider", rdv.toString(), "geste", "regrouper"), rdv)).contains("<option value=\"" + close + "\" selected=\"selected\">")
				.doesNotContain("disabled selected=\"selected\"");
	}

	/** The « Regrouper » menu of a contribution's card. */
	static String menu(String html, ContributionId contribution) {
		var start = html.indexOf("id=\"proposition-" + contribution + "\"");
		assertThat(start).as("the menu of %s", contribution).isPositive();
		return html.substring(start, html.indexOf("</select>", start));
	}

	@Test
	void theQueueIsPagedUnderItsFilterAndAPageEmptiedShowsTheLastOne() throws Exception {
		var many = new java.util.ArrayList<cocon.intake.events.ContributionSubmitted>();
		for (int i = 1; i <= 26; i++) {
			many.add(contribution(campaign, "Téléconsultation " + i, "Un cabinet médical à distance.", "Santé et solidarités", "213105554",
					"Toulouse", CollectiviteKind.COMMUNE));
		}
		submit(many);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"select count(*) from curation.contribution where campaign_id = ?").param(campaign.id())
				.query(Long.class).single() == 28);

		var first = queue("theme", "Santé et solidarités");
		assertThat(first).contains("Contributions en attente (26)").contains("Page 1 sur 2")
				.contains("href=\"/curation/campagnes/" + campaign + "?theme=Sant%C3%A9%20et%20solidarit%C3%A9s&amp;page=1\"");
		assertThat(queue("theme", "Santé et solidarités", "page", "1")).contains("Page 2 sur 2")
				.satisfies(html -> assertThat(html.split("class=\"fr-card__title\"")).hasSize(2));
		assertThat(queue("theme", "Santé et solidarités", "page", "7")).contains("Page 2 sur 2")
				.satisfies(html -> assertThat(html.split("class=\"fr-card__title\"")).hasSize(2));
	}

	/**
	 * Issue 25: a queue of 25 cards at the size of the 2021 campaign (67 proposals) weighed about 650 KB, each card
	 * listing every proposal in its « Regrouper » menu and every similar contribution's text in hidden fields. The
	 * page now holds the list of proposals once.
	 */
	@Test
	void aQueueOfTwentyFiveCardsAmongSixtySevenProposalsWeighsLessThan150Kilobytes() throws Exception {
		// a need of the length the 2021 contributions have (about 350 characters)
		var need = "Les habitants doivent se déplacer en mairie aux heures d'ouverture pour cette démarche, les agents "
				+ "ressaisissent les formulaires papier et les pièces justificatives se perdent entre les services ; "
				+ "un service en ligne partagé entre communes éviterait les déplacements, les erreurs de saisie et les "
				+ "relances, et donnerait aux élus un suivi des demandes.";
		var themes = List.of("Relation usagers", "Éducation et jeunesse", "Santé et solidarités");
		var many = new java.util.ArrayList<cocon.intake.events.ContributionSubmitted>();
		for (int i = 1; i <= 25; i++) {
			many.add(contribution(campaign, "Démarche en ligne en mairie numéro " + i, need, themes.get(i % 3),
					"213105554", "Toulouse", CollectiviteKind.COMMUNE));
		}
		for (int i = 1; i <= 67; i++) {
			curation.createProposal(campaign, "Démarche en ligne partagée entre communes, proposition " + i,
					"Un service commun.", themes.get(i % 3), List.of(), "curator");
		}
		submit(many);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"select count(*) from curation.contribution where campaign_id = ?").param(campaign.id())
				.query(Long.class).single() == 27);

		var html = queue();
		if (System.getProperty("cocon.dump") != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("cocon.dump"), "queue.html"), html);
		}
		assertThat(html.split("class=\"fr-card__title\"")).hasSize(26);
		assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("bytes of the queue page")
				.isLessThan(150_000);
	}
}
