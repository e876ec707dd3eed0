package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.curation.events.ProposalPublished;
import cocon.governance.events.ProjectsFunded;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * Issue 23, acceptance 2: from the home page, an agent of a small commune finds a service answering its need and
 * declares it in test within three clicks of signing in, then in service; an administrator names the project team,
 * and a team member records a milestone done and the phase. The funding decision is prepared as governance publishes
 * it (its event), the committee's own journey being walked elsewhere.
 */
class DeploymentJourneyBrowserTests extends HomeStartedJourney {

	/** Agnin (Isère), 1 245 inhabitants, in the directory. */
	static final String AGNIN = "agent-213800030";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	/** The id of the service of the last {@link #fundedService()}. */
	UUID serviceId;

	/** A funded project, as governance publishes it; returns the title of its service. */
	String fundedService() {
		var campaign = CampaignId.random();
		var proposal = ProposalId.random();
		var title = "Signalement d'incidents " + unique();
		var at = Instant.parse("2021-07-05T14:00:00Z");
		serviceId = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new ProposalPublished(proposal, campaign, "Faciliter le signalement d'incidents par les usagers",
					"Les habitants signalent un incident de voirie en ligne.", "Relation usagers", List.of(), at.minusSeconds(86_400 * 60)));
			events.publishEvent(new ProjectsFunded(UUID.randomUUID(), campaign, List.of(new ProjectsFunded.FundedProject(
					serviceId, proposal, "Prestataire SAS", title, 250_000)), 30_000_000, 29_750_000, at));
		});
		return title;
	}

	@Test
	void anAgentOfASmallCommuneDeclaresAServiceInTestWithinThreeClicksThenInService() {
		clock.set("2023-03-15T10:00:00+01:00");
		var title = fundedService();

		signInFromHome(AGNIN);
		follow("Catalogue des services et collectivités qui les utilisent"); // 1
		waitForTitle("Catalogue des services — Cocon");
		assertNamedControls();
		var card = refreshUntil(By.xpath("//main//a[normalize-space()=\"" + title + "\"]"));
		card.click(); // 2
		waitForTitle(title + " — Catalogue des services — Cocon");
		assertNamedControls();
		assertThat(main()).contains("Répond au besoin : Faciliter le signalement d'incidents par les usagers")
				.contains("Déployer chez moi");
		find(By.cssSelector("#adoption button[value='EN_TEST']")).click(); // 3
		expectAlert("success", "« en test »");
		assertThat(main()).contains("Agnin : « En test »");

		find(By.cssSelector("#adoption button[value='EN_SERVICE']")).click();
		expectAlert("success", "« en service »");
		assertNamedControls();
		assertThat(main()).contains("Collectivités utilisatrices par département");
		var adoptions = call("admin", "GET", "/api/me/adoptions", null);
		assertThat(call(AGNIN, "GET", "/api/me/adoptions", null).expect(200).body()).contains(title)
				.contains("EN_SERVICE");
		assertThat(adoptions.status()).isEqualTo(403);
	}

	@Test
	void anAdministratorNamesATeamAndAMemberRecordsAMilestoneDoneAndThePhase() {
		clock.set("2022-01-10T10:00:00+01:00");
		var title = fundedService();

		signInFromHome("admin");
		follow("Catalogue des services et collectivités qui les utilisent");
		waitForTitle("Catalogue des services — Cocon");
		refreshUntil(By.xpath("//main//a[normalize-space()=\"" + title + "\"]")).click();
		waitForTitle(title + " — Catalogue des services — Cocon");
		assertNamedControls();
		find(By.id("membre")).sendKeys("curator");
		find(By.xpath("//form[.//input[@id='membre']]//button")).click();
		expectAlert("success", "« curator » fait partie de l'équipe du projet.");

		signInFromHome("curator");
		menu("Mon espace");
		waitForTitle("Mon espace — Cocon");
		mySpaceItem(title).click();
		waitForTitle(title + " — Catalogue des services — Cocon");
		assertNamedControls();
		find(By.id("jalon-titre")).sendKeys("Version bêta");
		fillDate("jalon-date", "2022-01-31");
		find(By.xpath("//form[.//input[@id='jalon-titre']]//button")).click();
		expectAlert("success", "Jalon ajouté.");
		var done = find(By.xpath("//main//input[starts-with(@id, 'atteint-')]"));
		fillDate(done.getAttribute("id"), "2022-01-08");
		find(By.xpath("//form[.//input[starts-with(@id, 'atteint-')]]//button")).click();
		expectAlert("success", "Jalon atteint le 8 janvier 2022.");
		new org.openqa.selenium.support.ui.Select(find(By.id("nouvelle-phase"))).selectByVisibleText("En expérimentation");
		find(By.xpath("//form[.//select[@id='nouvelle-phase']]//button")).click();
		expectAlert("success", "Phase enregistrée : « En expérimentation ».");
		assertThat(main()).contains("Phase : En expérimentation.").contains("Jalon atteint le 8 janvier 2022");
	}

	@Test
	void thePublicFindsTheCatalogueAndAServicesMapInTwoClicks() {
		clock.set("2023-03-15T10:00:00+01:00");
		var title = fundedService();
		await().atMost(EVENTUAL).until(() -> call(GRENOBLE, "PUT", "/api/services/" + serviceId + "/adoption",
				"{\"status\": \"EN_SERVICE\"}").status() != 404);

		startAtHome();
		follow("Catalogue des services et collectivités qui les utilisent"); // 1
		waitForTitle("Catalogue des services — Cocon");
		refreshUntil(By.xpath("//main//a[normalize-space()=\"" + title + "\"]")).click(); // 2
		waitForTitle(title + " — Catalogue des services — Cocon");
		assertNamedControls();
		assertThat(find(By.cssSelector("#carte .cocon-map use[href$='#d38']")).getAttribute("class")).isNotEqualTo("cocon-map__shade-0");
		assertThat(find(By.xpath("//table[caption[normalize-space()='Collectivités utilisatrices par département']]")).getText())
				.contains("38 — Isère");
		assertThat(main()).doesNotContain("Déployer chez moi").contains("Se connecter pour déclarer");
	}
}
