package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.jayway.jsonpath.JsonPath;

import cocon.testing.BrowserTest;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * The one Spring context of the journeys: the whole application on a random port with a clock the tests move.
 * Each journey prepares what it does not walk through with the real JSON API over plain HTTP (demo identities in
 * HTTP Basic), then drives the pages in headless Chromium as a person would. Every campaign is new, so that the
 * journeys never depend on what other tests left in the shared database.
 */
@Import(TestClockConfiguration.class)
abstract class JourneyBrowserTest extends BrowserTest {

	/** How long an event-driven step may take to show up (listeners run asynchronously). */
	static final Duration EVENTUAL = Duration.ofSeconds(20);

	static final String LYON = "agent-216901231";

	static final String GRENOBLE = "agent-213801855";

	static final String CONTRIBUTION_WINDOW = "2021-02-01T10:00:00+01:00";

	static final String SUPPORT_WINDOW = "2021-04-12T10:00:00+02:00";

	static final String SHORTLIST_DAY = "2021-05-03T10:00:00+02:00";

	static final String REFERENT_APPLICATIONS_WINDOW = "2021-05-10T10:00:00+02:00";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	MutableClock clock;

	/** A response of the API: its status and body. */
	record Response(int status, String body) {

		<T> T read(String jsonPath) {
			return JsonPath.read(body, jsonPath);
		}

		Response expect(int expected) {
			assertThat(status).as("HTTP status, body: %s", body).isEqualTo(expected);
			return this;
		}
	}

	Response call(String username, String method, String path, String json) {
		var request = HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(10));
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		try {
			var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A unique suffix, so that titles are found among the ones other tests left in the database. */
	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** An administrator creates a campaign with the 2021 calendar; returns its id. */
	String createCampaign(String title) {
		var body = """
				{"title": "%s", "description": "Campagne d'un parcours de test dans le navigateur",
				 "envelopeEuros": 30000000,
				 "themes": ["Dématérialisation", "Mobilités", "Accessibilité et inclusion"],
				 "supportKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE"],
				 "workingGroupKinds": ["COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE", "EPCI"],
				 "calendar": %s}""".formatted(title, cocon.testing.Campaign2021.calendarJson());
		return call("admin", "POST", "/api/campaigns", body).expect(201).read("$.id");
	}

	/**
	 * An agent submits a contribution through the API, once intake knows the campaign (it learns it from an
	 * event); returns the contribution's id.
	 */
	String submitContribution(String agent, String campaignId, String title, String theme) {
		var body = """
				{"title": "%s", "need": "Besoin exprimé pour « %s » : les habitants attendent un service en ligne simple.",
				 "theme": "%s", "authorRole": "AGENT", "authorFunction": "Chargée de mission numérique"}"""
				.formatted(title, title, theme);
		var created = await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
				.until(() -> call(agent, "POST", "/api/campaigns/" + campaignId + "/contributions", body),
						response -> response.status() != 404);
		return created.expect(201).read("$.id");
	}

	/** The curators' triage queue lists the contribution (curation learns it from an event). */
	void awaitInTriage(String campaignId, String contributionId) {
		await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).until(() -> {
			var triage = call("curator", "GET", "/api/campaigns/" + campaignId + "/triage?size=100", null);
			return triage.status() == 200 && triage.body().contains(contributionId);
		});
	}

	/** A curator groups the contributions into a new proposal and publishes it; returns the proposal's id. */
	String publishProposal(String campaignId, String title, String theme, List<String> contributionIds) {
		contributionIds.forEach(id -> awaitInTriage(campaignId, id));
		var ids = contributionIds.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + ", " + b).orElse("");
		String proposal = call("curator", "POST", "/api/campaigns/" + campaignId + "/proposals", """
				{"title": "%s", "summary": "Résumé de %s", "theme": "%s", "contributionIds": [%s]}"""
				.formatted(title, title, theme, ids)).expect(201).read("$.id");
		call("curator", "POST", "/api/proposals/" + proposal + "/publication", null).expect(204);
		return proposal;
	}

	/**
	 * Opens the page again and again until the element shows up (what a person does while an asynchronous step
	 * completes), within {@link #EVENTUAL}.
	 */
	WebElement reloadUntil(String path, By by) {
		return withoutImplicitWait(() -> await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
				.until(() -> {
					open(path);
					var found = driver.findElements(by);
					return found.isEmpty() ? null : found.get(0);
				}, Objects::nonNull));
	}

	/**
	 * Ticks a (DSFR, restyled) checkbox or radio button as a person does: by clicking its label, or the box itself
	 * at the place of the drawn box when the label is only read to screen readers.
	 */
	void tick(String inputId) {
		var input = driver.findElement(By.id(inputId));
		if (!input.isSelected()) {
			var label = driver.findElement(By.cssSelector("label[for='" + inputId + "']"));
			var size = label.getSize();
			if (size.getWidth() > 0 && size.getHeight() > 0) {
				label.click();
			}
			else { // a mouse click on the drawn box: whatever lies on top there receives it, as for a person
				new Actions(driver).moveToElement(input).click().perform();
			}
		}
		assertThat(input.isSelected()).as("%s is ticked", inputId).isTrue();
	}

	/**
	 * What a screen reader user needs on every page the journeys visit: each form control has a name (a label, or
	 * aria-label / aria-labelledby), each button and link says what it does, the page has one h1.
	 */
	void assertNamedControls() {
		@SuppressWarnings("unchecked")
		var unnamed = (List<String>) ((JavascriptExecutor) driver).executeScript("""
				var problems = [];
				function named(el) {
				  if (el.getAttribute('aria-label') && el.getAttribute('aria-label').trim()) return true;
				  var by = el.getAttribute('aria-labelledby');
				  if (by && by.split(/\\s+/).some(function (id) { var t = document.getElementById(id); return t && t.textContent.trim(); })) return true;
				  if (el.labels && Array.prototype.some.call(el.labels, function (l) { return l.textContent.trim(); })) return true;
				  return el.title && el.title.trim();
				}
				document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (el) {
				  if (!named(el)) problems.push('control without a label: ' + el.outerHTML.substring(0, 160));
				});
				document.querySelectorAll('button, a[href]').forEach(function (el) {
				  if (!el.textContent.trim() && !named(el)) problems.push('button or link without text: ' + el.outerHTML.substring(0, 160));
				});
				var h1 = document.querySelectorAll('h1').length;
				if (h1 !== 1) problems.push(h1 + ' h1 on the page');
				return problems;""");
		assertThat(unnamed).as("accessibility of %s", driver.getCurrentUrl()).isEmpty();
	}

	/** Waits for the page of that title (after a form was sent). */
	void waitForTitle(String title) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title));
	}

	/**
	 * The text of the page's success (or error) alert once it says {@code expected}: after a form was sent, the
	 * previous page and its alert may still be there for a moment, and vanish while being read.
	 */
	String expectAlert(String kind, String expected) {
		return new WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.withMessage("an alert " + kind + " saying: " + expected)
				.until(page -> page.findElements(By.cssSelector("main .fr-alert--" + kind)).stream()
						.map(org.openqa.selenium.WebElement::getText).filter(text -> text.contains(expected))
						.findFirst().orElse(null));
	}
}
