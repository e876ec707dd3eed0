package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 9, acceptance 1, for an agent or élu of a collectivité: from the home page, the campaign open for supports
 * offers "Soutenir des propositions", where the collectivité supports a proposal and withdraws; once a proposal it
 * supported is shortlisted, "Mon espace" invites it to apply as referent territory, and it finds its working group.
 * Issue 25: it finds proposals by the words of its need, and a commune that supported nothing finds the open call.
 */
class CollectiviteJourneyBrowserTests extends HomeStartedJourney {

	@Test
	void anAgentSupportsAProposalFromTheCampaignPageThenWithdraws() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = "Parcours soutien depuis l'accueil " + unique();
		var campaign = createCampaign(campaignTitle);
		var title = "Inscription en ligne au centre de loisirs " + unique();
		var proposal = publishProposal(campaign, title, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Centre de loisirs " + unique(), "Dématérialisation")));
		clock.set(SUPPORT_WINDOW);

		signInFromHome(LYON);
		openCampaign(campaignTitle);
		var support = primaryAction();
		assertThat(support.getText()).isEqualTo("Soutenir des propositions");
		support.click();

		refreshUntil(By.xpath(labelled(proposal, "Soutenir")));
		assertNamedControls();
		button(proposal, "Soutenir").click();
		refreshUntil(By.xpath(labelled(proposal, "Retirer mon soutien")));
		await().atMost(EVENTUAL).until(() -> supports(campaign, proposal) == 1);

		button(proposal, "Retirer mon soutien").click();
		refreshUntil(By.xpath(labelled(proposal, "Soutenir")));
		await().atMost(EVENTUAL).until(() -> supports(campaign, proposal) == 0);
		assertNamedControls();
	}

