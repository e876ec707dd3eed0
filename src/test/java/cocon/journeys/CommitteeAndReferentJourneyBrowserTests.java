package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 5, acceptance 3: a committee member walks through the decision page (maturity, conflict of interest,
 * confirmed shortlist; issue 25: back on the row after each action, the ticks kept after a refusal), and an agent whose collectivité supported a shortlisted proposal applies to its working
 * group and finds itself among the members.
 */
class CommitteeAndReferentJourneyBrowserTests extends JourneyBrowserTest {

	/** A campaign with its committee and two published proposals, one of them supported by Lyon. */
	private record Prepared(String campaign, String campaignTitle, String first, String firstTitle, String second, String secondTitle) {
	}

	private Prepared prepare(String name) {
		clock.set(CONTRIBUTION_WINDOW);
		var campaignTitle = name + " " + unique();
		var campaign = createCampaign(campaignTitle);
		call("admin", "PUT", "/api/campaigns/" + campaign + "/committee", """
				{"members": [{"username": "committee1", "organisation": "AMF"},
				             {"username": "committee2", "organisation": "ADF"},
				             {"username": "committee3", "organisation": "DINUM"}]}""").expect(200);
		var firstTitle = "Guichet unique des aides aux associations " + unique();
		var secondTitle = "Paiement en ligne du stationnement résidentiel " + unique();
		var first = publishProposal(campaign, firstTitle, "Dématérialisation",
				List.of(submitContribution(GRENOBLE, campaign, "Aides aux associations " + unique(), "Dématérialisation")));
		var second = publishProposal(campaign, secondTitle, "Mobilités",
				List.of(submitContribution(GRENOBLE, campaign, "Stationnement " + unique(), "Mobilités")));
		clock.set(SUPPORT_WINDOW);
		awaitStatus(LYON, "PUT", "/api/proposals/" + first + "/support", 201);
		return new Prepared(campaign, campaignTitle, first, firstTitle, second, secondTitle);
	}

