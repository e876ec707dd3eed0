package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
		var item = reloadUntil("/ma-collectivite", By.id("proposition-" + proposal));
		assertNamedControls();
		assertThat(item.findElement(By.id("titre-" + proposal)).getText()).isEqualTo(title);
		assertThat(state(proposal)).contains("Votre collectivité ne la soutient pas.")
				.contains("0 collectivités la soutiennent.");

		button(proposal, "Soutenir").click();

		waitForState(proposal, "1 collectivité la soutient.");
		assertThat(state(proposal)).contains("Votre collectivité la soutient depuis le 12 avril 2021");
		var supported = button(proposal, "Soutenue");
		assertThat(supported.getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(find(By.id("annonce")).getAttribute("textContent"))
				.isEqualTo("Soutien enregistré. 1 collectivité soutient cette proposition.");

		open("/campagnes/" + campaign + "/propositions");
		assertThat(supportCountIn(rankingRow(title))).isEqualTo("1");
		assertNamedControls();
		assertThat(rankingRow(title).getText()).contains("Commune : 1");
		open("/ma-collectivite");

		button(proposal, "Soutenue").click();

		waitForState(proposal, "0 collectivités la soutiennent.");
		assertThat(state(proposal)).contains("Votre collectivité ne la soutient pas.");
		assertThat(button(proposal, "Soutenir").getAttribute("aria-pressed")).isEqualTo("false");

		open("/ma-collectivite");
		assertThat(state(proposal)).contains("0 collectivités la soutiennent.");
		open("/campagnes/" + campaign + "/propositions");
		assertThat(supportCountIn(rankingRow(title))).isEqualTo("0");
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
