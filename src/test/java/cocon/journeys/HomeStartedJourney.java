package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 9, acceptance 1: journeys that start at the home page and then follow only what a person sees, links and
 * buttons (a reload while an asynchronous step completes, never a typed address). What a journey does not walk
 * through is prepared beforehand with the API, as in {@link JourneyBrowserTest}.
 */
abstract class HomeStartedJourney extends JourneyBrowserTest {

	/** The home page, signed out: the one address a journey types. */
	void startAtHome() {
		driver.manage().deleteAllCookies();
		open("/");
		waitForTitle("Accueil — Cocon");
	}

	/** From the home page, the header's "Se connecter", then the demo sign-in form, back on the home page. */
	void signInFromHome(String username) {
		startAtHome();
		find(By.cssSelector("header a[href$='/connexion']")).click();
		if (username.startsWith("agent-")) {
			find(By.cssSelector("label[for='persona-agent']")).click();
			var siren = find(By.id("siren"));
			siren.clear();
			siren.sendKeys(username.substring("agent-".length()));
		}
		else {
			find(By.cssSelector("label[for='persona-" + username + "']")).click();
		}
		// the design system's script may still be setting up the form: type again until the field holds it
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(page -> {
					var password = page.findElement(By.id("password"));
					password.clear();
					password.sendKeys("demo");
					return "demo".equals(password.getDomProperty("value"));
				});
		driver.findElement(By.cssSelector("form[action$='/connexion'] [type=submit]")).click();
		// back on the home page, which gathers every campaign's figures: slower than most on a busy machine
		new org.openqa.selenium.support.ui.WebDriverWait(driver, EVENTUAL)
				.withMessage(() -> "signed in as " + username + ", on " + driver.getCurrentUrl() + ": "
						+ driver.findElement(By.tagName("body")).getText())
				.until(
				org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
						By.cssSelector("header a[href$='/mon-compte']")));
	}

	/** A link of the header's menu. */
	void menu(String label) {
		find(By.xpath("//nav[@id='navigation-principale']//a[normalize-space()='" + label + "']")).click();
	}

	/** A link of the page's content, by its text. */
	void follow(String label) {
		find(By.xpath("//main//a[normalize-space()=\"" + label + "\"]")).click();
	}

	/** The card of a campaign (home page or campaign list), once it shows; then its link. */
	WebElement campaignCard(String title) {
		return find(By.xpath("//main//div[contains(@class,'fr-card')][.//a[normalize-space()=\"" + title + "\"]]"));
	}

	/**
	 * Opens a campaign from its card: on the home page when it is among the latest campaigns it shows, else from
	 * the list of every campaign that the home page links to.
	 */
	void openCampaign(String title) {
		var card = By.xpath("//main//div[contains(@class,'fr-card')][.//a[normalize-space()=\"" + title + "\"]]");
		if (absent(card) && !absent(By.xpath("//main//a[normalize-space()='Toutes les campagnes']"))) {
			follow("Toutes les campagnes");
			waitForTitle("Campagnes — Cocon");
		}
		campaignCard(title).findElement(By.xpath(".//a[normalize-space()=\"" + title + "\"]")).click();
		waitForTitle(title + " — Cocon");
	}

	/** The tile or link of "Mon espace" whose text contains {@code text}, reloading the page until it shows. */
	WebElement mySpaceItem(String text) {
		return refreshUntil(By.xpath("//main//a[contains(normalize-space(), \"" + text + "\")]"));
	}

	/** Reloads the current page (what a person does while an asynchronous step completes) until the element shows. */
	WebElement refreshUntil(By by) {
		return withoutImplicitWait(() -> await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
				.until(() -> {
					var found = driver.findElements(by);
					if (found.isEmpty()) {
						driver.navigate().refresh();
						found = driver.findElements(by);
					}
					return found.isEmpty() ? null : found.get(0);
				}, Objects::nonNull));
	}

	/** The hub's one action of the phase for this person. */
	WebElement primaryAction() {
		return find(By.cssSelector("#action-de-la-phase a.fr-btn"));
	}

	/**
	 * Fills a date or date-and-time field: Chromium's pickers take keys in the order of the locale, so the value is
	 * set as the browser itself would after a pick, and the field told it changed.
	 */
	void fillDate(String id, String value) {
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				find(By.id(id)), value);
		assertThat(find(By.id(id)).getDomProperty("value")).isEqualTo(value);
	}

	/** The text of the page's main content. */
	String main() {
		return find(By.tagName("main")).getText();
	}
}
