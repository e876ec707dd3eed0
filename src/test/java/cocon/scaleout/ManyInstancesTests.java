package cocon.scaleout;

import static cocon.testing.ApiRequests.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import cocon.testing.ApiCalendars;
import cocon.testing.ApiRequests;
import cocon.testing.InstanceLauncher;
import cocon.testing.SupportsBurst;
import cocon.testing.SupportsOpen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, acceptance 1 and 3: three instances of the application, each in a JVM of its own as it is shipped (main
 * class, demo identities), on one PostgreSQL (the test suite's server, a database of this test). Supports are sent
 * to the instances in turn; one of them is killed ({@code kill -9}) in the middle of the burst, leaving its
 * publications outstanding, and the two others carry on. Then the calendar is moved past the close of supports.
 * Seen: every tally exact; what the killed instance left outstanding delivered by the others within the bound; the
 * copies of governance and referents counted once; {@code SupportsClosed} published exactly once although every
 * instance checks every second; a session opened on one instance valid on another; a scheduled job run by one
 * instance per tick; nothing sent to Kafka (off by default).
 */
class ManyInstancesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DATABASE = "many_instances";

	private static final int PROPOSALS = 3;

	private static final int COMMUNES = 200;

	private static final int CLIENTS = 12;

	/** Acknowledged supports after which the third instance is killed: well inside the burst of 600. */
	private static final int KILL_AFTER = 200;

	/** Kept when the test fails: the instances' logs ({@code <name>.log}) say what they did. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private InstanceLauncher instances;

	private String jdbcUrl;

	@BeforeEach
	void launcherWithTheTickJob() throws IOException {
		instances = new InstanceLauncher(work, tickJob());
	}

	@AfterEach
	void stopWhatThisTestStarted() throws Exception {
		instances.stopAll();
	}

	@Test
	void threeInstancesOnOneDatabaseGiveTheResultsOfOne() throws Exception {
		long began = System.nanoTime();
		jdbcUrl = InstanceLauncher.freshDatabase(DATABASE);
		var ports = List.of(InstanceLauncher.freePort(), InstanceLauncher.freePort(), InstanceLauncher.freePort());
		// the first one migrates the database and loads the directory; the two others then start together
		var a = start("a", ports.get(0), true);
		awaitUp("a", a, ports.get(0));
		var b = start("b", ports.get(1), false);
		var c = start("c", ports.get(2), false);
		awaitUp("b", b, ports.get(1));
		awaitUp("c", c, ports.get(2));
		phase("trois instances démarrées", began);

		// a session opened on one instance is valid on another (Spring Session JDBC, ADR 0023)
		var session = signIn(ports.get(0), "curator");
		var me = send(ports.get(1), "GET", "/api/me", null, null, session);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo("curator");
		assertThat(send(ports.get(2), "GET", "/api/me", null, null, session).statusCode()).isEqualTo(200);
		assertThat(send(ports.get(1), "GET", "/api/me", null, null, null).statusCode()).as("sans la session").isEqualTo(401);

		var campaign = SupportsOpen.prepare("Plusieurs instances", "Campagne du test à plusieurs instances.", PROPOSALS,
				ports.stream().map(this::api).toList());
		phase("campagne préparée par l'API, une requête par instance à tour de rôle", began);
		var proposals = new ArrayList<String>();
		for (var proposal : getJson(ports.get(1), "/api/campaigns/" + campaign + "/proposals")) {
			proposals.add(proposal.get("id").asString());
		}
		var pairs = SupportsBurst.pairs(proposals, SupportsOpen.communes(api(ports.get(2)), COMMUNES));

		// the burst, to the three instances in turn, and kill -9 of the third in its middle: the two others go on
		var burst = SupportsBurst.send(pairs, CLIENTS, KILL_AFTER, c::destroyForcibly, false, Duration.ofMinutes(3),
				(i, pair, killed) -> send(killed ? ports.get(i % 2) : ports.get(i % 3), "PUT",
						"/api/proposals/" + pair.proposal() + "/support", "agent-" + pair.siren(), null, null)
						.statusCode());
		var answers = burst.answers();
		var unanswered = burst.unanswered();
		assertThat(c.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(c.exitValue()).as("kill -9").isEqualTo(137);
		assertThat(answers.values()).as("aucune réponse autre que 201").containsOnly(201);
		var acknowledgedPairs = answers.keySet();
		phase("rafale sur trois instances, la troisième tuée au milieu", began);

		var stored = SupportsBurst.stored(jdbcUrl, campaign);
		assertThat(stored).as("chaque soutien acquitté est stocké").containsAll(acknowledgedPairs);
		assertThat(stored).isSubsetOf(new HashSet<>(pairs));
		var storedPerProposal = SupportsBurst.perProposal(stored);
		for (var proposal : proposals) {
			assertThat(sql("select coalesce(sum(support_count), 0) from voting.tally where proposal_id = ?", proposal))
					.as("décompte exact de %s", proposal).isEqualTo(storedPerProposal.getOrDefault(proposal, 0L));
		}

		// what the killed instance left outstanding (its feed lines, its publications being delivered) reaches
		// governance and referents through the two others: the feed sweep and the resubmission job, locked
		withSchedulingState(
				() -> SupportsBurst.awaitCopiesCounted(jdbcUrl, proposals, storedPerProposal, Duration.ofSeconds(90)));
		double recovered = (System.nanoTime() - burst.killedAt()) / 1e9;
		long resubmitted = sql("select count(*) from event_publication_archive where completion_attempts > 1", null);
		System.out.printf(Locale.ROOT, "Instance tuée après %d soutiens acquittés (%d sans réponse) ; la gouvernance et "
				+ "les territoires référents au décompte du vote %.1f s après l'arrêt (%d publications livrées de "
				+ "nouveau)%n", KILL_AFTER, unanswered.size(), recovered, resubmitted);
		phase("reprise par les deux autres instances", began);

		// the close: every instance checks every second; one closes, SupportsClosed is published once
		var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var calendar = ApiCalendars.calendar(now.minusHours(2), now.minusMinutes(3), now.minusMinutes(2),
				now.minusSeconds(45));
		expect(send(ports.get(0), "PUT", "/api/campaigns/" + campaign + "/calendar", "admin", calendar, null), 200);
		withSchedulingState(() -> Awaitility.await("la gouvernance reçoit le décompte final")
				.atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
				.until(() -> sql("select count(*) from " + governanceClosed() + " where campaign_id = ?", campaign) == 1));
		// every instance has five more checks: none publishes again
		Awaitility.await("la clôture n'est pas publiée de nouveau").during(Duration.ofSeconds(5))
				.atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
				.until(() -> sql("select count(*) from (select 1 from event_publication where event_type like "
						+ "'%SupportsClosed' and serialized_event like ? union all select 1 from event_publication_archive "
						+ "where event_type like '%SupportsClosed' and serialized_event like ?) p", "%" + campaign + "%",
						"%" + campaign + "%") == closedPublicationsNow(campaign));
		long total = stored.size();
		assertThat(sql("select total_supports from " + governanceClosed() + " where campaign_id = ?", campaign))
				.isEqualTo(total);
		assertThat(sql("select coalesce(sum(support_count), 0) from governance.final_tally where campaign_id = ?",
				campaign)).as("décompte final de la gouvernance").isEqualTo(total);
		var closedPublications = rows("""
				select listener_id, count(*) from (
				  select listener_id, serialized_event, event_type from event_publication
				  union all select listener_id, serialized_event, event_type from event_publication_archive) p
				where event_type like '%SupportsClosed' and serialized_event like ?
				group by listener_id""", "%" + campaign + "%");
		assertThat(closedPublications).as("SupportsClosed publié, à chacun de ses auditeurs").isNotEmpty();
		closedPublications.forEach((listener, count) -> assertThat(count)
				.as("SupportsClosed publié une seule fois (%s)", listener).isEqualTo(1));

		// a scheduled job runs on one instance per tick: no two runs closer than its lock's minimum (1.9 s), although
		// the instances all fire it every 2 seconds
		var gaps = rows("""
				select instance || ' ' || ran_at, extract(epoch from ran_at - lag(ran_at) over (order by ran_at)) * 1000
				from public.scaleout_tick""", null);
		gaps.values().removeIf(java.util.Objects::isNull);
		assertThat(gaps).as("des exécutions de la tâche de test").hasSizeGreaterThan(5);
		assertThat(gaps.values()).as("écarts entre deux exécutions (ms)").allSatisfy(gap -> assertThat(gap)
				.isGreaterThanOrEqualTo(1_500));

		// Kafka is off by default: no publication to an externaliser
		assertThat(sql("select count(*) from event_publication_archive where listener_id ilike ?", "%externali%"))
				.isZero();
		phase("vérifications", began);
	}

	private static void phase(String what, long began) {
		System.out.printf(Locale.ROOT, "[%.1f s] %s%n", (System.nanoTime() - began) / 1e9, what);
	}

	// --- the instances -------------------------------------------------------------------------------------------

	/**
	 * A folder for the instances' classpath holding the test's scheduled job and the auto-configuration entry that
	 * adds it (the launcher leaves the test classes out).
	 */
	private Path tickJob() throws IOException {
		var extra = work.resolve("tick");
		var tickClass = "cocon/scaleout/TickJob.class";
		Files.createDirectories(extra.resolve("cocon/scaleout"));
		Files.copy(InstanceLauncher.testClasses().resolve(tickClass), extra.resolve(tickClass));
		var imports = extra.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		Files.createDirectories(imports.getParent());
		Files.writeString(imports, TickJob.class.getName() + "\n");
		return extra;
	}

	private Process start(String name, int port, boolean loadsDirectory) throws Exception {
		return instances.start(name, port, InstanceLauncher.onDatabase(jdbcUrl),
				"-Dcocon.test.instance=" + name,
				"-Dcocon.directory.load-on-startup=" + loadsDirectory,
				// every instance checks the close every second (and, as every launched instance, resubmits failed
				// publications every second), with bounds of seconds instead of the production minutes (ADR 10, 11)
				"-Dcocon.voting.close-check.cron=* * * * * *", "-Dcocon.voting.close-check.lock-at-least=PT0.5S",
				"-Dcocon.rate-limits.enabled=false");
	}

	private void awaitUp(String name, Process app, int port) {
		instances.awaitUp(name, app, port, "/actuator/health/readiness");
	}

	// --- a session opened by the sign-in form ----------------------------------------------------------------------

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** Signs in with the form on the instance; returns the session cookie ({@code JSESSIONID=…}). */
	private String signIn(int port, String persona) throws Exception {
		var page = send(port, "GET", "/connexion", null, null, null);
		assertThat(page.statusCode()).isEqualTo(200);
		var token = CSRF.matcher(page.body());
		assertThat(token.find()).as("jeton CSRF du formulaire de connexion").isTrue();
		var form = "username=" + persona + "&password=demo&_csrf=" + java.net.URLEncoder.encode(token.group(1),
				StandardCharsets.UTF_8);
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"))
				.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", sessionCookie(page)).POST(HttpRequest.BodyPublishers.ofString(form)).build();
		var signedIn = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("connexion par le formulaire").isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("erreur");
		return sessionCookie(signedIn);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
				.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).reduce((x, y) -> y)
				.orElseThrow(() -> new AssertionError("pas de cookie de session : " + response.headers()));
	}

	// --- what is stored -----------------------------------------------------------------------------------------

	/** Governance's table of the campaigns whose final tally arrived. */
	private String governanceClosed() {
		return "governance.closed_campaign";
	}

	/** A wait for the instances' scheduled work, whose failure says where that work stands. */
	private void withSchedulingState(Runnable wait) {
		try {
			wait.run();
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			throw new AssertionError(e.getMessage() + "\n" + schedulingState(), e);
		}
	}

	/**
	 * What the instances' scheduling stands at, for the message of a wait that failed: the locks of the scheduled jobs
	 * (one held by the killed instance stays until its {@code lockAtMostFor}), the publications not yet delivered and
	 * the campaigns voting closed. The instances' logs stay in the test's folder (kept when it fails).
	 */
	private String schedulingState() {
		var state = new StringBuilder("Dossier des journaux des instances : ").append(work).append('\n');
		for (var query : List.of(
				"select name, locked_by, locked_at, lock_until, now() at time zone 'UTC' as now from shedlock order by name",
				"select listener_id, event_type, publication_date, status, completion_attempts from event_publication "
						+ "where completion_date is null order by publication_date",
				"select campaign_id, total_supports, closed_at from voting.closed_campaign")) {
			state.append(query).append('\n');
			try (var connection = DriverManager.getConnection(jdbcUrl); var result = connection.createStatement()
					.executeQuery(query)) {
				var columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					for (int i = 1; i <= columns; i++) {
						state.append(i == 1 ? "  " : " | ").append(result.getString(i));
					}
					state.append('\n');
				}
			}
			catch (java.sql.SQLException e) {
				state.append("  ").append(e.getMessage()).append('\n');
			}
		}
		return state.toString();
	}

	private long closedPublicationsNow(String campaign) throws Exception {
		if (closedSeen < 0) {
			closedSeen = sql("select count(*) from (select 1 from event_publication where event_type like "
					+ "'%SupportsClosed' and serialized_event like ? union all select 1 from event_publication_archive "
					+ "where event_type like '%SupportsClosed' and serialized_event like ?) p", "%" + campaign + "%",
					"%" + campaign + "%");
		}
		return closedSeen;
	}

	private long closedSeen = -1;

	private long sql(String query, String first, String second) throws Exception {
		try (var connection = DriverManager.getConnection(jdbcUrl); var statement = connection.prepareStatement(query)) {
			statement.setString(1, first);
			statement.setString(2, second);
			var result = statement.executeQuery();
			result.next();
			return result.getLong(1);
		}
	}

	private long sql(String query, String parameter) throws Exception {
		try (var connection = DriverManager.getConnection(jdbcUrl); var statement = connection.prepareStatement(query)) {
			if (parameter != null) {
				statement.setObject(1, parameter.contains("%") ? parameter : UUID.fromString(parameter));
			}
			var result = statement.executeQuery();
			result.next();
			return result.getLong(1);
		}
	}

	/** A two-column query as a map (first column to the second as a number, or null). */
	private Map<String, Long> rows(String query, String parameter) throws Exception {
		var rows = new java.util.LinkedHashMap<String, Long>();
		try (var connection = DriverManager.getConnection(jdbcUrl); var statement = connection.prepareStatement(query)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			var result = statement.executeQuery();
			while (result.next()) {
				var value = result.getObject(2);
				rows.put(result.getString(1), value == null ? null : ((Number) value).longValue());
			}
		}
		return rows;
	}

	// --- HTTP ------------------------------------------------------------------------------------------------------

	/** The API of the instance on {@code port}, for {@link SupportsOpen}. */
	private SupportsOpen.Api api(int port) {
		return (method, path, user, body) -> send(port, method, path, user, body, null);
	}

	private JsonNode getJson(int port, String path) throws Exception {
		return JSON.readTree(expect(send(port, "GET", path, null, null, null), 200).body());
	}

	/** A request as {@link ApiRequests#json} sends it, or for a page ({@code text/html}), with the session when given. */
	private HttpResponse<String> send(int port, String method, String path, String user, JsonNode body, String cookie)
			throws IOException, InterruptedException {
		var request = ApiRequests.json("http://127.0.0.1:" + port + path, method, user, body);
		if (!path.startsWith("/api/") && !path.startsWith("/actuator")) {
			request.setHeader("Accept", "text/html");
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
