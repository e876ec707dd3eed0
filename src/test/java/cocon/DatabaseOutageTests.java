package cocon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cocon.testing.ApiCalendars;
import cocon.testing.ApiRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Database outage, for real (ADR 0010): the application runs on a PostgreSQL of its own (not the suite's shared
 * server), which the test stops and starts again on the same data and port, while it talks to the application over
 * HTTP as its users would. During the outage the API answers 503 problem details with {@code Retry-After} within a
 * few seconds, pages get the « service momentanément indisponible » page, signing in is never answered « wrong
 * password », readiness is DOWN and liveness UP, and the cached public reads are still served. Once PostgreSQL is
 * back the application resumes without a restart, the writes it refused are not stored, the batch of supports
 * whose delivery to governance the outage broke reaches it (its count meets voting's), and a scheduled job that the
 * outage cut in its middle, unable to release its lock then, runs again within seconds (ADR 0065). The figures measured are
 * printed (« Panne de base de données : … ») for the README.
 */
class DatabaseOutageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every answer during the outage comes within this: the pool waits 2 s for a connection, then gives up. */
	private static final Duration A_FEW_SECONDS = Duration.ofSeconds(6);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Path dataDirectory;
	private int port;
	private EmbeddedPostgres postgres;
	private ConfigurableApplicationContext application;
	private String baseUrl;

	@AfterEach
	void stopEverything() throws IOException {
		if (application != null) {
			application.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		if (dataDirectory != null) {
			FileSystemUtils.deleteRecursively(dataDirectory);
		}
	}

	@Test
	void duringAnOutageTheApplicationAnswersUnavailableAndAfterItResumesWithNothingLost() throws Exception {
		dataDirectory = Files.createTempDirectory("cocon-outage-pg");
		port = freePort();
		postgres = startPostgres();
		application = startApplication();

		// A campaign whose supports are open, made through the API; five collectivités support its first proposal.
		var communes = communes(16);
		var campaign = prepareCampaign(communes.get(0));
		var proposals = proposalsOf(campaign);
		var proposal = proposals.get(0);
		for (var siren : communes.subList(1, 6)) {
			assertThat(support(siren, proposal).statusCode()).isIn(200, 201);
		}
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> governanceMeetsVoting(campaign));
		var cachedProposals = get("/api/campaigns/" + campaign + "/proposals", null).body();
		var cachedRanking = get("/api/campaigns/" + campaign + "/ranking", null).body();
		var signInPage = new SignInPage();

		// Governance's copy is held up (a lock on its table, as a slow disk would), so that the delivery of the next
		// batch of supports is still under way when PostgreSQL stops: the outage breaks it.
		var brokenBatch = communes.subList(6, 9);
		var heldJob = application.getBean(HeldJob.class);
		try (var holdUp = connect()) {
			holdUp.setAutoCommit(false);
			holdUp.createStatement().execute("lock table governance.live_tally in share mode");
			for (var siren : brokenBatch) {
				assertThat(support(siren, proposal).statusCode()).isEqualTo(201);
			}
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> governanceDeliveriesUnderWay() > 0);
			// a scheduled job is held up too, inside its ShedLock lock, so that the outage comes in the middle of it
			holdUp.createStatement().execute("select pg_advisory_lock(" + HeldJob.HOLD + ")");
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(HeldJob.HELD_UP) == 1);

			// The outage: PostgreSQL stops (fast shutdown: every session is cut, new connections are refused).
			postgres.close(); // the session holding governance up is ended with the others
			postgres = null;
		}
		long heldJobRuns = heldJob.runs();
		var figures = new LinkedHashMapOfDurations();

		// API write by a signed-in collectivité: 503 problem details with Retry-After, fast
		var refusedSiren = communes.get(9);
		var refused = timed(figures, "soutien (API, identité déjà connue)", () -> support(communes.get(1), proposals.get(1)));
		assertUnavailableProblem(refused);
		// HTTP Basic sign-in of an identity the application has not seen: never « wrong password »
		var unknownYet = timed(figures, "connexion HTTP Basic (API)", () -> support(refusedSiren, proposal));
		assertUnavailableProblem(unknownYet);
		assertThat(unknownYet.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(unknownYet.body()).doesNotContain("mot de passe");
		// the sign-in form: the unavailable page, not the sign-in page with an error
		var form = timed(figures, "connexion par le formulaire", () -> signInPage.signIn(communes.get(10)));
		assertUnavailablePage(form);
		// a page that needs the database
		var page = timed(figures, "page des campagnes", () -> get("/campagnes", "text/html"));
		assertUnavailablePage(page);
		// cached public reads are still served, unchanged
		var list = timed(figures, "liste publique des propositions (cache)",
				() -> get("/api/campaigns/" + campaign + "/proposals", null));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).isEqualTo(cachedProposals);
		var again = timed(figures, "liste publique des propositions (cache, lecture suivante)",
				() -> get("/api/campaigns/" + campaign + "/proposals", null));
		assertThat(again.body()).isEqualTo(cachedProposals);
		var ranking = timed(figures, "classement public (cache)", () -> get("/api/campaigns/" + campaign + "/ranking", null));
		assertThat(ranking.statusCode()).isEqualTo(200);
		assertThat(ranking.body()).isEqualTo(cachedRanking);
		// readiness DOWN (a load balancer stops sending traffic), liveness UP (no restart)
		var readiness = timed(figures, "disponibilité (readiness)", () -> get("/actuator/health/readiness", null));
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("DOWN");
		var liveness = timed(figures, "vivacité (liveness)", () -> get("/actuator/health/liveness", null));
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("UP");

		// PostgreSQL is back, on the same data and port: the application resumes by itself, without a restart.
		long restarted = System.nanoTime();
		postgres = startPostgres();
		long serverUp = System.nanoTime();
		var resumed = communes.get(11);
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
				.until(() -> support(resumed, proposal).statusCode() == 201);
		long firstWrite = System.nanoTime();
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
				.until(() -> get("/actuator/health/readiness", null).statusCode() == 200);
		// the job cut by the outage could not release its lock then (held at most 5 minutes): it runs again within
		// seconds all the same
		Awaitility.await("la tâche planifiée coupée par la panne reprend").atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(100)).until(() -> heldJob.runs() > heldJobRuns);
		long heldJobBack = System.nanoTime();

		// nothing refused was stored; every tally equals the supports stored
		assertThat(supportsOf(refusedSiren)).isZero();
		assertThat(supportsOf(communes.get(1), proposals.get(1))).isZero();
		assertThat(supportsOf(communes.get(10))).isZero();
		assertTalliesEqualTheStoredSupports(campaign);

		// the batch whose delivery the outage broke reaches governance: its count meets voting's
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> governanceMeetsVoting(campaign));
		long governanceCaughtUp = System.nanoTime();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> incompletePublications() == 0);
		assertThat(votingCount(campaign, proposal)).isEqualTo(1 + 5 + brokenBatch.size());

		var report = new StringBuilder("Panne de base de données : réponses pendant la panne — ");
		figures.forEach((what, took) -> report.append(what).append(" ").append(millis(took)).append(" ; "));
		report.append(String.format(Locale.FRANCE, "PostgreSQL redémarré en %s ; première écriture acceptée %s après ; "
				+ "tâche planifiée coupée par la panne de nouveau exécutée %s après ; gouvernance à jour %s après le "
				+ "redémarrage.", millis(serverUp - restarted), millis(firstWrite - serverUp),
				millis(heldJobBack - serverUp), millis(governanceCaughtUp - serverUp)));
		System.out.println(report);
	}

	// --- the dedicated PostgreSQL and the application ---------------------------------------------------------------

	private EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("max_connections", "60")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.start();
	}

	private ConfigurableApplicationContext startApplication() {
		var app = new SpringApplication(CoconApplication.class, HeldJob.class);
		app.setDefaultProperties(Map.of(
				"cocon.test.datasource-url", "jdbc:postgresql://localhost:" + port + "/postgres",
				"spring.datasource.hikari.maximum-pool-size", "10"));
		// the resubmission of failed publications switched on, with bounds of seconds instead of minutes
		app.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
				new MapPropertySource("outage-test", Map.of(
						// above application.properties' server.port=${PORT:8080}: a free port, never 8080
						"server.port", "0",
						"cocon.events.resubmission.cron", "* * * * * *",
						"cocon.events.resubmission.min-age", "2s",
						"cocon.events.staleness.published", "3s",
						"cocon.events.staleness.processing", "3s",
						"cocon.events.staleness.resubmission", "10s",
						"cocon.events.staleness.check-intervall", "1s"))));
		var context = app.run();
		baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
		return context;
	}

	/**
	 * A scheduled job of this test only, every second under a ShedLock lock held at most 5 minutes (as the
	 * resubmission of events): its body waits while the test holds an advisory lock, so that the test can cut the
	 * database in its middle. It counts the runs it completed.
	 */
	public static class HeldJob {

		static final int HOLD = 650_065;

		/** The job waits for the test's advisory lock, inside its ShedLock lock. */
		static final String HELD_UP = "select count(*) from pg_locks l join shedlock s on s.name = 'outage-test-held-job'"
				+ " where l.locktype = 'advisory' and l.objid = " + HOLD + " and not l.granted"
				+ " and s.lock_until > timezone('utc', current_timestamp)";

		private final JdbcTemplate jdbc;
		private final AtomicLong runs = new AtomicLong();

		public HeldJob(DataSource dataSource) {
			this.jdbc = new JdbcTemplate(dataSource);
		}

		@Scheduled(cron = "* * * * * *")
		@SchedulerLock(name = "outage-test-held-job", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0S")
		public void run() {
			jdbc.execute("select pg_advisory_xact_lock_shared(" + HOLD + ")");
			runs.incrementAndGet();
		}

		public long runs() {
			return runs.get();
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
	}

	// --- the campaign, through the API ------------------------------------------------------------------------------

	private String prepareCampaign(String contributor) throws Exception {
		var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var body = JSON.createObjectNode()
				.put("title", "Campagne de la panne de base de données")
				.put("description", "Préparée par le test de panne.")
				.put("envelopeEuros", 1_000_000L);
		body.putArray("themes").add("Dématérialisation");
		var kinds = body.putArray("supportKinds");
		List.of("COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE").forEach(kinds::add);
		body.set("calendar", ApiCalendars.calendar(now.minusHours(1), now.plusDays(1), now.plusDays(2), now.plusDays(9)));
		var created = send("POST", "/api/campaigns", "admin", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		var campaign = JSON.readTree(created.body()).get("id").asString();

		for (int i = 1; i <= 2; i++) {
			var contribution = JSON.createObjectNode()
					.put("title", "Besoin n° " + i + " pendant la panne")
					.put("need", "Un service numérique partagé entre collectivités.")
					.put("theme", "Dématérialisation")
					.put("authorRole", "AGENT")
					.put("authorFunction", "Chargée de mission numérique");
			var contributed = until(() -> send("POST", "/api/campaigns/" + campaign + "/contributions",
					"agent-" + contributor, contribution), 201);
			var proposal = JSON.createObjectNode()
					.put("title", "Proposition n° " + i + " de la panne")
					.put("summary", "Proposition tirée de la contribution n° " + i + ".")
					.put("theme", "Dématérialisation");
			proposal.putArray("contributionIds").add(JSON.readTree(contributed.body()).get("id").asString());
			var made = until(() -> send("POST", "/api/campaigns/" + campaign + "/proposals", "curator", proposal), 201);
			var id = JSON.readTree(made.body()).get("id").asString();
			until(() -> send("POST", "/api/proposals/" + id + "/publication", "curator", null), 204);
		}
		var moved = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var calendar = send("PUT", "/api/campaigns/" + campaign + "/calendar", "admin",
				ApiCalendars.calendar(now.minusHours(1), moved.minusSeconds(2), moved.minusSeconds(1), moved.plusDays(7)));
		assertThat(calendar.statusCode()).as(calendar.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			var listed = get("/api/campaigns/" + campaign + "/proposals", null);
			var window = get("/api/campaigns/" + campaign + "/supports-over-time", null);
			return listed.statusCode() == 200 && JSON.readTree(listed.body()).size() == 2 && window.statusCode() == 200
					&& !OffsetDateTime.parse(JSON.readTree(window.body()).get("opens").asString())
							.isAfter(OffsetDateTime.now(ZoneOffset.UTC));
		});
		return campaign;
	}

	private List<String> proposalsOf(String campaign) throws Exception {
		var ids = new ArrayList<String>();
		JSON.readTree(get("/api/campaigns/" + campaign + "/proposals", null).body())
				.forEach(p -> ids.add(p.get("id").asString()));
		return ids;
	}

	private List<String> communes(int wanted) throws Exception {
		var sirens = new ArrayList<String>();
		// a new database: the directory's first load runs in the background, and lookups wait for it
		var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/collectivites?kind=COMMUNE&size=" + wanted))
				.timeout(Duration.ofMinutes(3)).GET().build();
		var body = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		(body.isArray() ? body : body.get("content")).forEach(c -> sirens.add(c.get("siren").asString()));
		assertThat(sirens).hasSize(wanted);
		return sirens;
	}

	// --- what is checked --------------------------------------------------------------------------------------------

	private static void assertUnavailableProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(response.body()).contains("\"status\":503").contains("momentanément indisponible");
	}

	private static void assertUnavailablePage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(response.body()).contains("Service momentanément indisponible").contains("Erreur 503")
				.doesNotContain("Identifiant ou mot de passe incorrect");
	}

	/** Voting's count of each proposal equals governance's live count, fed by voting's events. */
	private boolean governanceMeetsVoting(String campaign) throws Exception {
		var voting = new HashMap<String, Long>();
		JSON.readTree(get("/api/campaigns/" + campaign + "/proposals", null).body())
				.forEach(p -> voting.put(p.get("id").asString(), p.get("supportCount").asLong()));
		var response = send("GET", "/api/campaigns/" + campaign + "/decision-inputs", "admin", null);
		if (response.statusCode() != 200) {
			return false;
		}
		var governance = new HashMap<String, Long>();
		JSON.readTree(response.body()).get("proposals")
				.forEach(row -> governance.put(row.get("proposalId").asString(), row.get("supports").asLong()));
		return voting.equals(governance);
	}

	private long votingCount(String campaign, String proposal) throws Exception {
		for (JsonNode p : JSON.readTree(get("/api/campaigns/" + campaign + "/proposals", null).body())) {
			if (p.get("id").asString().equals(proposal)) {
				return p.get("supportCount").asLong();
			}
		}
		throw new IllegalStateException("Proposition inconnue : " + proposal);
	}

	private void assertTalliesEqualTheStoredSupports(String campaign) throws Exception {
		for (JsonNode p : JSON.readTree(get("/api/campaigns/" + campaign + "/proposals", null).body())) {
			assertThat(p.get("supportCount").asLong())
					.isEqualTo(count("select count(*) from voting.support where proposal_id = ?::uuid",
							p.get("id").asString()));
		}
	}

	private long governanceDeliveriesUnderWay() throws SQLException {
		return count("""
				select count(*) from event_publication
				where completion_date is null and listener_id like 'cocon.governance.%'
				  and event_type like '%SupportsRecorded'""");
	}

	private long incompletePublications() throws SQLException {
		return count("select count(*) from event_publication where completion_date is null");
	}

	private long supportsOf(String siren) throws SQLException {
		return count("select count(*) from voting.support where siren = ?", siren);
	}

	private long supportsOf(String siren, String proposal) throws SQLException {
		return count("select count(*) from voting.support where siren = ? and proposal_id = ?::uuid", siren, proposal);
	}

	private long count(String sql, Object... parameters) throws SQLException {
		try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (var rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	// --- HTTP -------------------------------------------------------------------------------------------------------

	private HttpResponse<String> support(String siren, String proposal) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/proposals/" + proposal + "/support"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", ApiRequests.basic("agent-" + siren))
				.PUT(HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String user, JsonNode body)
			throws IOException, InterruptedException {
		return http.send(ApiRequests.json(baseUrl + path, method, user, body).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Retries while the module asked has not yet learned, from an event, what the request refers to (404, 409). */
	private HttpResponse<String> until(java.util.concurrent.Callable<HttpResponse<String>> call, int expected) {
		var answer = new HttpResponse[1];
		Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
			answer[0] = call.call();
			if (answer[0].statusCode() != expected && answer[0].statusCode() != 404 && answer[0].statusCode() != 409) {
				throw new AssertionError(answer[0].statusCode() + " " + answer[0].body());
			}
			return answer[0].statusCode() == expected;
		});
		@SuppressWarnings("unchecked")
		HttpResponse<String> response = answer[0];
		return response;
	}

	/** The sign-in page, fetched before the outage: its session and CSRF token, to post the form during it. */
	private final class SignInPage {

		private final String cookie;
		private final String csrf;

		SignInPage() throws IOException, InterruptedException {
			var page = get("/connexion", "text/html");
			cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
			var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(token.find()).as("jeton CSRF du formulaire de connexion").isTrue();
			csrf = token.group(1);
		}

		HttpResponse<String> signIn(String siren) throws IOException, InterruptedException {
			var form = "persona=agent&siren=" + siren + "&password=demo&_csrf="
					+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			var request = HttpRequest.newBuilder(URI.create(baseUrl + "/connexion"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html")
					.header("Cookie", cookie)
					.POST(HttpRequest.BodyPublishers.ofString(form));
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	// --- figures ------------------------------------------------------------------------------------------------------

	private interface Call {
		HttpResponse<String> call() throws Exception;
	}

	/** What was asked during the outage and how long its answer took, in order. */
	private static final class LinkedHashMapOfDurations extends java.util.LinkedHashMap<String, Long> {
	}

	private static HttpResponse<String> timed(Map<String, Long> figures, String what, Call call) throws Exception {
		long start = System.nanoTime();
		var response = call.call();
		long took = System.nanoTime() - start;
		figures.put(what, took);
		assertThat(Duration.ofNanos(took)).as("réponse à « %s » pendant la panne", what).isLessThan(A_FEW_SECONDS);
		return response;
	}

	private static String millis(long nanos) {
		return String.format(Locale.FRANCE, "%,d ms", nanos / 1_000_000);
	}

	/** The server's port, bound again by its restart after the outage: none another test JVM may take meanwhile. */
	private static int freePort() {
		return cocon.testing.FreePorts.next();
	}
}
