package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 9, acceptance 1, for the administrator and the committee: from the home page, the administrator forms a
 * campaign's committee in the pages and moves its calendar (confirming what the move closes at once); a committee
 * member finds in "Mon espace" the shortlist, then the funding decision due, assesses maturity, shortlists and funds.
 */
class AdministratorAndCommitteeJourneyBrowserTests extends HomeStartedJourney {

	@Test
	void anAdministratorFormsTheCommitteeAndMovesTheCalendarAfterConfirmingWhatItCloses() {
		clock.set(SUPPORT_WINDOW);
		var title = "Parcours administration " + unique();
		var campaign = createCampaign(title);

		signInFromHome("admin");
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		assertNamedControls();
		mySpaceItem("Nommer le comité de pilotage de « " + title + " »").click();
		waitForTitle("Composer le comité de pilotage — " + title + " — Cocon");
		assertNamedControls();

		member(0, "committee1", "AMF");
		member(1, "committee2", "ADF");
		member(2, "quelqu-un-d-inconnu", "DITP");
		save();
		expectAlert("error", "Le formulaire contient des erreurs");
		assertThat(find(By.id("lines2.username-erreur")).getText()).contains("« quelqu-un-d-inconnu »");
		assertThat(find(By.id("lines2.username")).getAttribute("aria-describedby")).isEqualTo("lines2.username-erreur");
		assertNamedControls();
		member(2, "committee3", "DITP");
		save();
		expectAlert("success", "Le comité de pilotage est composé de 3 membres.");
		assertThat(main()).contains("(DITP), identifiant committee3").contains("Chloé Moreau").contains("admin");

		follow("Retour à la campagne");
		waitForTitle(title + " — Cocon");
		follow("Modifier le calendrier");
		waitForTitle("Modifier le calendrier — " + title + " — Cocon");
		assertNamedControls();
		fillDate("supportsCloses", "2021-04-11T18:00");
		find(By.cssSelector("main form button[type=submit]")).click();

		var warning = expectAlert("warning", "La période de soutien, ouverte, serait close aussitôt");
		assertThat(warning).contains("dimanche 11 avril 2021 à 18 h 00").contains("« Présélection par le comité »");
		assertThat(call("admin", "GET", "/api/campaigns/" + campaign, null).body())
				.as("nothing changed before the confirmation").contains("2021-04-30T23:59:59+02:00");
		assertNamedControls();
		tick("confirmed");
		find(By.cssSelector("main form button[type=submit]")).click();

		waitForTitle(title + " — Cocon");
		expectAlert("success", "Le calendrier est modifié");
		assertThat(main()).containsIgnoringCase("Phase en cours : Présélection par le comité");
		var committee = call("admin", "GET", "/api/campaigns/" + campaign + "/committee", null).expect(200);
		assertThat(committee.<List<String>>read("$[0].members[*].username"))
				.containsExactlyInAnyOrder("committee1", "committee2", "committee3");
		assertThat(call("admin", "GET", "/api/campaigns/" + campaign + "/calendar-changes", null).body())
				.contains("2021-04-11T18:00:00+02:00");
	}

	@Test
	void aCommitteeMemberAssessesShortlistsAndFundsFromMonEspace() {
		clock.set(CONTRIBUTION_WINDOW);
		var title = "Parcours comité depuis l'accueil " + unique();
		var campaign = createCampaign(title);
		call("admin", "PUT", "/api/campaigns/" + campaign + "/committee", """
				{"members": [{"username": "committee5", "organisation": "ANCT"}]}""").expect(200);
		var proposalTitle = "Diagnostic numérique des petites communes " + unique();
		var proposal = publishProposal(campaign, proposalTitle, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Diagnostic " + unique(), "Dématérialisation")));
		clock.set(SHORTLIST_DAY);

		signInFromHome("committee5");
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		assertNamedControls();
		mySpaceItem("Présélection à décider : « " + title + " »").click();
		var row = refreshUntil(By.id("proposition-" + proposal));
		assertNamedControls();

		row.findElement(By.cssSelector("a[data-evaluer]")).click();
		new Select(find(By.id("niveau-" + proposal))).selectByIndex(3);
		find(By.cssSelector("form[action*='/maturite?'] button[type=submit]")).click();
		expectAlert("success", "Votre évaluation de « " + proposalTitle + " » est enregistrée");

		find(By.linkText("Décider la présélection")).click();
		tick("retenir-" + proposal);
		find(By.id("rationale")).sendKeys("Besoin partagé par les petites communes, solution mûre.");
		tick("confirmation");
		find(By.xpath("//button[normalize-space()='Enregistrer la présélection']")).click();
		waitForTitle("Décisions — " + title + " — Cocon");
		assertNamedControls();
		assertThat(main()).contains(proposalTitle);

		clock.set("2021-06-15T10:00:00+02:00");
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		mySpaceItem("Financement des projets à décider : « " + title + " »").click();
		find(By.id("financement"));
		// the funding form comes on demand (issue 26, ADR 60), its first field focused
		find(By.linkText("Financer un projet de la présélection")).click();
		var choice = find(By.id("financement-proposition"));
		assertThat(driver.switchTo().activeElement()).isEqualTo(choice);
		new Select(choice).selectByValue(proposal);
		find(By.id("financement-porteur")).sendKeys("Coopérative numérique des territoires");
		find(By.id("financement-titre")).sendKeys("Diagnostic numérique en ligne");
		find(By.id("financement-budget")).sendKeys("450000");
		find(By.id("jalon-libelle-0")).sendKeys("Premier diagnostic publié");
		fillDate("jalon-echeance-0", "2021-12-15");
		tick("financement-confirmation");
		find(By.cssSelector("form[action$='/financement'] button[type=submit]")).click();
		expectAlert("success", "Le financement du projet « Diagnostic numérique en ligne »");
		assertNamedControls();

		var decisions = call("committee5", "GET", "/api/campaigns/" + campaign + "/decisions", null).expect(200);
		assertThat(decisions.body()).contains("Diagnostic numérique en ligne").contains("450000");
		// the budget by proposal says its amount in French beside its bar (issue 25, point 7)
		open("/campagnes/" + campaign + "/budget");
		assertThat(find(By.cssSelector(".cocon-bars__value")).getText().replace('\u00a0', ' ')).isEqualTo("450 k€");
		assertThat(find(By.cssSelector(".cocon-bars__label")).getText()).isEqualTo(proposalTitle);
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		assertThat(absent(By.xpath("//main//a[contains(., 'à décider')][contains(., \"" + title + "\")]")))
				.as("nothing left to decide").isTrue();
	}

	private void member(int line, String username, String organisation) {
		var user = find(By.id("lines" + line + ".username"));
		user.clear();
		user.sendKeys(username);
		var org = find(By.id("lines" + line + ".organisation"));
		org.clear();
		org.sendKeys(organisation);
	}

	private void save() {
		find(By.cssSelector("main form[action$='/comite'] button[type=submit]")).click();
	}
}
