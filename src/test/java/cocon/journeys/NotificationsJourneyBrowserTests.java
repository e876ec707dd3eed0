package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 24, acceptance 3: an agent finds the preferences from « Mon espace », turns a kind of mail off, and the next
 * such event sends nothing to them (while the one before had written their mail).
 */
class NotificationsJourneyBrowserTests extends JourneyBrowserTest {

	@Autowired
	JdbcClient jdbc;

	/** The mails telling this person the outcome of a contribution (the proposal's news are another kind). */
	long outcomeMailsTo(String username) {
		return jdbc.sql("""
				select count(*) from notifications.outbox o join notifications.message m on m.id = o.message_id
				where o.recipient_key = ? and m.kind = 'CONTRIBUTION_OUTCOME'""").param(username)
				.query(Long.class).single();
	}

	void awaitOutcome(String contributionId, String status) {
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).until(() -> call(GRENOBLE, "GET",
				"/api/contributions/" + contributionId, null).body().contains("\"status\":\"" + status + "\""));
		// the notifications' listener of the same decision is done too
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and listener_id like 'cocon.notifications.%' and serialized_event like ?""")
				.param("%" + contributionId + "%").query(Long.class).single() == 0);
	}

	/** With the environment variable COCON_SCREENSHOTS (a folder), a picture of the page, for people to look at. */
	void picture(String name) {
		var folder = System.getenv("COCON_SCREENSHOTS");
		if (folder != null) {
			try {
				java.nio.file.Files.write(java.nio.file.Path.of(folder, name + ".png"),
						((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	@Test
	void anAgentTurnsAKindOffFromMySpaceAndTheNextSuchEventSendsThemNothing() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Notifications " + unique());
		var first = submitContribution(GRENOBLE, campaign, "Première " + unique(), "Mobilités");
		var second = submitContribution(GRENOBLE, campaign, "Seconde " + unique(), "Mobilités");
		long before = outcomeMailsTo(GRENOBLE);
		publishProposal(campaign, "Proposition " + unique(), "Mobilités", List.of(first));
		awaitOutcome(first, "GROUPED");
		assertThat(outcomeMailsTo(GRENOBLE)).as("the outcome of the first contribution is told").isEqualTo(before + 1);

		signInAs(GRENOBLE);
		open("/mon-espace");
		find(By.linkText("Choisir les courriels que je reçois")).click();
		waitForText(By.tagName("h1"), "Mes notifications");
		tick("CONTRIBUTION_OUTCOME-JAMAIS");
		driver.findElement(By.cssSelector("form[action$='/mes-notifications'] [type=submit]")).click();
		waitForText(By.cssSelector("[role=status]"), "Vos préférences sont enregistrées.");
		assertThat(driver.findElement(By.id("CONTRIBUTION_OUTCOME-JAMAIS")).isSelected()).isTrue();
		picture("preferences");

		publishProposal(campaign, "Proposition " + unique(), "Mobilités", List.of(second));
		awaitOutcome(second, "GROUPED");
		assertThat(outcomeMailsTo(GRENOBLE)).as("the kind is off: nothing more").isEqualTo(before + 1);
	}
	/**
	 * Anyone, without an account (ADR 51): the form of the campaign's page, the answer that says nothing of the
	 * address, the confirmation page of the mail's link, and an unknown unsubscribe link. (The token of the mail is
	 * kept only as a hash: the test gives the request a token of its own, as the mail would.)
	 */
	@Test
	void anyoneSubscribesToACampaignsNewsFromItsPageAndConfirms() {
		clock.set(CONTRIBUTION_WINDOW);
		var campaign = createCampaign("Abonnement " + unique());
		var email = "abonne-" + unique() + "@exemple.fr";
		driver.manage().deleteAllCookies();
		open("/campagnes/" + campaign);
		find(By.id("abonnement-email")).sendKeys(email);
		driver.findElement(By.cssSelector("form[action$='/abonnements'] [type=submit]")).click();
		waitForText(By.cssSelector("[role=status]"), "Si cette adresse n'est pas déjà abonnée");
		assertThat(driver.getPageSource()).doesNotContain(email);
		picture("abonnement-demande");

		var token = "jeton-du-parcours-" + unique();
		assertThat(jdbc.sql("""
				update notifications.subscription set token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')
				where email = ? and confirmed_at is null""").params(token, email).update()).isEqualTo(1);
		open("/abonnements/confirmation/" + token);
		picture("abonnement-confirmation");
		driver.findElement(By.cssSelector("main form [type=submit]")).click();
		waitForText(By.cssSelector("[role=status]"), "Abonnement confirmé");
		picture("abonnement-confirme");

		open("/abonnements/confirmation/" + token);
		waitForText(By.tagName("main"), "Ce lien de confirmation n'est pas ou plus valable");
		open("/notifications/desabonnement/jeton-inconnu");
		waitForText(By.tagName("main"), "Ce lien de désabonnement n'est pas ou plus valable");
		picture("desabonnement-lien-invalide");
	}
}
