package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 3, acceptance 3: an agent sends a contribution through the form, a curator triages it in the queue, and
 * the agent then sees its outcome on « Mes contributions » (the outcome reaches intake through an event).
 */
class ContributionJourneyBrowserTests extends JourneyBrowserTest {

	@Test
	void anAgentSeesOnMesContributionsThatTheCuratorRejectedItsContribution() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours contribution " + unique());
		var title = "Prise de rendez-vous en ligne à la piscine " + unique();

		signInAs(LYON);
		reloadUntil("/campagnes/" + campaign + "/contribuer", By.id("title")).sendKeys(title);
		assertNamedControls();
		find(By.id("need")).sendKeys("Les usagers appellent la mairie pour réserver un créneau ; nous voudrions un service en ligne.");
		assertThat(new Select(find(By.id("theme"))).getFirstSelectedOption().getText())
				.as("no theme is chosen for the contributor").isEqualTo("Choisissez un thème");
		new Select(find(By.id("theme"))).selectByVisibleText("Mobilités");
		find(By.cssSelector("label[for='role-AGENT']")).click();
		find(By.id("authorFunction")).sendKeys("Responsable des sports");
		find(By.xpath("//button[normalize-space()='Envoyer ma contribution']")).click();

		waitForTitle("Mes contributions — Cocon");
		assertNamedControls();
		assertThat(expectAlert("success", "Contribution envoyée")).contains(title);
		assertThat(badgeOf(card(title)).getText()).isEqualToIgnoringCase("En attente d'analyse");

		signInAs("curator");
		var heading = reloadUntil("/curation/campagnes/" + campaign,
				By.xpath("//article//h3[normalize-space()='" + title + "']"));
		var id = heading.getAttribute("id").substring("contribution-".length());
		var item = heading.findElement(By.xpath("./ancestor::article"));
		var reject = item.findElement(By.xpath(".//button[normalize-space()='Rejeter comme inéligible']"));
		assertThat(heading.getLocation().getY()).as("the contribution reads before the actions on it")
				.isLessThan(item.findElement(By.xpath(".//h4[normalize-space()='Contributions proches']")).getLocation().getY())
				.isLessThan(reject.getLocation().getY());
		reject.click();
		assertNamedControls();
		assertThat(find(By.cssSelector("label[for='motif-" + id + "']")).getText()).isEqualTo("Motif du rejet");
		find(By.id("motif-" + id)).sendKeys("Hors du champ de la campagne : la piscine est gérée par un délégataire privé.");
		tick("confirmer-rejet-" + id);
		item.findElement(By.xpath(".//button[normalize-space()='Rejeter la contribution']")).click();

		expectAlert("success", "La contribution a été rejetée.");
		assertThat(absent(By.xpath("//article//h3[normalize-space()='" + title + "']")))
				.as("the rejected contribution left the queue").isTrue();

		signInAs(LYON);
		var rejected = reloadUntil("/mes-contributions",
				By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"
						+ "[.//p[@data-statut='REJECTED']]"));
		assertThat(badgeOf(rejected).getText()).isEqualToIgnoringCase("Non retenue");
		assertThat(rejected.findElement(By.cssSelector(".fr-card__desc")).getText())
				.isEqualTo("Motif : Hors du champ de la campagne : la piscine est gérée par un délégataire privé.");
	}

	@Test
	void anAgentSeesOnMesContributionsWhichProposalItsContributionJoined() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours regroupement " + unique());
		var title = "Signaler un nid-de-poule depuis son téléphone " + unique();
		var contribution = submitContribution(LYON, campaign, title, "Mobilités");
		awaitInTriage(campaign, contribution);
		var proposalTitle = "Signalement des incidents de voirie " + unique();

		signInAs("curator");
		var heading = reloadUntil("/curation/campagnes/" + campaign,
				By.xpath("//article//h3[normalize-space()='" + title + "']"));
		var item = heading.findElement(By.xpath("./ancestor::article"));
		item.findElement(By.xpath(".//button[normalize-space()='Regrouper dans une proposition']")).click();
		var proposalField = find(By.id("titre-" + contribution));
		proposalField.clear();
		proposalField.sendKeys(proposalTitle);
		find(By.xpath("//div[@id='regrouper-" + contribution + "']//button[normalize-space()='Créer la proposition']")).click();

		expectAlert("success", "La proposition « " + proposalTitle + " » a été créée.");
		assertNamedControls();
		assertThat(find(By.tagName("main")).getText()).contains(title);

		signInAs(LYON);
		var grouped = reloadUntil("/mes-contributions",
				By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"
						+ "[.//p[@data-statut='GROUPED']]"));
		assertThat(badgeOf(grouped).getText()).isEqualToIgnoringCase("Intégrée à une proposition");
		assertThat(grouped.findElement(By.cssSelector(".fr-card__desc")).getText())
				.isEqualTo("Regroupée dans la proposition « " + proposalTitle + " ».");
	}

	private WebElement card(String title) {
		return find(By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"));
	}

	private static WebElement badgeOf(WebElement card) {
		return card.findElement(By.cssSelector("p[data-statut]"));
	}
}
