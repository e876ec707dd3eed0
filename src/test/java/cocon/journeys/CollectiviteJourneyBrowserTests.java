package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 9, acceptance 1, for an agent or élu of a collectivité: from the home page, the campaign open for supports
 * offers "Soutenir des propositions", where the collectivité supports a proposal and withdraws; once a proposal it
 * supported is shortlisted, "Mon espace" invites it to apply as referent territory, and it finds its working group.
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
