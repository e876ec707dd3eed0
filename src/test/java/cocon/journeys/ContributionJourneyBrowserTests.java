package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

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
		var reject = item.findElement(By.xpath(".//a[normalize-space()='Rejeter comme inéligible']"));
		assertThat(heading.getLocation().getY()).as("the contribution reads before the actions on it")
				.isLessThan(item.findElement(By.xpath(".//h4[normalize-space()='Contributions proches']")).getLocation().getY())
				.isLessThan(reject.getLocation().getY());
		reject.click();
		assertNamedControls();
		assertThat(find(By.cssSelector("label[for='motif-" + id + "']")).getText()).isEqualTo("Motif du rejet");
		find(By.id("motif-" + id)).sendKeys("Hors du champ de la campagne : la piscine est gérée par un délégataire privé.");
		tick("confirmer-rejet-" + id);
		find(By.xpath("//section[@id='decision']//button[normalize-space()='Rejeter la contribution']")).click();

		expectAlert("success", "La contribution a été rejetée.");
		assertThat(absent(By.xpath("//article//h3[normalize-space()='" + title + "']")))
				.as("the rejected contribution left the queue").isTrue();

		signInAs(LYON);
		var rejected = reloadUntil("/mes-contributions",
				By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"
						+ "[.//p[@data-statut='REJECTED']]"));
		assertThat(badgeOf(rejected).getText()).isEqualToIgnoringCase("Non retenue");
		assertThat(rejected.findElement(By.cssSelector(".fr-card__desc > p")).getText())
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
		item.findElement(By.xpath(".//a[normalize-space()='Regrouper dans une proposition']")).click();
		var proposalField = find(By.id("titre-" + contribution));
		proposalField.clear();
		proposalField.sendKeys(proposalTitle);
		find(By.xpath("//section[@id='decision']//button[normalize-space()='Créer la proposition']")).click();

		expectAlert("success", "La proposition « " + proposalTitle + " » a été créée.");
		assertNamedControls();
		// the queue goes on with the next contribution; the new proposal is one link away, with the contribution
		find(By.linkText("Ouvrir la proposition")).click();
		assertThat(find(By.tagName("main")).getText()).contains(title);

		signInAs(LYON);
		var grouped = reloadUntil("/mes-contributions",
				By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"
						+ "[.//p[@data-statut='GROUPED']]"));
		assertThat(badgeOf(grouped).getText()).isEqualToIgnoringCase("Intégrée à une proposition");
		assertThat(grouped.findElement(By.cssSelector(".fr-card__desc > p")).getText())
				.isEqualTo("Regroupée dans la proposition « " + proposalTitle + " ».");
	}

	/**
	 * Issue 23 point 6 and issue 25 point 5: one thread from a need to its use. The contribution's card on « Mes
	 * contributions » follows its proposal through the shortlist, the working group and the funding to the service and
	 * its adoptions; the proposal's public page says the same, and a proposal left out says the story stops there.
	 */
	@Test
	void aContributorFollowsItsContributionToTheServiceAndItsAdoptions() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Parcours du besoin à l'usage " + unique());
		call("admin", "PUT", "/api/campaigns/" + campaign + "/committee", """
				{"members": [{"username": "committee5", "organisation": "AMF"}]}""").expect(200);
		var title = "Réserver un équipement sportif en ligne " + unique();
		var proposalTitle = "Réservation des équipements publics " + unique();
		var proposal = publishProposal(campaign, proposalTitle, "Dématérialisation",
				List.of(submitContribution(LYON, campaign, title, "Dématérialisation")));
		var leftOutTitle = "Annuaire des associations " + unique();
		var leftOut = publishProposal(campaign, leftOutTitle, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Associations " + unique(), "Dématérialisation")));

		clock.set(SHORTLIST_DAY);
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call("committee5", "POST", "/api/campaigns/" + campaign + "/shortlist", """
						{"proposalIds": ["%s"], "rationale": "Un besoin partagé par de nombreuses communes."}"""
						.formatted(proposal)).status(), status -> status == 201);
		clock.set("2021-07-05T15:00:00+02:00");
		String service = call("committee5", "POST", "/api/campaigns/" + campaign + "/funded-projects", """
				{"proposalId": "%s", "provider": "Résa Publique SAS", "title": "Résa équipements %s", "budgetEuros": 420000,
				 "milestones": [{"label": "Prototype", "due": "2021-10-31"}]}""".formatted(proposal, unique()))
				.expect(201).read("$.id");
		clock.set("2022-03-15T10:00:00+01:00");
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call(GRENOBLE, "PUT", "/api/services/" + service + "/adoption", "{\"status\": \"EN_SERVICE\"}")
						.status(), status -> status == 201);

		signInAs(LYON);
		var thread = reloadUntil("/mes-contributions", By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='"
				+ title + "']]//ol[.//li[@data-etape='adoptions']]"));
		assertNamedControls();
		assertThat(thread.findElements(By.cssSelector("li[data-etape]")).stream().map(li -> li.getAttribute("data-etape")))
				.containsExactly("proposition", "preselection", "groupe-de-travail", "financement", "service", "adoptions");
		assertThat(thread.getText()).contains("Proposition « " + proposalTitle + " » publiée le")
				.contains("Présélectionnée par le comité le 3 mai 2021.")
				.contains("Financée le 5 juillet 2021 : 1 projet pour 420")
				.contains("(Résa Publique SAS) : en construction.")
				.contains("1 collectivité l'utilise ou le teste.");
		thread.findElement(By.cssSelector("li[data-etape='service'] a")).click();
		waitForTitle(find(By.tagName("h1")).getText() + " — Catalogue des services — Cocon");
		assertThat(driver.getCurrentUrl()).endsWith("/services/" + service);

		open("/mes-contributions");
		find(By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"
				+ "//li[@data-etape='proposition']//a")).click();
		waitForTitle(proposalTitle + " — Cocon");
		assertNamedControls();
		var story = find(By.id("parcours"));
		assertThat(story.getText()).contains("Présélectionnée par le comité le 3 mai 2021.")
				.contains("Groupe de travail formé le").contains("Financée le 5 juillet 2021")
				.doesNotContain("Proposition « " + proposalTitle);
		story.findElement(By.cssSelector("li[data-etape='groupe-de-travail'] a")).click();
		waitForTitle("Groupe de travail : " + proposalTitle + " — Cocon");

		open("/propositions/" + leftOut);
		assertThat(find(By.id("parcours")).getText()).contains("Non présélectionnée par le comité du 3 mai 2021.")
				.containsIgnoringCase("fin du parcours").doesNotContain("Financée");
	}

	/**
	 * Issue 25 points 6 and 7: the form's error summary takes the focus and links to each field; a pending contribution
	 * is corrected, then withdrawn after a confirmation.
	 */
	@Test
	void aContributorCorrectsThenWithdrawsAPendingContributionAndTheErrorSummaryLeadsToTheFields() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = "Parcours retrait " + unique();
		var campaign = createCampaign(campaignTitle);
		var title = "Une contribution envoyée trop vite " + unique();

		signInAs(LYON);
		reloadUntil("/campagnes/" + campaign + "/contribuer", By.id("title")).sendKeys(title);
		find(By.xpath("//button[normalize-space()='Envoyer ma contribution']")).click();
		var summary = find(By.id("erreurs"));
		assertThat(driver.switchTo().activeElement()).as("the summary takes the focus").isEqualTo(summary);
		assertNamedControls();
		summary.findElement(By.linkText("La description du besoin est obligatoire.")).click();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("need");
		find(By.id("need")).sendKeys("Un besoin décrit trop vite.");
		new Select(find(By.id("theme"))).selectByVisibleText("Mobilités");
		find(By.cssSelector("label[for='role-AGENT']")).click();
		find(By.id("authorFunction")).sendKeys("Responsable des sports");
		find(By.xpath("//button[normalize-space()='Envoyer ma contribution']")).click();
		waitForTitle("Mes contributions — Cocon");

		card(title).findElement(By.linkText("Modifier")).click();
		waitForTitle("Modifier ma contribution — " + campaignTitle + " — Cocon");
		assertNamedControls();
		find(By.id("need")).sendKeys(" Les habitants réservent aujourd'hui par téléphone.");
		find(By.xpath("//button[normalize-space()='Enregistrer les modifications']")).click();
		waitForTitle("Mes contributions — Cocon");
		expectAlert("success", "Contribution modifiée");

		card(title).findElement(By.linkText("Retirer")).click();
		waitForTitle("Retirer ma contribution — Cocon");
		assertNamedControls();
		assertThat(find(By.tagName("main")).getText()).contains("Les habitants réservent aujourd'hui par téléphone.");
		find(By.xpath("//button[normalize-space()='Retirer ma contribution']")).click();
		assertThat(driver.getTitle()).as("nothing is withdrawn before the box is ticked").isEqualTo("Retirer ma contribution — Cocon");
		tick("confirmer-retrait");
		find(By.xpath("//button[normalize-space()='Retirer ma contribution']")).click();
		waitForTitle("Mes contributions — Cocon");
		expectAlert("success", "Contribution retirée");
		assertThat(absent(By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"))).isTrue();
	}

	private WebElement card(String title) {
		return find(By.xpath("//div[contains(@class,'fr-card')][.//h3[normalize-space()='" + title + "']]"));
	}

	private static WebElement badgeOf(WebElement card) {
		return card.findElement(By.cssSelector("p[data-statut]"));
	}
}
