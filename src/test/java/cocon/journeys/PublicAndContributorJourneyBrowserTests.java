package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 9, acceptance 1, for the public and the contributor: from the home page, the public reads where a campaign
 * stands and its figures; a contributor finds the "Contribuer" action of a campaign open to contributions and
 * follows its contribution from "Mon espace".
 */
class PublicAndContributorJourneyBrowserTests extends HomeStartedJourney {

	static final String LATE_IN_THE_CONTRIBUTIONS = "2021-03-10T10:00:00+01:00";

	@Test
	void thePublicReadsTheFiguresOfACampaignFromTheHomePageToItsProposalsAndFunnel() {
		// the home page shows the latest campaigns under way: this one is created after the other journeys' ones
		clock.set(LATE_IN_THE_CONTRIBUTIONS);
		var title = "Parcours public " + unique();
		var campaign = createCampaign(title);
		var first = "Guichet des aides aux associations " + unique();
		var second = "Stationnement résidentiel en ligne " + unique();
		var a = publishProposal(campaign, first, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Aides " + unique(), "Dématérialisation")));
		publishProposal(campaign, second, "Mobilités",
				List.of(submitContribution(LYON, campaign, "Stationnement " + unique(), "Mobilités")));
		clock.set(SUPPORT_WINDOW);
		awaitSupport(LYON, a);
		awaitSupport(GRENOBLE, a);

		startAtHome();
		var card = refreshUntil(By.xpath("//main//div[contains(@class,'fr-card')][.//a[normalize-space()=\"" + title
				+ "\"]][contains(., '2 soutiens de collectivités')]"));
		assertThat(card.getText()).containsIgnoringCase("Soutiens des collectivités").contains("2 contributions reçues")
				.contains("2 propositions publiées").containsPattern("(?i)plus que \\d+ jours pour soutenir");
		assertNamedControls();
		openCampaign(title);
		assertNamedControls();
		var figures = find(By.xpath("//section[h2[normalize-space()='Chiffres clés']]")).getText();
		assertThat(figures).contains("2\ncontributions reçues").contains("2\npropositions publiées")
				.contains("2\nsoutiens de collectivités");
		assertThat(absent(By.id("action-de-la-phase"))).as("the public has no action of the phase to take").isTrue();

		follow("Propositions et soutiens");
		waitForText(By.tagName("main"), first);
		assertNamedControls();
		assertThat(main()).contains(first).contains(second);

		find(By.xpath("//nav[contains(@class,'fr-breadcrumb')]//a[normalize-space()='Accueil']")).click();
		waitForTitle("Accueil — Cocon");
		openCampaign(title);
		follow("Entonnoir de la curation");
		waitForText(By.tagName("main"), "2");
		assertNamedControls();
		assertThat(main()).contains("2 contributions reçues");
	}

	@Test
	void aContributorFindsContribuerOnTheCampaignPageAndFollowsItsContributionFromMonEspace() {
		clock.set(LATE_IN_THE_CONTRIBUTIONS);
		var campaignTitle = "Parcours contributeur " + unique();
		createCampaign(campaignTitle);
		var title = "Réserver un créneau à la médiathèque " + unique();

		signInFromHome(LYON);
		openCampaign(campaignTitle);
		assertNamedControls();
		var contribute = primaryAction();
		assertThat(contribute.getText()).isEqualTo("Contribuer");
		contribute.click();

		// intake learns the campaign from an event: the form shows once it knows it
		refreshUntil(By.id("title")).sendKeys(title);
		assertNamedControls();
		find(By.id("need")).sendKeys("Les habitants appellent pour réserver ; un service en ligne les dispenserait de l'attente.");
		new Select(find(By.id("theme"))).selectByVisibleText("Dématérialisation");
		find(By.cssSelector("label[for='role-AGENT']")).click();
		find(By.id("authorFunction")).sendKeys("Directrice de la lecture publique");
		find(By.cssSelector("main form[action$='/contribuer'] button[type=submit]")).click();

		waitForTitle("Mes contributions — Cocon");
		assertThat(main()).contains(title);

		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		assertNamedControls();
		// Lyon's agents contributed in other journeys too: one line counts them all, with their outcomes
		var mine = mySpaceItem("envoyée");
		assertThat(mine.findElement(By.xpath("./ancestor::li[1]")).getText()).containsPattern("\\d+ en attente");
		assertThat(main()).contains("Contribuer à « " + campaignTitle + " »");
		mine.click();
		waitForTitle("Mes contributions — Cocon");
		assertThat(main()).contains(title);
	}

	private void awaitSupport(String agent, String proposal) {
		org.awaitility.Awaitility.await().atMost(EVENTUAL).pollInterval(java.time.Duration.ofMillis(200))
				.until(() -> call(agent, "PUT", "/api/proposals/" + proposal + "/support", null).status(),
						status -> status == 201 || status == 200);
	}
}
