package cocon.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cocon.testing.ApiCalendars;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load benchmark of supports (issue 4, design brief §6), run against a running Cocon — NOT a test. It:
 * <ol>
 * <li>takes a campaign whose support window is open and whose proposals are published ({@code --campaign ID}),
 * or by default prepares one through the real APIs of the running instance, as its users would: the
 * administrator schedules it, 67 agents contribute, the curator makes 67 proposals of them and publishes them,
 * the administrator moves the calendar to open the support window, and the benchmark waits until voting lists
 * the 67 proposals (events are asynchronous);</li>
 * <li>takes thousands of distinct communes of the directory ({@code GET /api/collectivites?kind=COMMUNE}, else a
 * file, else the directory's open data on the classpath);</li>
 * <li>fires {@code PUT /api/proposals/{id}/support} from N concurrent clients (HTTP Basic
 * {@code agent-<SIREN>:demo}, session cookie reused when the server sets one) for a bounded time and count, either
 * as fast as they are answered or at a given rate ({@code --rate}, latency counted from each request's due
 * instant), and reports throughput, p50/p95/p99 latency and the server's resident memory;</li>
 * <li>checks through the public API that nothing is duplicated or lost and every tally is exact;</li>
 * <li>inserts the very same rows straight into PostgreSQL (a scratch copy of {@code voting.support}) with the
 * same concurrency, one transaction per row, for the ratio;</li>
 * <li>measures the public reads (proposal list, ranking), optionally after filling the campaign up to every
 * commune × every proposal ({@code --fill-reads}, 2.3 million rows with the 35 000 communes and 67 proposals, written
 * through JDBC: a clearly labelled fixture, since 2.3 million supports through HTTP would take an hour).</li>
 * </ol>
 * Localhost only, bounded loops. Run: see {@code --help}.
 */
public final class SupportsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Commune(String siren, String name, String departement, String region, long population) {
	}

	record Pair(String proposal, Commune commune) {
	}

	private final Map<String, String> options;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String baseUrl;
	/** With {@code --auth session}: each agent's session cookie and CSRF token, as request header lines. */
	private final Map<String, String> sessions = new ConcurrentHashMap<>();
	private final boolean plainHttp;
	private final boolean sessionAuth;

	private SupportsBenchmark(Map<String, String> options) {
		this.options = options;
		this.baseUrl = options.getOrDefault("base-url", "http://localhost:8080").replaceAll("/$", "");
		this.plainHttp = switch (options.getOrDefault("http", "plain")) {
			case "plain" -> true;
			case "jdk" -> false;
			default -> throw new IllegalArgumentException("--http plain ou --http jdk");
		};
		this.sessionAuth = switch (options.getOrDefault("auth", "basic")) {
			case "basic" -> false;
			case "session" -> true;
			default -> throw new IllegalArgumentException("--auth basic ou --auth session");
		};
		var host = URI.create(baseUrl).getHost();
		if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
			throw new IllegalArgumentException("Le banc d'essai ne vise que localhost : " + baseUrl);
		}
	}

	public static void main(String[] args) throws Exception {
		var options = parse(args);
		if (!options.containsKey("help")) {
			System.out.println("Machine : " + Runtime.getRuntime().availableProcessors() + " processeurs, charge " + loadAverage());
		}
		if (options.containsKey("help")) {
			System.out.println("""
					SupportsBenchmark --base-url http://localhost:8080 [--campaign ID] [--proposals 67] [--setup-timeout 180]
					  --jdbc-url jdbc:postgresql://localhost:PORT/postgres [--jdbc-user postgres] [--jdbc-password postgres]
					  [--collectivites 3000] [--clients 16] [--rate SUPPORTS_PER_S] [--duration 60] [--max-supports 60000] [--warmup 15000]
					  [--pid SERVER_PID] [--postgres-pid POSTMASTER_PID] [--jfr FILE.jfr] [--stats-settle 11] [--sirens-file FILE] [--read-requests 2000]
					  [--read-clients 4] [--fill-reads] [--reads-only] [--http plain|jdk] [--auth basic|session]

					Without --campaign, the campaign is prepared through the real API of the running instance
					(HTTP Basic admin:demo, curator:demo, agent-<SIREN>:demo): POST /api/campaigns, one contribution per
					agent, one proposal per contribution, publication, then PUT /api/campaigns/{id}/calendar to close the
					contribution window and open the support window now; it waits until voting lists the proposals.
					--rate sends the supports at that offered rate (open loop, latency counted from each request's due
					instant), with at most --clients in flight; without it, each client sends as soon as it is answered
					(the highest throughput, with the queueing of --clients requests in the latencies).
					--clients 16 is the setting of issue 14's figures (capacity, and --rate 650).
					--auth basic (default) sends each support with the agent's HTTP Basic credentials (demo); --auth session
					signs each commune's agent in once through the sign-in form, as a person would (the session cookie a
					ProConnect sign-in gives as well, sessions in PostgreSQL), then sends its supports with that cookie
					and the CSRF token of its pages (X-CSRF-TOKEN), the production path (issue 26).
					--http plain (default) sends the supports with a minimal HTTP/1.1 client, one kept-alive connection
					per client; --http jdk with the JDK's HttpClient, which costs the shared cores about ten times more
					CPU per request (figures of ADR 0026 before December 2026 were measured with it).
					--jdbc-url adds the raw PostgreSQL insert rate and what the measured supports cost the database:
					transactions (pg_stat_database), WAL (pg_stat_wal) and rows inserted, updated, deleted per table
					(pg_stat_user_tables), per support. PostgreSQL publishes these counters up to 10 s late: the
					benchmark waits --stats-settle seconds before each reading, so the "after" reading also counts what
					the supports caused once answered (feed publication, listeners, registry), and the periodic jobs.
					--postgres-pid counts the CPU of that postmaster and its backends only, not of every process named
					postgres (a machine shared with other embedded PostgreSQL instances).
					--jfr (with --pid, jcmd on the PATH) records the server with Java Flight Recorder, profile settings,
					during the measured window only.
					--fill-reads (FIXTURE, through JDBC) then fills the campaign up to every commune x every proposal
					for the read figures.""");
			return;
		}
		System.setProperty("jdbc.user", options.getOrDefault("jdbc-user", "postgres"));
		System.setProperty("jdbc.password", options.getOrDefault("jdbc-password", "postgres"));
		new SupportsBenchmark(options).run();
	}

	private void run() throws Exception {
		var jdbcUrl = options.get("jdbc-url");
		if (options.containsKey("seed-campaign")) {
			throw new IllegalArgumentException("--seed-campaign n'existe plus : sans --campaign, la campagne est préparée "
					+ "par l'API de l'instance (gouvernance, contributions, curation, calendrier).");
		}
		String campaign = options.get("campaign");
		if (campaign == null) {
			campaign = new ApiSetup().prepare(Integer.parseInt(options.getOrDefault("proposals", "67")),
					Duration.ofSeconds(Long.parseLong(options.getOrDefault("setup-timeout", "180"))));
		}
		var proposals = new ArrayList<String>();
		for (var proposal : getJson("/api/campaigns/" + campaign + "/proposals")) {
			proposals.add(proposal.get("id").asString());
		}
		if (proposals.isEmpty()) {
			throw new IllegalStateException("La campagne " + campaign + " n'a aucune proposition publiée.");
		}
		if (options.containsKey("reads-only")) {
			readBenchmark(campaign);
			return;
		}
		int wanted = Integer.parseInt(options.getOrDefault("collectivites", "3000"));
		var communes = communes(wanted);
		System.out.printf(Locale.ROOT, "Campagne %s : %d propositions, %d communes distinctes%n", campaign,
				proposals.size(), communes.size());

		// every commune supports every proposal, interleaved so that simultaneous requests hit different proposals
		var pairs = new ArrayList<Pair>(communes.size() * proposals.size());
		for (int round = 0; round < proposals.size(); round++) {
			for (int c = 0; c < communes.size(); c++) {
				pairs.add(new Pair(proposals.get((round + c) % proposals.size()), communes.get(c)));
			}
		}
		int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "15000"));
		long maxSupports = Long.parseLong(options.getOrDefault("max-supports", "60000"));
		var duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
		// --rate: the offered load (supports/s), open loop; without it every client sends as soon as it is answered
		double rate = Double.parseDouble(options.getOrDefault("rate", "0"));

		var before = counts(campaign);
		var created = ConcurrentHashMap.<Pair>newKeySet();
		var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
		var next = new AtomicInteger();

		if (sessionAuth) {
			signIn(communes, clients);
		}
		// warm-up (JIT, pools), the same way as the measure: counted in the checks, not in the figures
		fire(pairs, next, Math.min(warmup, pairs.size()), clients, Duration.ofMinutes(2), rate, created, statuses, null);
		var settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("stats-settle", "11")));
		var statsBefore = jdbcUrl == null ? null : DatabaseCounters.read(jdbcUrl, settle);
		var recording = new FlightRecording(options.get("pid"), options.get("jfr"));
		recording.start();
		var memory = new MemorySampler(options.get("pid"));
		memory.start();
		var latencies = new LatencyRecorder();
		long limit = Math.min(pairs.size(), next.get() + maxSupports);
		var cpuBefore = CpuTimes.read(options.get("pid"), options.get("postgres-pid"));
		long start = System.nanoTime();
		int first = next.get();
		fire(pairs, next, (int) limit, clients, duration, rate, created, statuses, latencies);
		double seconds = (System.nanoTime() - start) / 1e9;
		int done = Math.min(next.get(), (int) limit) - first;
		var cpuAfter = CpuTimes.read(options.get("pid"), options.get("postgres-pid"));
		memory.stop();
		recording.stop();
		var statsAfter = jdbcUrl == null ? null : DatabaseCounters.read(jdbcUrl, settle);
		// one more window without any support: what the periodic jobs cost by themselves, to subtract
		var statsQuiet = jdbcUrl == null ? null : DatabaseCounters.read(jdbcUrl, settle);

		System.out.println();
		System.out.println("== Soutiens par l'API HTTP == (charge de la machine à la fin : " + loadAverage() + ")");
		System.out.printf(Locale.ROOT, "%d requêtes en %.1f s avec %d clients%s : %.0f soutiens/s%n", done, seconds,
				clients, rate > 0 ? String.format(Locale.ROOT, ", cadence demandée %.0f/s", rate)
						: " (chacun renvoie dès qu'il a sa réponse)", done / seconds);
		System.out.println("Client HTTP du banc d'essai : " + (plainHttp ? "minimal, une connexion gardée ouverte par client (--http plain)"
				: "HttpClient du JDK (--http jdk)"));
		System.out.println("Authentification : " + (sessionAuth
				? "cookie de session et jeton CSRF, une connexion par le formulaire par agent (--auth session)"
				: "HTTP Basic de démonstration à chaque requête (--auth basic)"));
		latencies.print("PUT /api/proposals/{id}/support");
		System.out.println("Statuts (échauffement compris) : " + statuses);
		memory.print();
		cpuAfter.printSince(cpuBefore, done, seconds);
		if (statsBefore != null) {
			statsAfter.printCostSince(statsBefore, done, settle, statsQuiet, seconds + settle.toSeconds());
		}

		check(campaign, before, created);
		double httpRate = done / seconds;

		if (jdbcUrl != null) {
			var raw = rawInsertRate(jdbcUrl, pairs.subList(0, Math.min(pairs.size(), first + done)), clients);
			System.out.println();
			System.out.println("== PostgreSQL brut (mêmes lignes, même concurrence, une transaction par ligne) ==");
			System.out.printf(Locale.ROOT, "%.0f insertions/s — rapport HTTP / brut : %.2f%n", raw, httpRate / raw);
			if (options.containsKey("fill-reads")) {
				fillEveryCommuneTimesEveryProposal(jdbcUrl, campaign);
			}
		}
		readBenchmark(campaign);
	}

	// --- the campaign, prepared through the real API ---------------------------------------------------------------

	/**
	 * Prepares a campaign as its users would, through the running instance's API only: the administrator schedules
	 * it (contribution window open now, the others ahead), one agent per proposal contributes, the curator makes
	 * one proposal of each contribution and publishes it, then the administrator moves the calendar so that the
	 * contribution window is closed and the support window open now. Every module learns of the others through
	 * asynchronous events, so each step that depends on another module is retried (bounded) until it is accepted.
	 */
	final class ApiSetup {

		private static final List<String> THEMES = List.of("Dématérialisation", "Mobilités", "Énergie", "Accessibilité",
				"Urbanisme", "Logement", "Santé", "Éducation", "Environnement", "Culture", "Sécurité", "Tourisme", "Social");

		String prepare(int count, Duration timeout) throws Exception {
			long began = System.nanoTime();
			var deadline = System.nanoTime() + timeout.toNanos();
			var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			var contributionsOpen = now.minusHours(1);
			var scheduled = ApiCalendars.calendar(contributionsOpen, now.plusDays(1), now.plusDays(2), now.plusDays(9));
			var body = JSON.createObjectNode()
					.put("title", "Campagne du banc d'essai " + now)
					.put("description", "Campagne préparée par le banc d'essai des soutiens (SupportsBenchmark).")
					.put("envelopeEuros", 30_000_000L)
					.put("targetShortlistSize", 17);
			THEMES.forEach(body.putArray("themes")::add);
			var kinds = body.putArray("supportKinds");
			List.of("COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE").forEach(kinds::add);
			body.set("calendar", scheduled);
			var created = expect(send("POST", "/api/campaigns", "admin", body), 201, "POST /api/campaigns");
			var campaign = JSON.readTree(created.body()).get("id").asString();
			System.out.println("Campagne créée par l'API (admin) : " + campaign);

			// one agent of a distinct commune per contribution
			var agents = communes(count);
			if (agents.size() < count) {
				throw new IllegalStateException("Il faut " + count + " communes distinctes, l'annuaire en donne " + agents.size());
			}
			var contributions = new ArrayList<String>(count);
			for (int i = 0; i < count; i++) {
				var commune = agents.get(i);
				var contribution = JSON.createObjectNode()
						.put("title", "Besoin n° " + (i + 1) + " de " + commune.name())
						.put("need", "Un service numérique partagé entre collectivités (besoin n° " + (i + 1) + ").")
						.put("theme", THEMES.get(i % THEMES.size()))
						.put("authorRole", "AGENT")
						.put("authorFunction", "Chargée de mission numérique");
				// intake learns of the campaign from governance's CampaignScheduled: 404 until then
				var response = until(() -> send("POST", "/api/campaigns/" + campaign + "/contributions",
						"agent-" + commune.siren(), contribution), 201, deadline, "POST /api/campaigns/{id}/contributions");
				contributions.add(JSON.readTree(response.body()).get("id").asString());
			}
			System.out.printf(Locale.ROOT, "%d contributions déposées par %d agents%n", contributions.size(), count);

			var proposals = new ArrayList<String>(count);
			for (int i = 0; i < count; i++) {
				var proposal = JSON.createObjectNode()
						.put("title", "Proposition du banc d'essai n° " + (i + 1))
						.put("summary", "Proposition tirée de la contribution n° " + (i + 1) + ".")
						.put("theme", THEMES.get(i % THEMES.size()));
				proposal.putArray("contributionIds").add(contributions.get(i));
				// curation learns of the campaign and of the contribution from events: 404 until then
				var response = until(() -> send("POST", "/api/campaigns/" + campaign + "/proposals", "curator", proposal),
						201, deadline, "POST /api/campaigns/{id}/proposals");
				var id = JSON.readTree(response.body()).get("id").asString();
				until(() -> send("POST", "/api/proposals/" + id + "/publication", "curator", null), 204, deadline,
						"POST /api/proposals/{id}/publication");
				proposals.add(id);
			}
			System.out.printf(Locale.ROOT, "%d propositions créées et publiées (curator)%n", proposals.size());

			// contribution window closed, support window open now; the later dates stay ahead
			var moved = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			expect(send("PUT", "/api/campaigns/" + campaign + "/calendar", "admin",
					ApiCalendars.calendar(contributionsOpen, moved.minusSeconds(2), moved.minusSeconds(1), moved.plusDays(7))), 200,
					"PUT /api/campaigns/{id}/calendar");

			// voting learns of the publications and of the calendar from events: wait, bounded
			await("voting liste les " + count + " propositions publiées", deadline, () -> {
				var listed = get("/api/campaigns/" + campaign + "/proposals");
				return listed.statusCode() == 200 && JSON.readTree(listed.body()).size() == count;
			});
			await("voting voit la période de soutien ouverte", deadline, () -> {
				var window = get("/api/campaigns/" + campaign + "/supports-over-time");
				if (window.statusCode() != 200) {
					return false;
				}
				var opens = OffsetDateTime.parse(JSON.readTree(window.body()).get("opens").asString());
				return !opens.isAfter(OffsetDateTime.now(ZoneOffset.UTC));
			});
			System.out.printf(Locale.ROOT, "Campagne prête par l'API en %.1f s : %d propositions publiées, soutiens ouverts%n",
					(System.nanoTime() - began) / 1e9, count);
			return campaign;
		}

		private HttpResponse<String> until(Callable<HttpResponse<String>> call, int expected, long deadline, String what)
				throws Exception {
			HttpResponse<String> last = null;
			while (System.nanoTime() < deadline) {
				last = call.call();
				if (last.statusCode() == expected) {
					return last;
				}
				// 404/409: the module has not received the event yet; anything else is a real refusal
				if (last.statusCode() != 404 && last.statusCode() != 409) {
					break;
				}
				pause();
			}
			return expect(last, expected, what);
		}

		private void await(String what, long deadline, Callable<Boolean> condition) throws Exception {
			while (!condition.call()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Délai de préparation dépassé : " + what);
				}
				pause();
			}
		}

		private void pause() {
			// a bounded poll between two attempts (this is a benchmark, not a test)
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		}

		private HttpResponse<String> expect(HttpResponse<String> response, int expected, String what) {
			if (response == null || response.statusCode() != expected) {
				throw new IllegalStateException(what + " → " + (response == null ? "aucune réponse"
						: response.statusCode() + " " + response.body()));
			}
			return response;
		}

		private HttpResponse<String> send(String method, String path, String user, JsonNode body)
				throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", basic(user))
					.header("Accept", "application/json");
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
						.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	// --- supports over HTTP ----------------------------------------------------------------------------------

	/**
	 * Sends the supports of {@code pairs} from {@code next} on, until {@code limit} or the end of {@code duration}.
	 * With a {@code rate} (supports/s), request n is due at start + n / rate and its latency counts from that
	 * instant, so that a server falling behind is measured as such (no coordinated omission); without it, each
	 * client sends its next request as soon as it is answered.
	 */
	private void fire(List<Pair> pairs, AtomicInteger next, int limit, int clients, Duration duration, double rate,
			Set<Pair> created, Map<Integer, AtomicInteger> statuses, LatencyRecorder latencies) throws Exception {
		long begin = System.nanoTime();
		int first = next.get();
		long deadline = begin + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			var futures = new ArrayList<Future<?>>();
			for (int t = 0; t < clients; t++) {
				futures.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						int index = next.getAndIncrement();
						if (index >= limit) {
							return null;
						}
						var pair = pairs.get(index);
						long sent = System.nanoTime();
						if (rate > 0) {
							long due = begin + (long) ((index - first) * 1e9 / rate);
							for (long wait = due - sent; wait > 0; wait = due - System.nanoTime()) {
								java.util.concurrent.locks.LockSupport.parkNanos(wait);
							}
							sent = due;
						}
						int status = support(pair);
						if (latencies != null) {
							latencies.record(sent, System.nanoTime() - sent);
						}
						statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
						if (status == 201) {
							created.add(pair);
						}
					}
					return null;
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		if (next.get() > limit) {
			next.set(limit);
		}
	}

	private int support(Pair pair) {
		var username = "agent-" + pair.commune().siren();
		var path = "/api/proposals/" + pair.proposal() + "/support";
		var credentials = sessionAuth ? sessions.get(username) : "Authorization: " + basic(username);
		var address = address(pair.commune());
		if (plainHttp) {
			try {
				return PlainHttp.current(baseUrl).send("PUT", path, credentials + "\r\nX-Forwarded-For: " + address).status();
			}
			catch (IOException e) {
				return -1;
			}
		}
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.PUT(HttpRequest.BodyPublishers.noBody());
		for (var line : credentials.split("\r\n")) {
			var header = line.split(": ", 2);
			request.header(header[0], header[1]);
		}
		request.header("X-Forwarded-For", address);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -2;
		}
	}

	// --- sign-in of every agent (--auth session) ---------------------------------------------------------------------

	private static final java.util.regex.Pattern CSRF_FIELD = java.util.regex.Pattern
			.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/**
	 * Signs each commune's agent in through the demo sign-in form, as a person would: the form's page (a session and
	 * its CSRF token), the form sent (a new session id, the identity stored in PostgreSQL), then a page to read the
	 * CSRF token of the signed-in session, which an API write authenticated by the cookie must carry (ADR 35). Not
	 * measured; each agent from its own address, as its supports.
	 */
	private void signIn(List<Commune> communes, int clients) throws Exception {
		long start = System.nanoTime();
		var pool = Executors.newFixedThreadPool(clients);
		try {
			var futures = new ArrayList<Future<?>>();
			for (var commune : communes) {
				futures.add(pool.submit(() -> {
					signIn(commune);
					return null;
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf(Locale.ROOT, "%d agents connectés par le formulaire en %.1f s (session et jeton CSRF chacun)%n",
				sessions.size(), (System.nanoTime() - start) / 1e9);
	}

	private void signIn(Commune commune) throws Exception {
		var address = address(commune);
		var form = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/connexion")).timeout(Duration.ofSeconds(60))
				.header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
		var cookie = cookieOf(form).orElseThrow(() -> new IllegalStateException("GET /connexion sans cookie de session"));
		var body = "persona=agent&siren=" + commune.siren() + "&password=demo&_csrf="
				+ java.net.URLEncoder.encode(csrfOf(form.body()), StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/connexion")).timeout(Duration.ofSeconds(60))
				.header("X-Forwarded-For", address).header("Cookie", cookie)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("erreur")) {
			throw new IllegalStateException("Connexion de agent-" + commune.siren() + " refusée : " + signedIn.statusCode()
					+ " " + signedIn.headers().firstValue("Location").orElse(""));
		}
		cookie = cookieOf(signedIn).orElse(cookie);
		var page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).timeout(Duration.ofSeconds(60))
				.header("X-Forwarded-For", address).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
		cookie = cookieOf(page).orElse(cookie);
		sessions.put("agent-" + commune.siren(), "Cookie: " + cookie + "\r\nX-CSRF-TOKEN: " + csrfOf(page.body()));
	}

	private static java.util.Optional<String> cookieOf(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().map(PlainHttp::sessionCookie)
				.flatMap(java.util.Optional::stream).reduce((first, last) -> last);
	}

	private static String csrfOf(String html) {
		var matcher = CSRF_FIELD.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("Aucun jeton CSRF dans la page");
		}
		return matcher.group(1);
	}

	/**
	 * The address each commune's agent comes from, as a reverse proxy tells it ({@code X-Forwarded-For}, honoured from
	 * the loopback: {@code server.forward-headers-strategy}): thousands of agents do not share one address, and the
	 * per-address rate limit (1 500 supports a second) judges each as it would in production.
	 */
	private static String address(Commune commune) {
		int h = commune.siren().hashCode();
		return "10." + ((h >>> 16) & 255) + "." + ((h >>> 8) & 255) + "." + (h & 255);
	}

	/**
	 * The load generator's HTTP/1.1 client for the supports (the default, {@code --http plain}): one kept-alive
	 * connection per client thread, a request written as bytes and the answer read up to its end, nothing else. The
	 * JDK's {@code HttpClient} ({@code --http jdk}) costs the machine about 0.3 ms of CPU per request, on the same two
	 * cores as the server and PostgreSQL: a third of what it measures; this one about a tenth of that. Both give the
	 * same statuses; the figures of ADR 0026 say which one measured what.
	 */
	static final class PlainHttp {

		record Answer(int status, java.util.Optional<String> sessionCookie) {
		}

		private static final ThreadLocal<PlainHttp> CONNECTIONS = new ThreadLocal<>();

		private final String host;
		private final int port;
		private java.net.Socket socket;
		private java.io.InputStream in;
		private java.io.OutputStream out;

		private PlainHttp(String host, int port) {
			this.host = host;
			this.port = port;
		}

		static PlainHttp current(String baseUrl) {
			var connection = CONNECTIONS.get();
			if (connection == null) {
				var uri = URI.create(baseUrl);
				connection = new PlainHttp(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
				CONNECTIONS.set(connection);
			}
			return connection;
		}

		/** Sends a request without a body; once again on a new connection if the kept-alive one was closed. */
		Answer send(String method, String path, String headerLine) throws IOException {
			var request = (method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headerLine
					+ "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
			boolean reused = socket != null;
			try {
				return exchange(request);
			}
			catch (IOException closed) {
				close();
				if (!reused) {
					throw closed;
				}
				return exchange(request);
			}
		}

		private Answer exchange(byte[] request) throws IOException {
			if (socket == null) {
				socket = new java.net.Socket(host, port);
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(30_000);
				in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
				out = socket.getOutputStream();
			}
			out.write(request);
			out.flush();
			var statusLine = line();
			if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
				throw new IOException("Réponse inattendue : " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closing = false;
			String cookie = null;
			for (String header = line(); header != null && !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				var name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				var value = header.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> closing = value.equalsIgnoreCase("close");
					case "set-cookie" -> cookie = sessionCookie(value).orElse(cookie);
					default -> {
					}
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().split(";", 2)[0].trim(), 16); size > 0;
						size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) {
					skip(size);
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length > 0) {
				skip(length);
			}
			if (closing || (length < 0 && !chunked)) {
				close();
			}
			return new Answer(status, java.util.Optional.ofNullable(cookie));
		}

		private String line() throws IOException {
			var line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("Connexion fermée par le serveur");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void skip(long bytes) throws IOException {
			while (bytes > 0) {
				long skipped = in.skip(bytes);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("Connexion fermée par le serveur");
					}
					skipped = 1;
				}
				bytes -= skipped;
			}
		}

		private void close() {
			try {
				if (socket != null) {
					socket.close();
				}
			}
			catch (IOException ignored) {
				// already gone
			}
			socket = null;
		}

		/** The session cookie a {@code Set-Cookie} header sets, as the {@code Cookie} header to send back. */
		static java.util.Optional<String> sessionCookie(String setCookie) {
			return setCookie.startsWith("SESSION") || setCookie.startsWith("JSESSIONID")
					? java.util.Optional.of(setCookie.split(";", 2)[0]) : java.util.Optional.empty();
		}
	}

	// --- checks through the public API -------------------------------------------------------------------------

	private Map<String, Long> counts(String campaign) throws Exception {
		var counts = new LinkedHashMap<String, Long>();
		for (var proposal : getJson("/api/campaigns/" + campaign + "/proposals")) {
			counts.put(proposal.get("id").asString(), proposal.get("supportCount").asLong());
		}
		return counts;
	}

	private void check(String campaign, Map<String, Long> before, Set<Pair> created) throws Exception {
		var after = counts(campaign);
		var createdPerProposal = new HashMap<String, Long>();
		created.forEach(pair -> createdPerProposal.merge(pair.proposal(), 1L, Long::sum));
		long wrongTallies = 0, duplicates = 0, lost = 0, listed = 0;
		var ranking = new HashMap<String, Long>();
		for (var ranked : getJson("/api/campaigns/" + campaign + "/ranking")) {
			ranking.put(ranked.get("id").asString(), ranked.get("supportCount").asLong());
		}
		for (var entry : after.entrySet()) {
			var proposal = entry.getKey();
			long expected = before.getOrDefault(proposal, 0L) + createdPerProposal.getOrDefault(proposal, 0L);
			if (entry.getValue() != expected || !entry.getValue().equals(ranking.get(proposal))) {
				wrongTallies++;
			}
			var sirens = new HashSet<String>();
			long rows = 0;
			for (int page = 0;; page++) {
				var body = getJson("/api/proposals/" + proposal + "/supports?size=500&page=" + page);
				for (var supporter : body.get("content")) {
					rows++;
					if (!sirens.add(supporter.get("siren").asString())) {
						duplicates++;
					}
				}
				if (page + 1 >= body.get("totalPages").asInt()) {
					break;
				}
			}
			listed += rows;
			if (rows != entry.getValue()) {
				wrongTallies++;
			}
			for (var pair : created) {
				if (pair.proposal().equals(proposal) && !sirens.contains(pair.commune().siren())) {
					lost++;
				}
			}
		}
		System.out.println();
		System.out.println("== Vérification par l'API publique ==");
		System.out.printf(Locale.ROOT, "%d soutiens créés par ce passage, %d listés au total ; doublons : %d, perdus : %d, "
				+ "décomptes faux : %d%n", created.size(), listed, duplicates, lost, wrongTallies);
		if (duplicates + lost + wrongTallies > 0) {
			System.out.println("ÉCHEC : les décomptes ne sont pas exacts.");
		}
		checkGovernance(campaign, after);
	}

	/**
	 * Governance's live count, fed by voting's {@code SupportsRecorded} batches, must reach voting's numbers: read as
	 * the administrator ({@code GET /api/campaigns/{id}/decision-inputs}) until it does, for a minute at most.
	 */
	private void checkGovernance(String campaign, Map<String, Long> voting) throws Exception {
		long start = System.nanoTime();
		long deadline = start + Duration.ofMinutes(1).toNanos();
		long behind;
		while (true) {
			var response = get("/api/campaigns/" + campaign + "/decision-inputs", "admin");
			if (response.statusCode() != 200) {
				System.out.println("Gouvernance : décompte en direct non vérifié (" + response.statusCode() + ")");
				return;
			}
			var live = new HashMap<String, Long>();
			JSON.readTree(response.body()).get("proposals")
					.forEach(row -> live.put(row.get("proposalId").asString(), row.get("supports").asLong()));
			behind = voting.entrySet().stream().filter(e -> !e.getValue().equals(live.get(e.getKey()))).count();
			if (behind == 0 || System.nanoTime() > deadline) {
				break;
			}
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
		}
		System.out.printf(Locale.ROOT, "Gouvernance (décompte en direct, par les événements) : %d propositions sur %d au "
				+ "décompte du vote, vérifié après %.1f s%n", voting.size() - behind, voting.size(),
				(System.nanoTime() - start) / 1e9);
		if (behind > 0) {
			System.out.println("ÉCHEC : la gouvernance n'a pas le décompte du vote.");
		}
	}

	// --- raw PostgreSQL ------------------------------------------------------------------------------------------

	private double rawInsertRate(String url, List<Pair> pairs, int clients) throws Exception {
		// a schema of its own per run: two benchmarks against the same server never drop each other's table
		var schema = "voting_benchmark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (var connection = connect(url); var statement = connection.createStatement()) {
			statement.execute("create schema " + schema);
			statement.execute("create table " + schema + ".raw_support (like voting.support including all)");
		}
		var next = new AtomicInteger();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		var futures = new ArrayList<Future<?>>();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int t = 0; t < clients; t++) {
			futures.add(pool.submit(() -> {
				try (var connection = connect(url); var insert = connection.prepareStatement("""
						insert into %s.raw_support (proposal_id, siren, campaign_id, name, kind, departement,
						  region, population, supported_by, supported_at)
						values (?, ?, ?, ?, 'COMMUNE', ?, ?, ?, ?, ?) on conflict do nothing""".formatted(schema))) {
					var campaign = UUID.randomUUID();
					for (int i = next.getAndIncrement(); i < pairs.size(); i = next.getAndIncrement()) {
						var pair = pairs.get(i);
						insert.setObject(1, UUID.fromString(pair.proposal()));
						insert.setString(2, pair.commune().siren());
						insert.setObject(3, campaign);
						insert.setString(4, pair.commune().name());
						insert.setString(5, pair.commune().departement());
						insert.setString(6, pair.commune().region());
						insert.setLong(7, pair.commune().population());
						insert.setString(8, "agent-" + pair.commune().siren());
						insert.setObject(9, now);
						insert.executeUpdate();
					}
				}
				return null;
			}));
		}
		for (var future : futures) {
			future.get();
		}
		pool.shutdownNow();
		double rate = pairs.size() / ((System.nanoTime() - start) / 1e9);
		try (var connection = connect(url); var statement = connection.createStatement()) {
			statement.execute("drop schema " + schema + " cascade");
		}
		return rate;
	}

	/**
	 * FIXTURE for the read figures with 2.3 million supports: every commune of the open data supports every proposal
	 * of the campaign, written straight into voting's tables with the tally recomputed. Not the product's path
	 * (2.3 million supports through HTTP would take an hour at the target rate): the HTTP path is what the support
	 * figures measure; this only gives the reads their volume.
	 */
	private void fillEveryCommuneTimesEveryProposal(String url, String campaign) throws Exception {
		var communes = communesFromOpenData(Integer.MAX_VALUE);
		System.out.println();
		System.out.printf(Locale.ROOT, "Remplissage (FIXTURE, par JDBC, hors API) : %d communes × toutes les propositions…%n",
				communes.size());
		long start = System.nanoTime();
		try (var connection = connect(url)) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("create temp table fill_commune (siren char(9), name text, departement text, region text, population bigint) on commit drop");
			}
			try (var insert = connection.prepareStatement("insert into fill_commune values (?, ?, ?, ?, ?)")) {
				for (var commune : communes) {
					insert.setString(1, commune.siren());
					insert.setString(2, commune.name());
					insert.setString(3, commune.departement());
					insert.setString(4, commune.region());
					insert.setLong(5, commune.population());
					insert.addBatch();
				}
				insert.executeBatch();
			}
			try (var statement = connection.prepareStatement("""
					insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
					                            supported_by, supported_at)
					select p.id, f.siren, p.campaign_id, f.name, 'COMMUNE', f.departement, coalesce(f.region, ''),
					       f.population, 'agent-' || f.siren, now()
					from voting.proposal p cross join fill_commune f
					where p.campaign_id = ? and p.merged_into is null
					on conflict do nothing""")) {
				statement.setObject(1, UUID.fromString(campaign));
				statement.executeUpdate();
			}
			try (var statement = connection.prepareStatement("""
					delete from voting.tally where proposal_id in (select id from voting.proposal where campaign_id = ?)""")) {
				statement.setObject(1, UUID.fromString(campaign));
				statement.executeUpdate();
			}
			try (var statement = connection.prepareStatement("""
					insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
					select proposal_id, kind, region, (siren::int % 4)::smallint, count(*), sum(population)
					from voting.support where campaign_id = ? group by 1, 2, 3, 4""")) {
				statement.setObject(1, UUID.fromString(campaign));
				statement.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (var statement = connection.createStatement()) {
				statement.execute("analyze voting.support");
				statement.execute("analyze voting.tally");
			}
			try (var count = connection.prepareStatement("""
					select (select count(*) from voting.support where campaign_id = ?), (select count(*) from voting.support)""")) {
				count.setObject(1, UUID.fromString(campaign));
				var total = count.executeQuery();
				total.next();
				System.out.printf(Locale.ROOT, "%d soutiens stockés pour la campagne, %d en tout (%.0f s)%n", total.getLong(1),
						total.getLong(2), (System.nanoTime() - start) / 1e9);
			}
		}
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, System.getProperty("jdbc.user", "postgres"),
				System.getProperty("jdbc.password", "postgres"));
	}

	// --- public reads ------------------------------------------------------------------------------------------------

	private void readBenchmark(String campaign) throws Exception {
		int requests = Integer.parseInt(options.getOrDefault("read-requests", "2000"));
		int clients = Integer.parseInt(options.getOrDefault("read-clients", "4"));
		System.out.println();
		System.out.println("== Lectures publiques == (charge de la machine au début : " + loadAverage() + ", client "
				+ (plainHttp ? "minimal" : "du JDK") + ")");
		for (var path : publicReads(campaign)) {
			for (int i = 0; i < 100; i++) {
				read(path);
			}
			var latencies = new LatencyRecorder();
			var next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			var futures = new ArrayList<Future<?>>();
			long start = System.nanoTime();
			for (int t = 0; t < clients; t++) {
				futures.add(pool.submit(() -> {
					while (next.getAndIncrement() < requests) {
						long sent = System.nanoTime();
						read(path);
						latencies.record(System.nanoTime() - sent);
					}
					return null;
				}));
			}
			for (var future : futures) {
				future.get();
			}
			pool.shutdownNow();
			System.out.printf(Locale.ROOT, "%d lectures en %.1f s (%d clients)%n", requests,
					(System.nanoTime() - start) / 1e9, clients);
			latencies.print("GET " + path.replace(campaign, "{id}"));
		}
	}

	/**
	 * One anonymous read, by the same client as the supports: the minimal one by default, whose CPU per request
	 * (0.07 ms against the JDK client's 0.23 to 0.27 ms) is not taken from the server on the same two cores.
	 */
	private void read(String path) throws IOException, InterruptedException {
		int status = plainHttp ? PlainHttp.current(baseUrl).send("GET", path, "Accept: application/json").status()
				: get(path).statusCode();
		if (status != 200) {
			throw new IllegalStateException("GET " + path + " : " + status);
		}
	}

	/**
	 * The public reads measured (issue 26, acceptance 4): the campaign's proposal list and ranking, the open data
	 * catalogue (DCAT, what data.gouv.fr harvests) and the services catalogue, each read anonymously as a script of
	 * any site reads them.
	 */
	private static List<String> publicReads(String campaign) {
		return List.of("/api/campaigns/" + campaign + "/proposals", "/api/campaigns/" + campaign + "/ranking",
				"/api/open-data/catalogue.jsonld", "/api/services");
	}

	// --- collectivités ---------------------------------------------------------------------------------------------

	private List<Commune> communes(int wanted) throws Exception {
		var communes = new ArrayList<Commune>();
		try {
			for (int page = 0; communes.size() < wanted && page < 1000; page++) {
				var body = getJson("/api/collectivites?kind=COMMUNE&size=100&page=" + page);
				var content = body.isArray() ? body : body.get("content");
				if (content == null || content.isEmpty()) {
					break;
				}
				for (var c : content) {
					communes.add(new Commune(c.get("siren").asString(), text(c, "name"), text(c, "departement"),
							text(c, "region"), c.has("population") ? c.get("population").asLong() : 0));
				}
			}
		}
		catch (IllegalStateException e) {
			System.out.println("Annuaire indisponible par l'API (" + e.getMessage() + ") : communes prises ailleurs.");
		}
		if (communes.isEmpty() && options.containsKey("sirens-file")) {
			for (var line : Files.readAllLines(Path.of(options.get("sirens-file")))) {
				if (!line.isBlank()) {
					communes.add(new Commune(line.trim().substring(0, 9), "", "", "", 0));
				}
			}
		}
		if (communes.isEmpty()) {
			communes.addAll(communesFromOpenData(wanted));
		}
		// spread over the whole country rather than the first départements
		Collections.shuffle(communes, new Random(42));
		return communes.subList(0, Math.min(wanted, communes.size()));
	}

	private static List<Commune> communesFromOpenData(int wanted) throws IOException {
		var resource = SupportsBenchmark.class.getResourceAsStream("/directory/decoupage-administratif/data/communes.json");
		if (resource == null) {
			throw new IllegalStateException("Aucune source de communes : lancez d'abord la compilation (données ouvertes).");
		}
		var communes = new ArrayList<Commune>();
		try (resource) {
			for (var c : JSON.readTree(resource)) {
				if ("commune-actuelle".equals(text(c, "type")) && c.has("siren")) {
					communes.add(new Commune(c.get("siren").asString(), text(c, "nom"), text(c, "departement"),
							text(c, "region"), c.has("population") ? c.get("population").asLong() : 0));
				}
			}
		}
		Collections.shuffle(communes, new Random(42));
		return communes.subList(0, Math.min(wanted, communes.size()));
	}

	private static String text(JsonNode node, String field) {
		var value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	// --- HTTP and figures ------------------------------------------------------------------------------------------

	private JsonNode getJson(String path) throws Exception {
		var response = get(path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " → " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, null);
	}

	/** GET, anonymously or as a demo identity (HTTP Basic) when {@code user} is given. */
	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
		if (user != null) {
			request.header("Authorization", basic(user)).header("Accept", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The HTTP Basic credentials of a demo identity (every password is {@code demo}). */
	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	/** The load average over 1, 5 and 15 minutes: other processes on the machine weigh on every figure. */
	static String loadAverage() {
		try {
			var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException e) {
			return "inconnue";
		}
	}

	private static String require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Paramètre manquant : " + what);
		}
		return value;
	}

	private static Map<String, String> parse(String[] args) {
		var options = new HashMap<String, String>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				continue;
			}
			var key = args[i].substring(2);
			if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				options.put(key, args[++i]);
			}
			else {
				options.put(key, "true");
			}
		}
		return options;
	}

	/** Latencies in microseconds, kept whole: runs are bounded, so is the memory. */
	static final class LatencyRecorder {

		private final List<long[]> chunks = Collections.synchronizedList(new ArrayList<>());
		private final ThreadLocal<long[]> current = new ThreadLocal<>();
		private final ThreadLocal<int[]> size = ThreadLocal.withInitial(() -> new int[1]);
		private final AtomicLong count = new AtomicLong();
		private final long start = System.nanoTime();
		/** Requests slower than 100 ms, by second of the run in which they were sent. */
		private final Map<Long, AtomicInteger> slowBySecond = new java.util.concurrent.ConcurrentSkipListMap<>();

		void record(long sent, long nanos) {
			if (nanos > 100_000_000L) {
				slowBySecond.computeIfAbsent((sent - start) / 1_000_000_000L, second -> new AtomicInteger())
						.incrementAndGet();
			}
			record(nanos);
		}

		void record(long nanos) {
			var chunk = current.get();
			var used = size.get();
			if (chunk == null || used[0] == chunk.length) {
				chunk = new long[16_384];
				Arrays.fill(chunk, -1);
				current.set(chunk);
				chunks.add(chunk);
				used[0] = 0;
			}
			chunk[used[0]++] = nanos / 1000;
			count.incrementAndGet();
		}

		void print(String label) {
			var all = chunks.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).sorted().toArray();
			if (all.length == 0) {
				System.out.println(label + " : aucune mesure");
				return;
			}
			System.out.printf(Locale.ROOT, "%s : p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d mesures)%n", label,
					percentile(all, 50), percentile(all, 95), percentile(all, 99), all[all.length - 1] / 1000.0,
					all.length);
			if (!slowBySecond.isEmpty()) {
				System.out.println("  requêtes de plus de 100 ms, par seconde d'envoi depuis le début de la mesure : "
						+ slowBySecond);
			}
		}

		private static double percentile(long[] sorted, double p) {
			int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
		}
	}

	/**
	 * Processor time of the measured window, from {@code /proc} (Linux): the server's process, every PostgreSQL
	 * process, this benchmark, and the rest of the machine. Per support, it is the figure other work on the machine
	 * disturbs least: a loaded machine stretches the latencies, much less the CPU a support costs.
	 */
	record CpuTimes(long server, long postgres, long benchmark, long machine, boolean known) {

		private static final double TICK_MS = 10; // USER_HZ, 100 on Linux

		static CpuTimes read(String serverPid, String postmasterPid) {
			try {
				long server = serverPid == null ? 0 : ticks(Path.of("/proc", serverPid, "stat"));
				long benchmark = ticks(Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "stat"));
				long postgres = 0;
				try (var processes = Files.list(Path.of("/proc"))) {
					for (var dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
						try {
							if ("postgres".equals(Files.readString(dir.resolve("comm")).strip())
									&& (postmasterPid == null || postmasterPid.equals(dir.getFileName().toString())
											|| postmasterPid.equals(parent(dir.resolve("stat"))))) {
								postgres += ticks(dir.resolve("stat"));
							}
						}
						catch (IOException gone) {
							// a process that ended meanwhile
						}
					}
				}
				var cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long machine = 0;
				for (int i = 1; i <= 8 && i < cpu.length; i++) {
					if (i != 4 && i != 5) { // all but idle and iowait
						machine += Long.parseLong(cpu[i]);
					}
				}
				return new CpuTimes(server, postgres, benchmark, machine, serverPid != null);
			}
			catch (IOException | RuntimeException e) {
				return new CpuTimes(0, 0, 0, 0, false);
			}
		}

		/** The parent process's id. */
		private static String parent(Path stat) throws IOException {
			var text = Files.readString(stat);
			return text.substring(text.lastIndexOf(')') + 2).split(" ")[1];
		}

		/** utime + stime of a process, in ticks. */
		private static long ticks(Path stat) throws IOException {
			var text = Files.readString(stat);
			var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}

		void printSince(CpuTimes before, int supports, double seconds) {
			if (!known || !before.known || supports == 0) {
				System.out.println("Processeur : non mesuré (donnez --pid du serveur, sous Linux)");
				return;
			}
			long server = this.server - before.server;
			long postgres = this.postgres - before.postgres;
			long benchmark = this.benchmark - before.benchmark;
			long others = Math.max(0, machine - before.machine - server - postgres - benchmark);
			System.out.printf(Locale.ROOT,
					"Processeur pendant la mesure (cœurs occupés ; ms par soutien) : serveur %.2f ; %.3f — PostgreSQL %.2f ; %.3f "
							+ "— banc d'essai %.2f ; %.3f — autres processus %.2f%n",
					cores(server, seconds), perSupport(server, supports), cores(postgres, seconds),
					perSupport(postgres, supports), cores(benchmark, seconds), perSupport(benchmark, supports),
					cores(others, seconds));
		}

		private static double cores(long ticks, double seconds) {
			return ticks * TICK_MS / 1000 / seconds;
		}

		private static double perSupport(long ticks, int supports) {
			return ticks * TICK_MS / supports;
		}
	}

	/** The server's resident memory, sampled every half second (VmRSS of its process, else the JVM's metric). */
	final class MemorySampler {

		private final String pid;
		private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
		private java.util.concurrent.ScheduledExecutorService sampler;
		private String source = "";

		MemorySampler(String pid) {
			this.pid = pid;
		}

		void start() {
			sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
				var thread = new Thread(runnable, "memory-sampler");
				thread.setDaemon(true);
				return thread;
			});
			sampler.scheduleAtFixedRate(() -> {
				var sample = sample();
				if (sample > 0) {
					samples.add(sample);
				}
			}, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
		}

		void stop() throws InterruptedException {
			sampler.shutdownNow();
			sampler.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
		}

		private long sample() {
			try {
				if (pid != null) {
					source = "VmRSS du processus " + pid;
					for (var line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
						if (line.startsWith("VmRSS:")) {
							return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
						}
					}
					return -1;
				}
				source = "jvm.memory.used (actuator, tas et hors tas, pas le RSS)";
				var metric = getJson("/actuator/metrics/jvm.memory.used");
				return metric.get("measurements").get(0).get("value").asLong();
			}
			catch (Exception e) {
				return -1;
			}
		}

		void print() {
			if (samples.isEmpty()) {
				System.out.println("Mémoire : non mesurée (donnez --pid du serveur)");
				return;
			}
			long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
			long last = samples.get(samples.size() - 1);
			System.out.printf(Locale.ROOT, "Mémoire (%s) : max %d Mo, fin %d Mo%n", source, max >> 20, last >> 20);
		}
	}

	/**
	 * What PostgreSQL counted for this database at one instant: committed and rolled back transactions, WAL written,
	 * and rows inserted, updated, deleted per table. Read after a settling pause, since every backend publishes its
	 * counters at most once a second while busy and within 10 s once idle.
	 */
	record DatabaseCounters(long commits, long rollbacks, long walRecords, long walBytes,
			Map<String, long[]> rows) {

		static DatabaseCounters read(String url, Duration settle) throws Exception {
			java.util.concurrent.locks.LockSupport.parkNanos(settle.toNanos());
			try (var connection = connect(url); var statement = connection.createStatement()) {
				long commits, rollbacks, walRecords = -1, walBytes = -1;
				try (var rs = statement.executeQuery("""
						select xact_commit, xact_rollback from pg_stat_database where datname = current_database()""")) {
					rs.next();
					commits = rs.getLong(1);
					rollbacks = rs.getLong(2);
				}
				try (var rs = statement.executeQuery("select wal_records, wal_bytes from pg_stat_wal")) {
					if (rs.next()) {
						walRecords = rs.getLong(1);
						walBytes = rs.getLong(2);
					}
				}
				catch (SQLException noWalView) {
					// pg_stat_wal (PostgreSQL 14+) missing: WAL not reported
				}
				var rows = new java.util.TreeMap<String, long[]>();
				try (var rs = statement.executeQuery("""
						select schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables""")) {
					while (rs.next()) {
						rows.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
					}
				}
				return new DatabaseCounters(commits, rollbacks, walRecords, walBytes, rows);
			}
		}

		/** Prints what happened since {@code before}, per support of the measured window. */
		void printCostSince(DatabaseCounters before, int supports, Duration settle, DatabaseCounters quiet,
				double windowSeconds) {
			if (supports <= 0) {
				return;
			}
			double n = supports;
			System.out.println();
			System.out.printf(Locale.ROOT, "== Coût PostgreSQL des %d soutiens mesurés == (pg_stat_*, fenêtre mesurée + %d s "
					+ "d'écoulement, tâches périodiques comprises)%n", supports, settle.toSeconds());
			System.out.printf(Locale.ROOT, "Transactions validées : %d, soit %.2f par soutien ; annulées : %d (%.3f par soutien)%n",
					commits - before.commits, (commits - before.commits) / n, rollbacks - before.rollbacks,
					(rollbacks - before.rollbacks) / n);
			// the periodic jobs (staleness checks, sweeps, locks) at the rate of the quiet window that followed
			double background = (quiet.commits - commits) / (double) settle.toSeconds() * windowSeconds;
			System.out.printf(Locale.ROOT, "  dont tâches périodiques (au rythme des %d s sans soutien qui ont suivi : %.1f/s) : "
					+ "%.0f, soit %.2f par soutien ; sans elles : %.2f transactions par soutien%n", settle.toSeconds(),
					(quiet.commits - commits) / (double) settle.toSeconds(), background, background / n,
					(commits - before.commits - background) / n);
			if (walRecords >= 0 && before.walRecords >= 0) {
				System.out.printf(Locale.ROOT, "WAL : %.1f enregistrements et %.0f octets par soutien%n",
						(walRecords - before.walRecords) / n, (walBytes - before.walBytes) / n);
			}
			long inserted = 0, updated = 0, deleted = 0;
			var lines = new ArrayList<String>();
			for (var entry : rows.entrySet()) {
				var was = before.rows.getOrDefault(entry.getKey(), new long[3]);
				long ins = entry.getValue()[0] - was[0], upd = entry.getValue()[1] - was[1], del = entry.getValue()[2] - was[2];
				if (ins + upd + del == 0 || entry.getKey().startsWith("voting_benchmark")) {
					continue;
				}
				inserted += ins;
				updated += upd;
				deleted += del;
				lines.add(String.format(Locale.ROOT, "  %-48s %7.3f %7.3f %7.3f", entry.getKey(), ins / n, upd / n, del / n));
			}
			System.out.printf(Locale.ROOT, "Lignes écrites par soutien : %.2f insérées, %.2f modifiées, %.2f supprimées, "
					+ "soit %.2f en tout%n", inserted / n, updated / n, deleted / n, (inserted + updated + deleted) / n);
			System.out.printf(Locale.ROOT, "  %-48s %7s %7s %7s%n", "table", "insert", "update", "delete");
			lines.forEach(System.out::println);
		}
	}

	/** A Java Flight Recorder recording of the server during the measured window ({@code --jfr}, with {@code --pid}). */
	static final class FlightRecording {

		private final String pid;
		private final String file;

		FlightRecording(String pid, String file) {
			this.pid = pid;
			this.file = file;
		}

		void start() throws Exception {
			if (file != null) {
				if (pid == null) {
					throw new IllegalArgumentException("--jfr demande --pid du serveur");
				}
				jcmd("JFR.start", "name=cocon-bench", "settings=profile",
						"filename=" + Path.of(file).toAbsolutePath());
			}
		}

		void stop() throws Exception {
			if (file != null) {
				jcmd("JFR.stop", "name=cocon-bench");
				System.out.println("Enregistrement JFR de la fenêtre mesurée : " + Path.of(file).toAbsolutePath());
			}
		}

		private void jcmd(String... command) throws Exception {
			var arguments = new ArrayList<>(List.of("jcmd", pid));
			arguments.addAll(List.of(command));
			var process = new ProcessBuilder(arguments).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroy();
				throw new IllegalStateException("jcmd " + String.join(" ", command) + " a échoué");
			}
		}
	}
}
