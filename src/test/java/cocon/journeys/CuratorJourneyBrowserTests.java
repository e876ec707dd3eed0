package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
		var fourth = submitContribution(GRENOBLE, campaign, "Achat de tablettes pour le conseil " + unique(), "Accessibilité et inclusion");
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
		item(first).findElement(By.cssSelector("a[data-geste=regrouper]")).click();
		var name = find(By.id("titre-" + first));
		name.clear();
		name.sendKeys(proposalTitle);
		find(By.cssSelector("#decision form[action$='/propositions'] button[type=submit]")).click();
		expectAlert("success", proposalTitle);
		// back in the queue, where it was
		find(By.cssSelector("main form[action$='/curation/campagnes/" + campaign + "']"));

		// the second joins it
		item(second).findElement(By.cssSelector("a[data-geste=regrouper]")).click();
		find(By.xpath("//select[@id='proposition-" + second + "']//option[starts-with(normalize-space(), \"" + proposalTitle
				+ "\")]")).click();
		find(By.cssSelector("#decision form[action$='/regroupement'] button[type=submit]")).click();
		waitUntilGone(second);

		// the third goes to an existing programme
		item(third).findElement(By.cssSelector("a[data-geste=reorienter]")).click();
		find(By.id("cible-" + third)).sendKeys("France Très Haut Débit");
		find(By.id("note-" + third)).sendKeys("Le plan France Très Haut Débit finance déjà le raccordement des communes.");
		tick("confirmer-reorientation-" + third);
		find(By.cssSelector("#decision button[type=submit]")).click();
		waitUntilGone(third);

		// the fourth is not eligible
		item(fourth).findElement(By.cssSelector("a[data-geste=rejeter]")).click();
		find(By.id("motif-" + fourth)).sendKeys("Un achat de matériel n'est pas un service numérique à co-construire.");
		tick("confirmer-rejet-" + fourth);
		find(By.cssSelector("#decision button[type=submit]")).click();
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

	/**
	 * Issue 25, acceptance 2 (and acceptance 1 for curation): 20 contributions triaged from the queue with the
	 * theme filter, a search by words, the selection and a similar contribution's button (on the card's open
	 * « Regrouper »), a wrong grouping undone on
	 * the way, in at most 2 actions per contribution. Every click, choice and text typed counts as one action.
	 */
	@Test
	void aCuratorTriagesTwentyContributionsWithFilterSearchAndSelectionInAtMostTwoActionsEach() throws Exception {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = "Tri à grande échelle " + unique();
		var campaign = createCampaign(campaignTitle);
		var canteens = new java.util.ArrayList<String>();
		for (var place : List.of("de la maternelle", "du collège", "de l'école Jules Ferry", "des écoles rurales", "du centre de loisirs")) {
			canteens.add(submitContribution(LYON, campaign, "Inscription à la cantine " + place + " " + unique(), "Dématérialisation"));
		}
		var oven = submitContribution(GRENOBLE, campaign, "Cantine : achat d'un four pour la cuisine centrale " + unique(), "Dématérialisation");
		var potholes = new java.util.ArrayList<String>();
		for (var what : List.of("un nid-de-poule", "un lampadaire éteint", "un dépôt sauvage", "un feu en panne", "un trottoir abîmé", "un arbre tombé")) {
			potholes.add(submitContribution(GRENOBLE, campaign, "Signaler " + what + " " + unique(), "Mobilités"));
		}
		var appointments = new java.util.ArrayList<String>();
		for (var what : List.of("la carte d'identité", "le passeport", "l'état civil", "l'urbanisme")) {
			appointments.add(submitContribution(LYON, campaign, "Prendre rendez-vous en mairie pour " + what + " " + unique(), "Dématérialisation"));
		}
		var tablets = List.of(submitContribution(LYON, campaign, "Achat de tablettes pour le conseil " + unique(), "Accessibilité et inclusion"),
				submitContribution(GRENOBLE, campaign, "Achat de tablettes pour les élus " + unique(), "Accessibilité et inclusion"));
		var carpool = submitContribution(LYON, campaign, "Covoiturage des agents de la mairie " + unique(), "Accessibilité et inclusion");
		var carpoolToo = submitContribution(GRENOBLE, campaign, "Covoiturage des agents intercommunaux " + unique(), "Accessibilité et inclusion");
		var all = new java.util.ArrayList<String>();
		all.addAll(canteens);
		all.add(oven);
		all.addAll(potholes);
		all.addAll(appointments);
		all.addAll(tablets);
		all.add(carpool);
		all.add(carpoolToo);
		assertThat(all).hasSize(20);
		org.awaitility.Awaitility.await().atMost(EVENTUAL).pollInterval(java.time.Duration.ofMillis(300)).until(() -> {
			var triage = call("curator", "GET", "/api/campaigns/" + campaign + "/triage?size=25", null);
			return triage.status() == 200 && all.stream().allMatch(triage.body()::contains);
		});
		var appointmentsProposal = "Prendre rendez-vous en ligne avec sa mairie " + unique();
		call("curator", "POST", "/api/campaigns/" + campaign + "/proposals", """
				{"title": "%s", "summary": "Un agenda en ligne pour les démarches en mairie.", "theme": "Dématérialisation",
				 "contributionIds": []}""".formatted(appointmentsProposal)).expect(201);

		signInFromHome("curator");
		var started = System.nanoTime();
		act(() -> menu("Mon espace"));
		var tile = refreshUntil(By.xpath("//main//div[contains(@class,'fr-tile')][contains(., \"" + campaignTitle
				+ "\")]//a[contains(normalize-space(), '20 contributions à trier')]"));
		act(tile::click);
		find(By.id("file-de-tri"));
		shot("file-de-tri");

		// the canteens, found by a word typed without its accent
		type("filtre-mots", "cantine");
		act(() -> find(By.cssSelector("main form[role=search] button[type=submit]")).click());
		waitForCount("Contributions en attente (6)");
		act(() -> tick("selection-toutes"));
		type("selection-titre", "Inscrire son enfant à la cantine en ligne");
		act(() -> find(By.cssSelector("#selection button[value=creer]")).click());
		expectAlert("success", "Inscrire son enfant à la cantine en ligne");
		assertThat(find(By.id("filtre-mots")).getDomProperty("value")).as("the search kept").isEqualTo("cantine");
		shot("selection-regroupee");

		// the oven was no canteen registration: out of the proposal, after a confirmation
		act(() -> find(By.xpath("//main//div[contains(@class,'fr-alert--success')]//a")).click());
		act(() -> tick("confirmer-retrait-" + oven));
		act(() -> find(By.cssSelector("#contribution-" + oven + " button[type=submit]")).click());
		expectAlert("success", "de nouveau en attente");
		assertThat(main()).contains("Retrait d'une proposition").contains("de retour dans la file de tri");
		shot("regroupement-annule");
		act(() -> find(By.xpath("//nav[contains(@class,'fr-breadcrumb')]//a[contains(@href, '/curation/campagnes/" + campaign + "')]")).click());
		find(By.id("file-de-tri"));

		// the reports of the public space: one theme, every one of them
		choose("filtre-theme", "Mobilités");
		act(() -> find(By.cssSelector("main form[role=search] button[type=submit]")).click());
		waitForCount("Contributions en attente (6)");
		act(() -> tick("selection-toutes"));
		type("selection-titre", "Signaler un incident sur l'espace public");
		act(() -> find(By.cssSelector("#selection button[value=creer]")).click());
		expectAlert("success", "Signaler un incident sur l'espace public");
		assertThat(new Select(find(By.id("filtre-theme"))).getFirstSelectedOption().getText()).isEqualTo("Mobilités");

		// the appointments join the proposal that already exists
		choose("filtre-theme", "Dématérialisation");
		type("filtre-mots", "rendez-vous");
		act(() -> find(By.cssSelector("main form[role=search] button[type=submit]")).click());
		waitForCount("Contributions en attente (4)");
		act(() -> tick("selection-toutes"));
		choose("selection-proposition", appointmentsProposal + " — Dématérialisation (Brouillon)");
		act(() -> find(By.cssSelector("#selection button[value=regrouper]")).click());
		expectAlert("success", "Les 4 contributions ont été regroupées.");

		// purchases are no service to build together: rejected at once
		choose("filtre-theme", "Tous les thèmes");
		type("filtre-mots", "achat");
		act(() -> find(By.cssSelector("main form[role=search] button[type=submit]")).click());
		waitForCount("Contributions en attente (3)");
		act(() -> tick("selection-toutes"));
		act(() -> find(By.cssSelector("button[aria-controls='selection-rejeter']")).click());
		type("selection-motif", "Un achat de matériel n'est pas un service numérique à construire ensemble.");
		act(() -> tick("selection-confirmer-rejet"));
		act(() -> find(By.cssSelector("#selection button[value=rejeter]")).click());
		expectAlert("success", "Les 3 contributions ont été rejetées.");

		// the last two are alike: grouped together from the similar contributions
		act(() -> find(By.xpath("//main//a[normalize-space()='Tout effacer']")).click());
		waitForCount("Contributions en attente (2)");
		shot("contributions-proches");
		// the similar items are actionable on the card whose « Regrouper » is open (ADR 0053: a light page)
		act(() -> item(carpool).findElement(By.cssSelector("a[data-geste=regrouper]")).click());
		act(() -> find(By.xpath("//article[.//h3[@id='contribution-" + carpool + "']]//button[@name='contributionIds' and @value='"
				+ carpoolToo + "']")).click());
		expectAlert("success", "a été créée");
		waitForCount("Contributions en attente (0)");
		var seconds = (System.nanoTime() - started) / 1_000_000_000.0;
		shot("file-videe");
		assertNamedControls();
		System.out.printf("Tri de 20 contributions dans le navigateur : %d actions, %.1f s%n", actions, seconds);

		assertThat(actions).as("actions for 20 contributions").isLessThanOrEqualTo(40);
		assertThat(seconds).as("seconds for 20 contributions, pages and decisions included").isLessThan(240);
		var report = call("curator", "GET", "/api/campaigns/" + campaign + "/curation-report", null).expect(200);
		assertThat(report.<Integer>read("$.received")).isEqualTo(20);
		assertThat(report.<Integer>read("$.pending")).isZero();
		assertThat(report.<Integer>read("$.grouped")).isEqualTo(17);
		assertThat(report.<Integer>read("$.rejected")).isEqualTo(3);
		assertThat(report.<Integer>read("$.proposals")).isEqualTo(4);

		follow("Voir l'entonnoir de la campagne");
		find(By.cssSelector("main bar-chart"));
		assertThat(main()).contains("20 contributions reçues : 17 regroupées en 4 propositions, 0 réorientée, 3 rejetées, 0 en attente.");
		shot("entonnoir");
	}

	/**
	 * Issue 25, point 3 (ADR 0053): a curator triages with the keyboard only. The keys act while a card has the focus
	 * (WCAG 2.1.4): j and k move between cards, r opens the card's « Regrouper » on the very close proposal, o its
	 * « Réorienter »; Tab, Space and Enter do the rest. The page lists the keys.
	 */
	@Test
	void aCuratorTriagesContributionsWithTheKeyboardOnly() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Tri au clavier " + unique());
		var close = "Paiement en ligne de la cantine scolaire " + unique();
		var grouped = submitContribution(LYON, campaign, close, "Dématérialisation");
		var reoriented = submitContribution(GRENOBLE, campaign, "Raccordement des écoles à la fibre " + unique(), "Mobilités");
		awaitInTriage(campaign, grouped);
		awaitInTriage(campaign, reoriented);
		String proposal = call("curator", "POST", "/api/campaigns/" + campaign + "/proposals", """
				{"title": "%s", "summary": "Payer la cantine en ligne.", "theme": "Dématérialisation", "contributionIds": []}"""
				.formatted(close)).expect(201).read("$.id");

		signInFromHome("curator");
		open("/curation/campagnes/" + campaign);
		find(By.id("file-de-tri"));
		assertThat(driver.findElement(By.id("raccourcis-liste")).getAttribute("textContent")).contains("carte suivante")
				.contains("quand une carte de contribution").doesNotContain("curation.keys");
		var keys = new org.openqa.selenium.interactions.Actions(driver);
		// Tab up to the first card, as a keyboard user does
		for (int i = 0; i < 80 && focusedCard() == null; i++) {
			keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
		}
		assertThat(focusedCard()).as("a card reached with Tab").isNotNull();
		// j and k move between the cards; to the one that has a very close proposal
		var first = focusedCard();
		keys.sendKeys("j").perform();
		assertThat(focusedCard()).isNotNull().isNotEqualTo(first);
		keys.sendKeys("k").perform();
		assertThat(focusedCard()).isEqualTo(first);
		if (!first.equals("contribution-" + grouped)) {
			keys.sendKeys("j").perform();
		}
		assertThat(focusedCard()).isEqualTo("contribution-" + grouped);
		// r: the menu, with the very close proposal chosen; Tab to « Regrouper », Enter
		keys.sendKeys("r").perform();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
				.until(page -> ("proposition-" + grouped).equals(driver.switchTo().activeElement().getAttribute("id")));
		assertThat(driver.switchTo().activeElement().getDomProperty("value")).isEqualTo(proposal);
		keys.sendKeys(org.openqa.selenium.Keys.TAB).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
		expectAlert("success", "La contribution a été regroupée.");
		// back on the queue, on the next card: o to reorient it, typed, confirmed and sent with the keyboard
		for (int i = 0; i < 80 && !("contribution-" + reoriented).equals(focusedCard()); i++) {
			keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
		}
		keys.sendKeys("o").perform();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
				.until(page -> ("cible-" + reoriented).equals(driver.switchTo().activeElement().getAttribute("id")));
		keys.sendKeys("France Très Haut Débit").sendKeys(org.openqa.selenium.Keys.TAB)
				.sendKeys("Le plan France Très Haut Débit raccorde déjà les écoles.").sendKeys(org.openqa.selenium.Keys.TAB)
				.sendKeys(" ").sendKeys(org.openqa.selenium.Keys.TAB).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
		expectAlert("success", "réorientée vers « France Très Haut Débit »");
		assertNamedControls();

		var report = call("curator", "GET", "/api/campaigns/" + campaign + "/curation-report", null).expect(200);
		assertThat(report.<Integer>read("$.grouped")).isEqualTo(1);
		assertThat(report.<Integer>read("$.reoriented")).isEqualTo(1);
		assertThat(report.<Integer>read("$.pending")).isZero();
	}

	/** The id of the contribution whose card holds the focus (the card itself or one of its parts), or null. */
	private String focusedCard() {
		return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
				var card = document.activeElement && document.activeElement.closest('article[data-contribution]');
				return card ? card.getAttribute('aria-labelledby') : null;""");
	}

	private int actions;

	/** One action of the person: a click, a choice, a text typed. */
	private void act(Runnable action) {
		action.run();
		actions++;
	}

	private void type(String id, String text) {
		act(() -> {
			var field = find(By.id(id));
			field.clear();
			field.sendKeys(text);
		});
	}

	private void choose(String id, String option) {
		act(() -> new Select(find(By.id(id))).selectByVisibleText(option));
	}

	private void waitForCount(String heading) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, EVENTUAL)
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(page -> page.findElement(By.id("file-de-tri")).getText().equals(heading));
	}

	/** The whole page, to look at, when -Dcocon.screenshots names a folder (never committed). */
	private void shot(String name) throws java.io.IOException {
		var folder = System.getProperty("cocon.screenshots");
		if (folder != null) {
			var window = driver.manage().window();
			var size = window.getSize();
			var height = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
					.executeScript("return document.documentElement.scrollHeight")).intValue();
			window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.min(height + 200, 8000)));
			try {
				var file = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
				java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
				java.nio.file.Files.copy(file.toPath(), java.nio.file.Path.of(folder, "curation-" + name + ".png"),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				window.setSize(size);
			}
		}
	}

	private WebElement item(String contribution) {
		return find(By.id("contribution-" + contribution)).findElement(By.xpath("./ancestor::article"));
	}

	private void waitUntilGone(String contribution) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
				.until(page -> absent(By.id("contribution-" + contribution)));
	}
}
