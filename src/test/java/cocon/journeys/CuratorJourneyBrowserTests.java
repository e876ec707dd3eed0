package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 9, acceptance 1, for the curator: from the home page, "Mon espace" says how many contributions wait for
 * triage; in the queue the curator groups two of them into a new proposal, reorients one, rejects one, then
 * publishes the proposal.
 */
class CuratorJourneyBrowserTests extends HomeStartedJourney {

	@Test
	void aCuratorGroupsReorientsRejectsAndPublishesFromMonEspace() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = "Parcours curation " + unique();
		var campaign = createCampaign(campaignTitle);
		var first = submitContribution(LYON, campaign, "Signaler un lampadaire en panne " + unique(), "Mobilités");
		var second = submitContribution(GRENOBLE, campaign, "Signaler un dépôt sauvage " + unique(), "Mobilités");
		var third = submitContribution(LYON, campaign, "Subvention pour la fibre " + unique(), "Dématérialisation");
		var fourth = submitContribution(GRENOBLE, campaign, "Achat de tablettes pour le conseil " + unique(), "Accessibilité");
		for (var id : new String[] { first, second, third, fourth }) {
			awaitInTriage(campaign, id);
		}
		var proposalTitle = "Signaler un incident sur l'espace public " + unique();

		signInFromHome("curator");
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		assertNamedControls();
		var waiting = mySpaceItem("4 contributions à trier");
		var tile = waiting.findElement(By.xpath("./ancestor::div[contains(@class,'fr-tile')][1]"));
		assertThat(tile.getText()).contains(campaignTitle);
		waiting.click();
		find(By.id("contribution-" + first));
		assertNamedControls();

		// a new proposal from the first contribution
		item(first).findElement(By.cssSelector("button[aria-controls='regrouper-" + first + "']")).click();
		var name = find(By.id("titre-" + first));
		name.clear();
		name.sendKeys(proposalTitle);
		find(By.cssSelector("#regrouper-" + first + " form[action$='/propositions'] button[type=submit]")).click();
		expectAlert("success", proposalTitle);
		backToTheQueue(campaign);

		// the second joins it
		item(second).findElement(By.cssSelector("button[aria-controls='regrouper-" + second + "']")).click();
		find(By.xpath("//select[@id='proposition-" + second + "']/option[starts-with(normalize-space(), \"" + proposalTitle
				+ "\")]")).click();
		find(By.cssSelector("#regrouper-" + second + " form[action$='/regroupement'] button[type=submit]")).click();
		waitUntilGone(second);

		// the third goes to an existing programme
		item(third).findElement(By.cssSelector("button[aria-controls='reorienter-" + third + "']")).click();
		find(By.id("cible-" + third)).sendKeys("France Très Haut Débit");
		find(By.id("note-" + third)).sendKeys("Le plan France Très Haut Débit finance déjà le raccordement des communes.");
		tick("confirmer-reorientation-" + third);
		find(By.cssSelector("#reorienter-" + third + " button[type=submit]")).click();
		waitUntilGone(third);

		// the fourth is not eligible
		item(fourth).findElement(By.cssSelector("button[aria-controls='rejeter-" + fourth + "']")).click();
		find(By.id("motif-" + fourth)).sendKeys("Un achat de matériel n'est pas un service numérique à co-construire.");
		tick("confirmer-rejet-" + fourth);
		find(By.cssSelector("#rejeter-" + fourth + " button[type=submit]")).click();
		waitUntilGone(fourth);
		assertNamedControls();

		// then the proposal, from the queue's list of proposals, is published
		find(By.xpath("//main//table//a[normalize-space()=\"" + proposalTitle + "\"]")).click();
		tick("confirmer-publication");
		find(By.cssSelector("main form[action$='/publication'] button[type=submit]")).click();
		expectAlert("success", "");
		assertNamedControls();

		var report = call("curator", "GET", "/api/campaigns/" + campaign + "/curation-report", null).expect(200);
		assertThat(report.<Integer>read("$.received")).isEqualTo(4);
		assertThat(report.<Integer>read("$.grouped")).isEqualTo(2);
		assertThat(report.<Integer>read("$.reoriented")).isEqualTo(1);
		assertThat(report.<Integer>read("$.rejected")).isEqualTo(1);
		assertThat(report.<Integer>read("$.pending")).isZero();
		var proposals = call("curator", "GET", "/api/campaigns/" + campaign + "/curation/proposals", null).expect(200);
		assertThat(proposals.body()).contains(proposalTitle).contains("PUBLISHED");
	}

	/** From the proposal's page, its breadcrumb's link to the triage queue. */
	private void backToTheQueue(String campaign) {
		find(By.xpath("//nav[contains(@class,'fr-breadcrumb')]//a[contains(@href, '/curation/campagnes/" + campaign + "')]"))
				.click();
		find(By.cssSelector("main form[action$='/curation/campagnes/" + campaign + "']"));
	}

	private WebElement item(String contribution) {
		return find(By.id("contribution-" + contribution)).findElement(By.xpath("./ancestor::article"));
	}

	private void waitUntilGone(String contribution) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
				.until(page -> absent(By.id("contribution-" + contribution)));
	}
}
