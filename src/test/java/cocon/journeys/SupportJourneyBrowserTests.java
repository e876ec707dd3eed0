package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 4, acceptance 3: during the support window an agent supports a published proposal from its
 * collectivité's page, sees the count go up at once (and on the public ranking), withdraws and sees it go back.
 */
class SupportJourneyBrowserTests extends JourneyBrowserTest {

	@Test
	void anAgentSupportsAProposalFromItsCollectivitesPageThenWithdrawsAndSeesTheCountFollow() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours soutien " + unique());
		var title = "Inscription en ligne à la cantine scolaire " + unique();
		var contribution = submitContribution(GRENOBLE, campaign, "Cantine " + unique(), "Dématérialisation");
		var proposal = publishProposal(campaign, title, "Dématérialisation", List.of(contribution));
		clock.set(SUPPORT_WINDOW);

		signInAs(LYON);
		var item = reloadUntil("/ma-collectivite?campagne=" + campaign, By.id("proposition-" + proposal));
		assertNamedControls();
		assertThat(item.findElement(By.id("titre-" + proposal)).getText()).isEqualTo(title);
		assertThat(state(proposal)).contains("Votre collectivité ne la soutient pas.")
				.contains("Aucune collectivité ne la soutient.");
		var summaryBefore = find(By.id("resume-soutiens")).getText();

		button(proposal, "Soutenir").click();

		waitForState(proposal, "1 collectivité la soutient.");
		assertThat(state(proposal)).contains("Votre collectivité la soutient depuis le 12 avril 2021");
		button(proposal, "Retirer mon soutien");
		assertThat(find(By.id("annonce")).getAttribute("textContent"))
				.isEqualTo("Soutien enregistré. 1 collectivité soutient cette proposition.");
		// the confirmation is seen, not only heard, and the page's summary follows without a reload
		assertThat(find(By.cssSelector("#proposition-" + proposal + " .fr-message--valid")).getText())
				.isEqualTo("Soutien enregistré.");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> !summaryBefore
				.equals(page.findElement(By.id("resume-soutiens")).getText()));
		assertThat(find(By.id("resume-soutiens")).getText()).startsWith("Votre collectivité soutient ")
				.doesNotContain("(s)");

		open("/campagnes/" + campaign + "/propositions");
		assertThat(supportCountIn(rankingRow(title))).isEqualTo("1");
		assertNamedControls();
		assertThat(rankingRow(title).getText()).contains("Commune : 1");

		// the public proposal page: its count, the way to withdraw, its supporters and the way back
		rankingRow(title).findElement(By.linkText(title)).click();
		waitForText(By.id("compte-soutiens"), "1 collectivité soutient cette proposition.");
		assertThat(find(By.id("etat-soutien")).getText()).isEqualTo("Votre collectivité la soutient depuis le 12 avril 2021.");
		find(By.linkText("Voir les collectivités qui la soutiennent")).click();
		waitForText(By.tagName("table"), "Lyon");
		find(By.linkText("Retour à la proposition")).click();
		find(By.xpath("//button[normalize-space()='Retirer mon soutien']")).click();
		expectAlert("success", "Soutien retiré.");
		waitForText(By.id("compte-soutiens"), "Aucune collectivité ne soutient encore cette proposition.");
		find(By.xpath("//button[normalize-space()='Soutenir cette proposition']")).click();
		expectAlert("success", "Soutien enregistré.");
		waitForText(By.id("compte-soutiens"), "1 collectivité soutient cette proposition.");

		open("/ma-collectivite?campagne=" + campaign);
		button(proposal, "Retirer mon soutien").click();

		waitForState(proposal, "Aucune collectivité ne la soutient.");
		assertThat(state(proposal)).contains("Votre collectivité ne la soutient pas.");
		button(proposal, "Soutenir");
		assertThat(find(By.id("resume-soutiens")).getText()).isEqualTo(summaryBefore);

		open("/ma-collectivite?campagne=" + campaign);
		assertThat(state(proposal)).contains("Aucune collectivité ne la soutient.");
		open("/campagnes/" + campaign + "/propositions");
		assertThat(supportCountIn(rankingRow(title))).isEqualTo("0");
	}

	@Test
	void thePublicSeesTheSupportsOverTimeAndOnAMapOfFranceEachWithItsDataTable() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours cartes " + unique());
		var contribution = submitContribution(GRENOBLE, campaign, "Cartes " + unique(), "Mobilités");
		var proposal = publishProposal(campaign, "Covoiturage du quotidien " + unique(), "Mobilités", List.of(contribution));
		clock.set(SUPPORT_WINDOW);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call(LYON, "PUT", "/api/proposals/" + proposal + "/support", null).status() < 300);
		driver.manage().deleteAllCookies();

		reloadUntil("/campagnes/" + campaign + "/propositions", By.xpath("//table//td[normalize-space()='1']"));
		find(By.linkText("Voir les soutiens dans le temps")).click();
		var curve = find(By.cssSelector("line-chart"));
		assertThat(curve.getAttribute("y")).endsWith("1]]");
		assertThat(find(By.tagName("table")).getText()).contains("lundi 12 avril 2021");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> !page.findElements(By.cssSelector("line-chart canvas")).isEmpty());

		find(By.linkText("Voir la carte des soutiens")).click();
		assertThat(find(By.cssSelector(".cocon-map use[href$='#d69']")).getAttribute("class")).isEqualTo("cocon-map__shade-5");
		assertThat(find(By.cssSelector(".cocon-map use[href$='#d68']")).getAttribute("class")).isEqualTo("cocon-map__shade-0");
		assertThat(find(By.tagName("table")).getText()).contains("Rhône").contains("69");
		// the outline comes from the sprite the page links (kept a year): drawn once it has arrived
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(page -> ((Number) ((JavascriptExecutor) page).executeScript(
				"return document.querySelector(\".cocon-map use[href$='#d69']\").getBBox().width")).doubleValue() > 0);
	}

	private String state(String proposal) {
		return find(By.id("etat-" + proposal)).getText();
	}

	private void waitForState(String proposal, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("etat-" + proposal), text));
	}

	private WebElement button(String proposal, String label) {
		return find(By.xpath("//li[@id='proposition-" + proposal + "']//button[normalize-space()='" + label + "']"));
	}

	/** The « Collectivités » column of a row of the ranking (rank, proposal as row header, count, …). */
	private static String supportCountIn(WebElement row) {
		return row.findElements(By.tagName("td")).get(1).getText();
	}

	private WebElement rankingRow(String title) {
		return find(By.xpath("//table//tr[th[.//a[normalize-space()='" + title + "']]]"));
	}
}