	@Test
	void aCollectiviteInvitedFromMonEspaceAppliesAsReferentAndSeesItsWorkingGroup() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours référent depuis l'accueil " + unique());
		call("admin", "PUT", "/api/campaigns/" + campaign + "/committee", """
				{"members": [{"username": "committee4", "organisation": "DINUM"}]}""").expect(200);
		var title = "Prêt de matériel entre communes " + unique();
		var proposal = publishProposal(campaign, title, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Prêt de matériel " + unique(), "Dématérialisation")));
		clock.set(SUPPORT_WINDOW);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call(LYON, "PUT", "/api/proposals/" + proposal + "/support", null).status(),
						status -> status == 201 || status == 200);
		clock.set(SHORTLIST_DAY);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call("committee4", "POST", "/api/campaigns/" + campaign + "/shortlist", """
						{"proposalIds": ["%s"], "rationale": "Retenue pour le parcours depuis l'accueil."}"""
						.formatted(proposal)).status(), status -> status == 201);
		clock.set(REFERENT_APPLICATIONS_WINDOW);

		signInFromHome(LYON);
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		var invitation = mySpaceItem("Candidater comme territoire référent : « " + title + " »");
		assertNamedControls();
		invitation.click();

		var callout = find(By.xpath("//div[contains(@class,'fr-callout')][.//h2[contains(., \"" + title + "\")]]"));
		callout.findElement(By.cssSelector("a[href$='/candidature']")).click();
		waitForTitle("Candidature : " + title + " — Cocon");
		assertNamedControls();
		find(By.id("motivation")).sendKeys("Lyon prête déjà du matériel aux communes voisines.");
		find(By.id("contactName")).sendKeys("Camille Martin");
		find(By.id("contactEmail")).sendKeys("camille.martin@mairie-lyon.fr");
		find(By.cssSelector("main form[action$='/candidature'] button[type=submit]")).click();

		waitForTitle("Candidature enregistrée — Cocon");
		find(By.cssSelector("main a[href$='/groupe-de-travail']")).click();
		waitForTitle("Groupe de travail : " + title + " — Cocon");
		assertNamedControls();
		assertThat(find(By.xpath("//table//tr[td[normalize-space()='216901231']]")).getText()).contains("Lyon");

		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		mySpaceItem("Groupe de travail « " + title + " »").click();
		waitForTitle("Groupe de travail : " + title + " — Cocon");
	}

	/** Issue 25, point 2: among many proposals, a commune finds those answering its need by the words of it. */
	@Test
	void aCommuneFindsProposalsByTheWordsOfItsNeed() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = "Parcours recherche de propositions " + unique();
		var campaign = createCampaign(campaignTitle);
		var cantine = "Inscription en ligne à la cantine scolaire " + unique();
		var covoiturage = "Covoiturage entre communes rurales " + unique();
		var voirie = "Signalement des incidents de voirie " + unique();
		var cantineId = publishProposal(campaign, cantine, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Cantine " + unique(), "Dématérialisation")));
		publishProposal(campaign, covoiturage, "Mobilités",
				List.of(submitContribution(GRENOBLE, campaign, "Covoiturage " + unique(), "Mobilités")));
		publishProposal(campaign, voirie, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Voirie " + unique(), "Dématérialisation")));
		clock.set(SUPPORT_WINDOW);

		signInFromHome(LYON);
		openCampaign(campaignTitle);
		primaryAction().click();
		refreshUntil(By.id("titre-" + cantineId));
		assertNamedControls();

		// the words of its need, as an agent types them: capitals, plurals, little words
		var search = find(By.id("recherche"));
		search.clear();
		search.sendKeys("Inscriptions à la CANTINE");
		find(By.cssSelector("form[role=search] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().contains("q="));
		assertThat(find(By.id("resultats")).getText()).startsWith("1 proposition correspond à votre recherche");
		assertThat(find(By.id("titre-" + cantineId)).getText()).isEqualTo(cantine);
		assertThat(find(By.id("proposition-" + cantineId)).getText()).contains("Résumé de " + cantine)
				.contains("Dématérialisation");
		assertThat(absent(By.linkText(covoiturage))).isTrue();
		assertThat(absent(By.linkText(voirie))).isTrue();
		assertNamedControls();

		// supported from the results, it is listed apart with what the collectivité supports
		button(cantineId, "Soutenir").click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
				By.id("etat-" + cantineId), "1 collectivité la soutient."));
		driver.navigate().refresh();
		assertThat(find(By.id("soutenues")).getText()).contains(cantine);

		// by theme, the search emptied
		find(By.id("recherche")).clear();
		new org.openqa.selenium.support.ui.Select(find(By.id("theme"))).selectByVisibleText("Mobilités");
		find(By.cssSelector("form[role=search] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().contains("theme="));
		assertThat(find(By.linkText(covoiturage)).isDisplayed()).isTrue();
		assertThat(absent(By.id("titre-" + cantineId))).isTrue();

		// the public list finds it the same way, in one list
		open("/campagnes/" + campaign + "/propositions?q=" + java.net.URLEncoder.encode("incident voirie",
				java.nio.charset.StandardCharsets.UTF_8));
		assertThat(find(By.id("resultats")).getText()).startsWith("1 proposition correspond à votre recherche");
		assertThat(find(By.linkText(voirie)).isDisplayed()).isTrue();
		assertThat(driver.findElements(By.tagName("table"))).hasSize(1);
		assertNamedControls();
	}

	/**
	 * Issue 25, point 6: during the open call, a commune that supported nothing finds the call from « Mon espace »,
	 * applies, sees the group's next sessions, and may leave the group after confirming.
	 */
	@Test
	void anEligibleCommuneThatSupportedNothingFindsTheReferentCallFromMonEspace() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours appel ouvert " + unique());
		call("admin", "PUT", "/api/campaigns/" + campaign + "/committee", """
				{"members": [{"username": "committee4", "organisation": "DINUM"}]}""").expect(200);
		var title = "Gestion des salles communales " + unique();
		var proposal = publishProposal(campaign, title, "Dématérialisation",
				List.of(submitContribution(LYON, campaign, "Salles " + unique(), "Dématérialisation")));
		clock.set(SHORTLIST_DAY);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call("committee4", "POST", "/api/campaigns/" + campaign + "/shortlist", """
						{"proposalIds": ["%s"], "rationale": "Retenue pour le parcours de l'appel ouvert."}"""
						.formatted(proposal)).status(), status -> status == 201);
		clock.set(REFERENT_APPLICATIONS_WINDOW);

		signInFromHome(GRENOBLE);
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		var call = mySpaceItem("Appel à territoires référents ouvert");
		assertThat(find(By.tagName("main")).getText()).doesNotContain("Rien ne vous attend");
		assertNamedControls();
		call.click();

		waitForTitle("Ma collectivité : territoires référents — Cocon");
		refreshUntil(By.cssSelector("a[href$='/propositions/" + proposal + "/candidature']")).click();
		waitForTitle("Candidature : " + title + " — Cocon");
		find(By.id("motivation")).sendKeys("Grenoble gère déjà ses salles en ligne et veut partager ses besoins.");
		find(By.id("contactName")).sendKeys("Sacha Roux");
		find(By.id("contactEmail")).sendKeys("sacha.roux@grenoble.fr");
		find(By.cssSelector("main form[action$='/candidature'] button[type=submit]")).click();
		waitForTitle("Candidature enregistrée — Cocon");
		find(By.cssSelector("main a[href$='/groupe-de-travail']")).click();
		waitForTitle("Groupe de travail : " + title + " — Cocon");
		assertThat(find(By.id("prochaines-seances")).getText()).isEqualTo("Prochaines séances");
		assertNamedControls();

		find(By.id("quitter-groupe")).click();
		waitForTitle("Quitter le groupe de travail — Cocon");
		assertNamedControls();
		find(By.cssSelector("label[for='confirmer-retrait']")).click();
		find(By.cssSelector("main form button[type=submit]")).click();
		expectAlert("success", "a quitté le groupe de travail");
		assertThat(find(By.tagName("main")).getText()).contains("Ont quitté le groupe");
	}

	private WebElement button(String proposal, String label) {
		return find(By.xpath(labelled(proposal, label)));
	}

	/** The button of a proposal's row that says what it does ("Soutenir", "Retirer mon soutien"). */
	private static String labelled(String proposal, String label) {
		return "//li[@id='proposition-" + proposal + "']//button[normalize-space()='" + label + "']";
	}

	private int supports(String campaign, String proposal) {
		var proposals = call("admin", "GET", "/api/campaigns/" + campaign + "/proposals", null).expect(200);
		List<Integer> counts = proposals.read("$[?(@.id == '" + proposal + "')].supportCount");
		return counts.isEmpty() ? -1 : counts.get(0);
	}
}