	@Test
	void aCommitteeMemberAssessesDeclaresAConflictAndRecordsAConfirmedShortlist() {
		var prepared = prepare("Parcours comité");
		clock.set(SHORTLIST_DAY);

		signInAs("committee1");
		var page = "/campagnes/" + prepared.campaign() + "/comite?vue=toutes";
		reloadUntil(page, By.id("proposition-" + prepared.second()));
		var firstRow = reloadUntil(page, By.xpath("//tr[@id='proposition-" + prepared.first() + "'][td[3]/span[normalize-space()='1']]"));
		assertThat(firstRow.getText()).contains(prepared.firstTitle()).contains("non évaluée");
		assertThat(find(By.tagName("main")).getText()).as("members by name").contains("Anne Lefèvre (AMF)")
				.doesNotContain("committee1");
		assertNamedControls();
		// the row's form comes on demand (issue 26: no form per row in the page), its level focused; nothing chosen
		// for the member in advance
		row(prepared.first()).findElement(By.cssSelector("a[data-evaluer]")).click();
		assertThat(find(By.id("niveau-" + prepared.first())).equals(driver.switchTo().activeElement())).isTrue();
		assertThat(new Select(find(By.id("niveau-" + prepared.first()))).getFirstSelectedOption().getText())
				.isEqualTo("— choisir —");

		new Select(find(By.id("niveau-" + prepared.first()))).selectByVisibleText("3 — Solution existante à adapter");
		find(By.id("note-" + prepared.first())).sendKeys("Un service proche existe déjà à Grenoble.");
		row(prepared.first()).findElement(By.xpath(".//button[normalize-space()='Évaluer']")).click();

		// back on its row, whose message has the focus (a screen reader says it), the note shown back
		expectAlert("success", "Votre évaluation de « " + prepared.firstTitle() + " » est enregistrée");
		assertThat(driver.getCurrentUrl()).endsWith("#message-" + prepared.first());
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("message-" + prepared.first());
		assertThat(row(prepared.first()).getText()).contains("(1 avis)");
		assertThat(new Select(find(By.id("niveau-" + prepared.first()))).getFirstSelectedOption().getText())
				.isEqualTo("3 — Solution existante à adapter");
		assertThat(find(By.id("note-" + prepared.first())).getDomProperty("value"))
				.isEqualTo("Un service proche existe déjà à Grenoble.");

		// the row's link chooses its proposal in the page's one form of conflict of interest (issue 26: one form,
		// not one per row), whose choice takes the focus and says it
		row(prepared.second()).findElement(By.cssSelector("a[data-conflit]")).click();
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("conflit-proposition");
		assertThat(new Select(find(By.id("conflit-proposition"))).getFirstSelectedOption().getText())
				.isEqualTo(prepared.secondTitle());
		assertThat(find(By.cssSelector("label[for='conflit-motif']")).getText()).isEqualTo("Motif");
		find(By.id("conflit-motif")).sendKeys("Mon association porte un projet concurrent.");
		find(By.xpath("//section[@id='conflit']//button[normalize-space()='Déclarer un conflit']")).click();

		expectAlert("success", "Votre conflit d'intérêts sur « " + prepared.secondTitle() + " » est enregistré");
		assertThat(row(prepared.second()).getText()).contains("Vous ne prenez pas part à cet examen.")
				.containsIgnoringCase("Conflit déclaré").contains("En conflit : Anne Lefèvre (AMF)");

		find(By.linkText("Décider la présélection")).click();
		waitForTitle("Décision de présélection — " + prepared.campaignTitle() + " — Cocon");
		assertNamedControls();
		assertThat(find(By.id("compte-selection")).getText()).isEqualTo("0 sélectionnée");
		tick("retenir-" + prepared.first());
		assertThat(find(By.id("compte-selection")).getText()).as("the live count").isEqualTo("1 sélectionnée");
		var rationale = "Proposition la plus soutenue et déjà mûre.";
		find(By.id("rationale")).sendKeys(rationale);
		var save = find(By.xpath("//button[normalize-space()='Enregistrer la présélection']"));
		save.click();

		// the browser keeps the form and asks for the confirmation: nothing typed is lost, nothing is recorded
		var confirmation = driver.findElement(By.id("confirmation"));
		assertThat(confirmation.getDomProperty("validationMessage")).isNotBlank();
		assertThat(driver.getTitle()).startsWith("Décision de présélection");
		assertThat(find(By.id("rationale")).getDomProperty("value")).isEqualTo(rationale);

		// refused by the server (the member recording it is not among those present): the ticks and the
		// rationale come back, with the error beside its field and in the summary, which has the focus
		untick("present-committee1");
		tick("confirmation");
		find(By.xpath("//button[normalize-space()='Enregistrer la présélection']")).click();
		var summary = expectAlert("error", "cochez-vous parmi les membres présents");
		assertThat(summary).contains("Le formulaire contient des erreurs");
		assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("erreurs");
		assertThat(find(By.id("membres-presents-erreur")).getText()).contains("cochez-vous parmi les membres présents");
		assertThat(driver.findElement(By.id("retenir-" + prepared.first())).isSelected()).as("the tick kept").isTrue();
		assertThat(driver.findElement(By.id("retenir-" + prepared.second())).isSelected()).isFalse();
		assertThat(find(By.id("rationale")).getDomProperty("value")).as("the rationale kept").isEqualTo(rationale);
		assertThat(find(By.id("compte-selection")).getText()).isEqualTo("1 sélectionnée");
		assertThat(call("committee1", "GET", "/api/campaigns/" + prepared.campaign() + "/decisions", null).expect(200)
				.<List<?>>read("$.shortlistDecisions")).isEmpty();
		assertNamedControls();

		assertThat(find(By.cssSelector("label[for='confirmation']")).getText())
				.isEqualTo("Je confirme : cette décision sera publiée et ne pourra plus être modifiée.");
		tick("present-committee1");
		tick("confirmation");
		find(By.xpath("//button[normalize-space()='Enregistrer la présélection']")).click();

		waitForTitle("Décisions — " + prepared.campaignTitle() + " — Cocon");
		assertNamedControls();
		expectAlert("success", "La présélection de 1 proposition est enregistrée et publiée.");
		var shortlist = find(By.xpath("//h2[normalize-space()='Propositions présélectionnées']/following-sibling::ol[1]"));
		assertThat(shortlist.findElements(By.tagName("li"))).extracting(WebElement::getText)
				.containsExactly(prepared.firstTitle());
		// the public page names the members by organisation, never by username (personal data, issue 11)
		assertThat(find(By.tagName("main")).getText()).contains("Motivation : Proposition la plus soutenue et déjà mûre.")
				.contains("Enregistrée par le membre représentant AMF.").doesNotContain("committee1").contains("Décision du 3 mai 2021 à 10 h 00");

		find(By.linkText("Voir l'utilisation du budget, proposition par proposition")).click();
		waitForTitle("Utilisation du budget — " + prepared.campaignTitle() + " — Cocon");
		assertThat(find(By.cssSelector(".cocon-ring__part")).getAttribute("stroke-dasharray")).isEqualTo("0.00 100.00");
		assertThat(find(By.xpath("//table[caption[contains(., 'chaque proposition')]]")).getText())
				.contains(prepared.firstTitle());
	}

