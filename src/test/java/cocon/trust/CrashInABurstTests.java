package cocon.trust;

import static cocon.testing.ApiRequests.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import cocon.testing.ApiRequests;
import cocon.testing.InstanceLauncher;
import cocon.testing.SupportsBurst;
import cocon.testing.SupportsOpen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, "crash in a burst": the application runs in a JVM of its own, as it is shipped (main class, embedded
 * durable PostgreSQL, demo identities), and is killed with {@code kill -9} while many collectivités send supports
 * over HTTP. Restarted on the same data folder (its orphaned PostgreSQL is stopped by the new start, ADR 0009), it
 * must have stored every support it answered 201 or 200, keep every tally equal to the stored supports, hold no
 * duplicate, and deliver what was outstanding at the crash to governance and referents until their counts meet
 * voting's. The figures (acknowledged, stored, unanswered) are printed for the README.
 */
class CrashInABurstTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PROPOSALS = 3;

	private static final int COMMUNES = 300;

	private static final int CLIENTS = 24;

	/** Acknowledged supports after which the application is killed: well inside the burst of 900. */
	private static final int KILL_AFTER = 250;

	/** Kept when the test fails: the instances' logs ({@code <name>.log}) say what they did. */
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private InstanceLauncher instances;

	private int httpPort;

	private int postgresPort;

	@BeforeEach
	void launcher() {
		instances = new InstanceLauncher(work);
	}

	@AfterEach
	void stopWhatThisTestStarted() throws Exception {
		// a normal stop: Spring closes the application and stops its PostgreSQL
		instances.stopAll();
		// a PostgreSQL orphaned by a failure before the restart: a smart shutdown by its pid (its clients are gone)
		var pidFile = work.resolve("postgres/postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
					.filter(p -> p.info().command().orElse("").endsWith("/postgres"))
					.ifPresent(orphan -> {
						orphan.destroy();
						orphan.onExit().join();
					});
		}
	}

	@Test
	void everySupportAnsweredBeforeAKill9IsStoredCountedOnceAndDeliveredAfterTheRestart() throws Exception {
		httpPort = InstanceLauncher.freePort();
		postgresPort = InstanceLauncher.freePort();
		long began = System.nanoTime();
		var first = start("app-1");
		phase("démarrage sur un dossier neuf", began);
		var campaign = SupportsOpen.prepare("Arrêt brutal en pleine rafale", "Campagne du test d'arrêt brutal.",
				PROPOSALS, List.<SupportsOpen.Api>of(this::send));
		phase("campagne préparée par l'API", began);
		var proposals = new ArrayList<String>();
		for (var proposal : getJson("/api/campaigns/" + campaign + "/proposals", null)) {
			proposals.add(proposal.get("id").asString());
		}
		var pairs = SupportsBurst.pairs(proposals, SupportsOpen.communes(this::send, COMMUNES));

		// the burst, and kill -9 of the application in its middle
		var burst = SupportsBurst.send(pairs, CLIENTS, KILL_AFTER, first::destroyForcibly, true, Duration.ofMinutes(2),
				(i, pair, killed) -> send("PUT", "/api/proposals/" + pair.proposal() + "/support",
						"agent-" + pair.siren(), null).statusCode());
		var answers = burst.answers();
		var unanswered = burst.unanswered();
		var killed = burst.killed();
		assertThat(killed).as("l'application est tuée au milieu de la rafale").isTrue();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("kill -9").isEqualTo(137);
		var acknowledgedPairs = burst.acknowledged();
		assertThat(answers.values()).as("aucune réponse autre que 201 avant l'arrêt").containsOnly(201);
		phase("rafale et arrêt brutal", began);

		// what governance and referents had received when the process died (its orphaned PostgreSQL still answers):
		// the rest was outstanding, in voting's feed or in the event publication registry
		var atCrash = SupportsBurst.stored(jdbcUrl(), campaign).size();
		long governanceAtCrash = sql("select coalesce(sum(support_count), 0) from governance.live_tally where campaign_id = ?",
				campaign);
		long referentsAtCrash = 0;
		for (var proposal : proposals) {
			referentsAtCrash += sql("select count(*) from referents.supports where proposal_id = ?", proposal);
		}
		System.out.printf(Locale.ROOT, "Au moment de l'arrêt : %d soutiens stockés, %d reçus par la gouvernance, %d par "
				+ "les territoires référents%n", atCrash, governanceAtCrash, referentsAtCrash);
		assertThat(Math.min(governanceAtCrash, referentsAtCrash))
				.as("des soutiens restaient à livrer au moment de l'arrêt (publication par lots au plus toutes les 200 ms)")
				.isLessThan(atCrash);

		// the restart, on the same data folder and the same ports: its PostgreSQL was left running as an orphan
		start("app-2");
		phase("redémarrage sur le même dossier", began);
		assertThat(instances.log("app-2")).contains("serveur orphelin").contains("arrêté en");

		var stored = SupportsBurst.stored(jdbcUrl(), campaign);
		long unansweredStored = unanswered.stream().filter(stored::contains).count();
		System.out.printf(Locale.ROOT, "Arrêt brutal en pleine rafale : %d soutiens acquittés (201), %d sans réponse "
				+ "(en vol à l'arrêt), %d stockés après le redémarrage, dont %d sans réponse%n", acknowledgedPairs.size(),
				unanswered.size(), stored.size(), unansweredStored);
		assertThat(stored).as("chaque soutien acquitté est stocké").containsAll(acknowledgedPairs);
		assertThat(stored).as("rien d'autre que ce qui a été envoyé").isSubsetOf(new HashSet<>(pairs));
		assertThat(stored.size()).isLessThanOrEqualTo(acknowledgedPairs.size() + unanswered.size());

		var storedPerProposal = SupportsBurst.perProposal(stored);
		for (var proposal : proposals) {
			long expected = storedPerProposal.getOrDefault(proposal, 0L);
			assertThat(sql("select coalesce(sum(support_count), 0) from voting.tally where proposal_id = ?", proposal))
					.as("décompte de %s", proposal).isEqualTo(expected);
			assertThat(publicSupporters(proposal)).as("soutiens publiés de %s, sans doublon", proposal)
					.hasSize((int) expected).doesNotHaveDuplicates();
		}
		for (var listed : getJson("/api/campaigns/" + campaign + "/proposals", null)) {
			assertThat(listed.get("supportCount").asLong())
					.isEqualTo(storedPerProposal.getOrDefault(listed.get("id").asString(), 0L));
		}

		// what was outstanding at the crash reaches governance and referents after the restart
		long restarted = System.nanoTime();
		SupportsBurst.awaitCopiesCounted(jdbcUrl(), proposals, storedPerProposal, Duration.ofSeconds(60));
		System.out.printf(Locale.ROOT, "Gouvernance et territoires référents au décompte du vote %.1f s après le "
				+ "redémarrage%n", (System.nanoTime() - restarted) / 1e9);
		phase("vérifications", began);
	}

	private static void phase(String what, long began) {
		System.out.printf(Locale.ROOT, "[%.1f s] %s%n", (System.nanoTime() - began) / 1e9, what);
	}

	// --- the application in a JVM of its own ----------------------------------------------------------------------

	/**
	 * Starts the application in a JVM of its own on the embedded default, durable, on a data folder of this test, with
	 * fixed ports so that the restart finds the orphan on its port; returns once it answers.
	 */
	private Process start(String name) throws Exception {
		var app = instances.start(name, httpPort, InstanceLauncher.embedded(work.resolve("postgres"), postgresPort));
		instances.awaitUp(name, app, httpPort, "/actuator/health");
		return app;
	}

	// --- what is stored and published --------------------------------------------------------------------------------

	private long sql(String query, String proposal) throws Exception {
		return SupportsBurst.count(jdbcUrl(), query, proposal);
	}

	/** The embedded PostgreSQL of the application, which outlives its JVM after a {@code kill -9}. */
	private String jdbcUrl() {
		return InstanceLauncher.embeddedJdbcUrl(postgresPort);
	}

	/** The SIRENs the public page of supporters lists for a proposal, every page. */
	private List<String> publicSupporters(String proposal) throws Exception {
		var sirens = new ArrayList<String>();
		for (int page = 0;; page++) {
			var body = getJson("/api/proposals/" + proposal + "/supports?size=500&page=" + page, null);
			body.get("content").forEach(supporter -> sirens.add(supporter.get("siren").asString()));
			if (page + 1 >= body.get("totalPages").asInt()) {
				return sirens;
			}
		}
	}

	// --- HTTP ------------------------------------------------------------------------------------------------------

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private JsonNode getJson(String path, String user) throws Exception {
		return json(expect(get(path, user), 200));
	}

	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		return send("GET", path, user, null);
	}

	private HttpResponse<String> send(String method, String path, String user, JsonNode body)
			throws IOException, InterruptedException {
		return http.send(ApiRequests.json("http://127.0.0.1:" + httpPort + path, method, user, body).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
