package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import cocon.testing.BrowserTest;
import cocon.testing.TableRows;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance 2 of the living demonstration: on an instance of its own with the demonstration on (the embedded
 * default's settings), the replay at the moment "deploiement" (a day of 2023) still shows the figures of 2021 on the
 * public pages of the campaign, and the 44 services in varied phases with more than a thousand adoptions (issue 23,
 * acceptance 4); a restart adds nothing, and the administrator's page resets it to the moment "supports", then a reset
 * goes to "funding": at "deploiement", after the reset to "supports", and, during the replay of the reset to
 * "funding", as it passes the moments "supports", "shortlist" and "referents" and at its end, the committee's counts
 * equal the public ones, proposal by proposal (issue 25, acceptance 3). The first page served, before the application is even ready, announces the preparation
 * (issue 25, point 8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cocon.demo.seed=true", "cocon.demo.moment=deploiement", "cocon.test.database=demo_replay" })
@Import({ DemonstrationBrowserTests.FirstHomePage.class, DemonstrationBrowserTests.MomentBoundaries.class })
class DemonstrationBrowserTests extends BrowserTest {

	/**
	 * Reads the home page as soon as the web server answers: the runners run after it has started and before the
	 * application is ready, when the demonstration has not yet decided to prepare itself.
	 */
	@TestConfiguration
	static class FirstHomePage {

		static volatile String body;

		@Bean
		ApplicationRunner readTheHomePageFirst(Environment environment) {
			return args -> body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
					+ environment.getProperty("local.server.port") + "/")).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8)).body();
		}
	}

	/**
	 * Holds the replay at the boundary of each moment it passes, for as long as a check takes (issue 25, acceptance 3,
	 * without a replay per moment). A reset to a moment replays the same plan as any other reset and stops at the first
	 * step after that moment's day at the present time ({@code Replay.run}: {@code ReplayPlan.of(STORY, directory,
	 * shiftDays)}, seeded, in the story's order, cut by {@code Replay.at}); so a replay to "funding", held just before
	 * its first step after the day of "shortlist", stands where a reset to "shortlist" stops. The one difference: the
	 * plan moves some steps off the weekends of the shifted calendar, so the state is that of a reset to "shortlist"
	 * made on a day of the same weekday alignment (the steps, their order and their counts are the same). The replay
	 * takes each step through the HTTP API, one request after the other: a filter holds the first request made with
	 * the replay's clock past a boundary, and the previous steps are done.
	 */
	@TestConfiguration
	static class MomentBoundaries {

		static final java.util.concurrent.atomic.AtomicReference<Watch> WATCH = new java.util.concurrent.atomic.AtomicReference<>();

		/** The check's own requests, which pass while the replay's wait. */
		static final String CHECK = "X-Test-Moment-Check";

		@Bean
		org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> holdTheReplayAtEachMoment() {
			var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>(
					(request, response, chain) -> {
						var watch = WATCH.get();
						var http = (jakarta.servlet.http.HttpServletRequest) request;
						if (watch != null && http.getHeader(CHECK) == null) {
							watch.beforeRequest(http.getHeader(ReplayInstantFilter.INSTANT));
						}
						chain.doFilter(request, response);
					});
			registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}

	/** The moments a replay is to pass, and the check to run at each boundary while the replay waits. */
	static final class Watch {

		private final ReplayClock clock;
		private final long shiftDays;
		private final java.time.LocalTime present;
		private final java.util.Deque<Moment> ahead;
		private final java.util.function.Consumer<Moment> check;
		final java.util.List<Moment> passed = new java.util.concurrent.CopyOnWriteArrayList<>();
		final java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

		/** For a reset to {@code moment} made now: the replay computes the same shift (Replay's constructor). */
		Watch(ReplayClock clock, Moment moment, java.util.List<Moment> boundaries, java.util.function.Consumer<Moment> check) {
			var now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"));
			this.clock = clock;
			this.shiftDays = java.time.temporal.ChronoUnit.DAYS.between(moment.day(), now.toLocalDate());
			this.present = now.toLocalTime();
			this.ahead = new java.util.ArrayDeque<>(boundaries);
			this.check = check;
		}

		/**
		 * A request of the replay taken past the next boundary waits for that moment's check, and so does every other
		 * request of the replay: it sends some of its steps four at a time (ADR 54), and none may land during the check
		 * (the check's own requests carry {@link MomentBoundaries#CHECK} and pass). The requests that were already past
		 * this filter end during the check: it reads both counts again until they agree. A request sent with others
		 * carries its own instant, which says where the story stands (the replay's clock is then already at the last
		 * step of its batch).
		 */
		synchronized void beforeRequest(String ownInstant) {
			if (!clock.replaying()) {
				return;
			}
			var at = ownInstant == null ? clock.instant() : java.time.Instant.parse(ownInstant);
			var story = java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Europe/Paris")).minusDays(shiftDays);
			while (!ahead.isEmpty() && story.isAfter(ahead.peek().day().atTime(present))) {
				var moment = ahead.poll();
				try {
					check.accept(moment);
					passed.add(moment);
				}
				catch (Throwable e) {
					failures.add(new AssertionError("at the moment " + moment.key(), e));
				}
			}
		}
	}

	private static final Pattern PROPOSAL = Pattern.compile("/propositions/([0-9a-f-]{36})");

	@Autowired
	DemoReplay demo;

	@Autowired
	java.time.Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionOperations transactions;

	@Test
	void theReplayOf2021ShowsItsFiguresOnThePublicPagesAndTheAdministratorResetsItToAnotherMoment() throws Exception {
		// issue 25, point 8: no « Aucune campagne » before the preparation notice, from the very first page
		assertThat(FirstHomePage.body).contains("id=\"demonstration-en-preparation\"", "id=\"campagnes-en-preparation\"")
				.doesNotContain("Aucune campagne");

		var replayed = demo.completion().get(4, TimeUnit.MINUTES);
		assertThat(replayed.funded()).as("the replay went to the end").isEqualTo(Replay.FUNDED);
		var campaign = replayed.campaignId();
		theServicesOf2023AreInVariedPhasesWithThousandsOfAdoptions(replayed);

		// the public pages of the replayed campaign, as anyone reads them
		open("/campagnes/" + campaign);
		assertThat(text()).containsIgnoringCase("Financement des projets");
		open("/campagnes/" + campaign + "/entonnoir");
		assertThat(text()).containsPattern("\\b476\\b").containsPattern("\\b391\\b").containsPattern("\\b81\\b")
				.containsPattern("\\b4\\b").containsPattern("\\b67\\b");
		open("/campagnes/" + campaign + "/soutiens-dans-le-temps");
		assertThat(text()).containsPattern("\\b531\\b");
		// every published proposal is listed, with a link of its own, over the list's pages of 20 (issue 25, point 2)
		var listed = new java.util.HashSet<String>();
		for (int page = 0; page < 4; page++) {
			open("/campagnes/" + campaign + "/propositions?page=" + page);
			driver.findElements(By.cssSelector("main a[href*='/propositions/']")).stream()
					.map(a -> PROPOSAL.matcher(a.getDomAttribute("href"))).filter(Matcher::find).map(m -> m.group(1))
					.forEach(listed::add);
		}
		assertThat(listed).hasSize(67);
		open("/campagnes/" + campaign + "/decisions");
		var decisions = text();
		assertThat(decisions).containsPattern("\\b17\\b").contains(Replay.STORY.knownShortlist());
		assertThat(driver.findElements(By.xpath(
				"//table[caption[starts-with(normalize-space(.), 'Projets financés')]]/tbody/tr"))).hasSize(44);

		openDataOfTheReplayValidatesAndHoldsNoPersonalData(campaign);
		theCommitteeCountsWhatThePublicReads(campaign);

		// a restart finds the replay complete: nothing is added
		assertThat(demo.prepareIfNeeded()).isFalse();
		assertThat(campaigns()).isEqualTo(1);

		// the administrator resets the demonstration to the moment "supports", confirming the erasure
		signInAs("admin");
		open("/admin/demonstration");
		find(By.cssSelector("label[for='moment-supports']")).click();
		driver.findElement(By.xpath("//button[normalize-space()='Continuer']")).click();
		find(By.xpath("//h1[normalize-space()='Confirmer la réinitialisation']"));
		driver.findElement(By.xpath("//button[normalize-space()='Effacer et rejouer']")).click();
		assertThat(find(By.id("confirmation-erreur")).getText()).contains("Cochez la case");
		find(By.cssSelector("label[for='confirmation']")).click();
		driver.findElement(By.xpath("//button[normalize-space()='Effacer et rejouer']")).click();
		assertThat(find(By.cssSelector("[role=status].fr-alert--success")).getText()).contains("Soutiens des collectivités");
		assertThat(driver.findElements(By.id("demonstration-en-preparation"))).as("the notice of the page shell")
				.isNotEmpty();
		// the home page is served meanwhile, with the notice
		open("/");
		assertThat(find(By.tagName("h1")).getText()).isNotBlank();
		assertThat(driver.findElements(By.id("demonstration-en-preparation"))).isNotEmpty();

		var reset = demo.completion().get(3, TimeUnit.MINUTES);
		assertThat(reset.campaignId()).isNotEqualTo(campaign);
		assertThat(reset.supports()).isBetween(1, Replay.SUPPORTS - 1);
		assertThat(reset.shortlisted()).isZero();
		assertThat(campaigns()).as("the previous replay was erased").isEqualTo(1);
		assertThat(JsonMapper.builder().build().readTree(get("/api/services").body())).as("its services too").isEmpty();
		open("/campagnes/" + reset.campaignId());
		assertThat(text()).containsIgnoringCase("Soutiens des collectivités");
		assertThat(absent(By.id("demonstration-en-preparation"))).as("no preparation notice any more").isTrue();
		open("/campagnes/" + reset.campaignId() + "/soutiens-dans-le-temps");
		assertThat(text()).containsPattern("\\b" + reset.supports() + "\\b").doesNotContainPattern("\\b531\\b");
		open("/campagnes/" + reset.campaignId() + "/decisions");
		assertThat(driver.findElements(By.xpath(
				"//table[caption[starts-with(normalize-space(.), 'Projets financés')]]/tbody/tr"))).isEmpty();
		open("/admin/demonstration");
		assertThat(find(By.id("etat-demonstration")).getText()).contains("Soutiens des collectivités");
		// issue 25: the reset emptied voting's count position, and no count reached the committee any more
		theCommitteeCountsWhatThePublicReads(reset.campaignId());

		// and after a reset to a moment past the close of the supports, the committee decides on the public tally; on the
		// way, the replay is held at each moment it passes, while the committee's counts are checked there
		var watch = new Watch((ReplayClock) clock, Moment.FUNDING,
				java.util.List.of(Moment.SUPPORTS, Moment.SHORTLIST, Moment.REFERENTS), moment -> {
					try {
						theCommitteeCountsWhatThePublicReads(onlyCampaign());
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				});
		MomentBoundaries.WATCH.set(watch);
		try {
			assertThat(demo.reset(Moment.FUNDING)).isTrue();
			var funding = demo.completion().get(4, TimeUnit.MINUTES);
			assertThat(funding.funded()).isEqualTo(Replay.FUNDED);
			theCommitteeCountsWhatThePublicReads(funding.campaignId());
		}
		finally {
			MomentBoundaries.WATCH.set(null);
		}
		assertThat(watch.failures).as(() -> watch.failures.stream().map(f -> f.getMessage() + " — " + f.getCause())
				.toList().toString()).isEmpty();
		assertThat(watch.passed).as("the moments checked on the way")
				.containsExactly(Moment.SUPPORTS, Moment.SHORTLIST, Moment.REFERENTS);
		theTrainingRunsErasureLeavesTheDatabaseAsBeforeAnyRequest();
	}

	/**
	 * The archive's training run replays the demonstration, then erases what it wrote (ADR 0082), so that its database
	 * can still become the template of fresh data folders: every table of the modules' schemas empty, whichever module
	 * a table belongs to (a new module's schema is counted without being named here), and the event registry and the
	 * replay's row too; the directory stays.
	 */
	private void theTrainingRunsErasureLeavesTheDatabaseAsBeforeAnyRequest() {
		var written = rowsOfTheModules();
		assertThat(written.keySet()).as("what the replay at « funding » wrote").contains("intake.contribution",
				"curation.proposal", "voting.support", "governance.committee_member", "notifications.outbox");
		assertThat(written.keySet()).as("the event registry").contains("public.event_publication_archive");

		demo.eraseWhatTheReplayWrote();

		assertThat(rowsOfTheModules()).as("rows left after the erasure").isEmpty();
		assertThat(jdbc.sql("select count(*) from directory.collectivite").query(Long.class).single())
				.as("the directory stays").isPositive();
	}

	/**
	 * The tables with rows, and their count ({@link TableRows}): every schema but the directory's, the platform's and
	 * public's, and there the event registry and the replay's row.
	 */
	private java.util.Map<String, Long> rowsOfTheModules() {
		var rows = new java.util.TreeMap<String, Long>();
		new TableRows(jdbc, transactions).counts().forEach((table, count) -> {
			var schema = table.substring(0, table.indexOf('.'));
			if (count > 0 && (!java.util.Set.of("directory", "platform", "public").contains(schema)
					|| java.util.Set.of("public.event_publication", "public.event_publication_archive",
							"platform.demo_replay").contains(table))) {
				rows.put(table, count);
			}
		});
		return rows;
	}

	/**
	 * What the committee decides on (its decision inputs: the live counts while supports are open, the final tally
	 * after) equals what the public reads, proposal by proposal (issue 25, acceptance 3).
	 */
	private void theCommitteeCountsWhatThePublicReads(String campaign) throws Exception {
		var json = JsonMapper.builder().build();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
			var published = new java.util.TreeMap<String, Integer>();
			for (var proposal : json.readTree(get("/api/campaigns/" + campaign + "/proposals?size=500").body())) {
				published.put(proposal.get("id").asString(), proposal.get("supportCount").asInt());
			}
			assertThat(published.values().stream().mapToInt(Integer::intValue).sum()).as("supports given").isPositive();
			var committee = new java.util.TreeMap<String, Integer>();
			var inputs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
					"/api/campaigns/" + campaign + "/decision-inputs"))).header("Accept", "application/json")
					.header(MomentBoundaries.CHECK, "oui")
					.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
							"admin:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
					HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(inputs.statusCode()).isEqualTo(200);
			for (var row : json.readTree(inputs.body()).get("proposals")) {
				committee.put(row.get("proposalId").asString(), row.get("supports").asInt());
			}
			assertThat(committee).as("the committee's counts against the public counts").isEqualTo(published);
			// and its page says the same of the public leader, in the row's supports column
			var leader = published.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
			var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/campagnes/" + campaign
					+ "/comite?vue=toutes&supportsWeight=1&maturityWeight=0"))).header("Accept", "text/html")
					.header(MomentBoundaries.CHECK, "oui")
					.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
							"admin:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
					HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8)).body();
			var row = page.substring(page.indexOf("<tr id=\"proposition-" + leader.getKey() + "\""));
			assertThat(row.substring(0, row.indexOf("</tr>"))).as("the committee page's row of the public leader")
					.contains("<td><span>" + leader.getValue() + "</span>");
		});
	}

	/**
	 * At the moment "deploiement": the 44 services, in the phases the story gives them, their milestones done and
	 * late, the experimentation territories' feedback, and more than a thousand collectivités adopting them.
	 */
	private void theServicesOf2023AreInVariedPhasesWithThousandsOfAdoptions(Replay.Result replayed) throws Exception {
		var json = JsonMapper.builder().build();
		var services = json.readTree(get("/api/services?size=500").body());
		assertThat(services.size()).isEqualTo(Replay.FUNDED);
		var phases = new java.util.TreeMap<String, Integer>();
		long adoptions = 0;
		for (var service : services) {
			phases.merge(service.get("phase").asString(), 1, Integer::sum);
			adoptions += service.get("adoptions").asLong();
		}
		var story = Replay.STORY.deployment().phases();
		assertThat(phases).containsEntry("EN_CONSTRUCTION", story.construction())
				.containsEntry("EN_EXPERIMENTATION", story.experimentation()).containsEntry("DISPONIBLE", story.available())
				.containsEntry("GENERALISE", story.generalised()).containsEntry("ARRETE", story.stopped());
		assertThat(adoptions).as("current adoptions").isGreaterThan(1000);
		assertThat(replayed.adoptions()).as("declarations, changes of status included").isGreaterThanOrEqualTo((int) adoptions);
		int done = 0;
		int late = 0;
		int feedback = 0;
		for (var service : services) {
			var details = json.readTree(get("/api/services/" + service.get("id").asString()).body());
			for (var milestone : details.get("milestones")) {
				done += milestone.path("done").isNull() || milestone.path("done").isMissingNode() ? 0 : 1;
				late += milestone.get("late").asBoolean() ? 1 : 0;
			}
			feedback += details.path("feedback").path("count").asInt();
		}
		assertThat(done).as("milestones done").isGreaterThan(50);
		assertThat(late).as("milestones late").isPositive();
		assertThat(feedback).as("feedback of experimentation territories").isPositive();
		// the most adopted service, in the catalogue
		open("/services");
		assertThat(text()).contains(services.get(0).get("title").asString());
	}

	/** The open datasets of the campaign whose replay shows the 2021 figures (issue 11, acceptance 1 and 5). */
	private static final java.util.List<String> DATASETS = java.util.List.of("propositions", "soutiens", "decisions",
			"projets-finances", "groupes-de-travail", "entonnoir", "services", "adoptions");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	/**
	 * Every dataset of the replayed campaign downloads in CSV and JSON and validates against its Table Schema; the
	 * supports dataset has exactly the rows the public API counts (531); no public dataset, API answer or page of the
	 * campaign carries an e-mail address, a username or the contact the replay gave its referent territories.
	 */
	private void openDataOfTheReplayValidatesAndHoldsNoPersonalData(String campaign) throws Exception {
		var json = JsonMapper.builder().build();
		var bodies = new java.util.LinkedHashMap<String, String>();
		for (var dataset : DATASETS) {
			var check = new cocon.journeys.TableSchemaCheck(json.readTree(get("/api/open-data/schemas/" + dataset + ".json").body()));
			var base = "/api/open-data/campaigns/" + campaign + "/" + dataset;
			var csv = get(base + ".csv");
			var jsonBody = get(base + ".json");
			var csvRows = check.validateCsv(csv.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			var jsonRows = check.validateJson(jsonBody.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(csvRows.toString()).as("%s : le CSV et le JSON ont les mêmes lignes", dataset).isEqualTo(jsonRows.toString());
			assertThat(csvRows.size()).as("%s a des lignes", dataset).isPositive();
			if (dataset.equals("soutiens")) {
				long counted = 0;
				for (var proposal : json.readTree(get("/api/campaigns/" + campaign + "/proposals?size=500").body())) {
					counted += proposal.get("supportCount").asLong();
				}
				assertThat(csvRows.size()).isEqualTo(counted).isEqualTo(Replay.SUPPORTS);
			}
			if (dataset.equals("propositions")) {
				assertThat(csvRows.size()).isEqualTo(67);
			}
			if (dataset.equals("projets-finances")) {
				assertThat(csvRows.size()).isGreaterThanOrEqualTo(Replay.FUNDED);
			}
			bodies.put(base + ".csv", csv.body());
			bodies.put(base + ".json", jsonBody.body());
		}
		for (var url : java.util.List.of("/api/campaigns", "/api/campaigns/" + campaign, "/api/campaigns/" + campaign + "/proposals?size=500",
				"/api/campaigns/" + campaign + "/ranking?size=500", "/api/campaigns/" + campaign + "/decisions",
				"/api/campaigns/" + campaign + "/committee", "/api/campaigns/" + campaign + "/curation-report",
				"/api/open-data/campaigns/" + campaign + "/datapackage.json", "/donnees-ouvertes/catalogue.jsonld",
				"/campagnes/" + campaign, "/campagnes/" + campaign + "/propositions", "/campagnes/" + campaign + "/decisions",
				"/campagnes/" + campaign + "/donnees-ouvertes", "/campagnes/" + campaign + "/carte")) {
			var response = get(url);
			assertThat(response.statusCode()).as(url).isEqualTo(200);
			bodies.put(url, response.body());
		}
		for (var entry : bodies.entrySet()) {
			var email = EMAIL.matcher(entry.getValue());
			assertThat(email.find() ? email.group() : null).as("adresse électronique dans %s", entry.getKey()).isNull();
			assertThat(entry.getValue()).as("donnée personnelle dans %s", entry.getKey())
					.doesNotContainPattern("agent-\\d{9}").doesNotContain("Référent numérique de ").doesNotContain("committee1");
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "*/*")
				.header(MomentBoundaries.CHECK, "oui").build(),
				HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private String text() {
		return driver.findElement(By.tagName("main")).getText();
	}

	/** The campaign being replayed: a reset erases the previous one first. */
	private String onlyCampaign() throws Exception {
		var campaigns = JsonMapper.builder().build().readTree(get("/api/campaigns").body());
		assertThat(campaigns.size()).isEqualTo(1);
		return campaigns.get(0).get("id").asString();
	}

	private int campaigns() throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/campaigns")))
				.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body()).size();
	}
}