	/** Unticks a (DSFR, restyled) checkbox by clicking its label, as a person does. */
	private void untick(String inputId) {
		var input = driver.findElement(By.id(inputId));
		if (input.isSelected()) {
			driver.findElement(By.cssSelector("label[for='" + inputId + "']")).click();
		}
		assertThat(input.isSelected()).as("%s is not ticked", inputId).isFalse();
	}

	@Test
	void anAgentInvitedAsSupporterAppliesToTheWorkingGroupAndSeesItselfAmongItsMembers() {
		var prepared = prepare("Parcours territoires référents");
		clock.set(SHORTLIST_DAY);
		call("committee2", "POST", "/api/campaigns/" + prepared.campaign() + "/shortlist", """
				{"proposalIds": ["%s"], "rationale": "Retenue pour le parcours des territoires référents."}"""
				.formatted(prepared.first())).expect(201);
		clock.set(REFERENT_APPLICATIONS_WINDOW);

		signInAs(LYON);
		var invitation = reloadUntil("/ma-collectivite/territoires-referents",
				By.xpath("//div[contains(@class,'fr-callout')][.//h2[contains(., '" + prepared.firstTitle() + "')]]"));
		assertThat(invitation.getText()).contains("Votre collectivité est invitée");
		assertNamedControls();
		invitation.findElement(By.linkText("Candidater")).click();

		waitForTitle("Candidature : " + prepared.firstTitle() + " — Cocon");
		assertNamedControls();
		assertThat(find(By.tagName("main")).getText()).contains("Collectivité : Lyon (SIREN 216901231)");
		find(By.id("motivation")).sendKeys("Lyon a soutenu cette proposition et souhaite tester le service.");
		find(By.id("contactName")).sendKeys("Camille Martin");
		find(By.id("contactEmail")).sendKeys("camille.martin@mairie-lyon.fr");
		find(By.xpath("//button[normalize-space()='Envoyer la candidature']")).click();

		waitForTitle("Candidature enregistrée — Cocon");
		assertNamedControls();
		assertThat(find(By.tagName("main")).getText()).contains("Lyon est territoire référent de la proposition");
		find(By.linkText("Voir le groupe de travail")).click();

		waitForTitle("Groupe de travail : " + prepared.firstTitle() + " — Cocon");
		assertNamedControls();
		var member = find(By.xpath("//table//tr[td[normalize-space()='216901231']]"));
		assertThat(member.getText()).contains("Lyon").contains("Commune").contains("10 mai 2021");
		assertThat(find(By.tagName("main")).getText()).as("the contact stays with the staff")
				.doesNotContain("Camille Martin").doesNotContain("camille.martin@mairie-lyon.fr");

		open("/ma-collectivite/territoires-referents");
		assertThat(find(By.linkText(prepared.firstTitle())).getAttribute("href"))
				.endsWith("/propositions/" + prepared.first() + "/groupe-de-travail");
	}

	private WebElement row(String proposal) {
		return find(By.id("proposition-" + proposal));
	}

	/** Repeats the call until it answers that status (a module learns what it needs from events). */
	private void awaitStatus(String user, String method, String path, int status) {
		org.awaitility.Awaitility.await().atMost(EVENTUAL).pollInterval(java.time.Duration.ofMillis(200))
				.until(() -> call(user, method, path, null).status(), s -> s == status);
	}
}
