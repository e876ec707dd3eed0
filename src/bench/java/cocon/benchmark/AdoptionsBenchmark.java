package cocon.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deployment module at the scale of France (issue 23, acceptance 5): with 35,000 collectivités × 44 services of
 * adoptions stored (a FIXTURE written through JDBC, outside the API), the latency of the catalogue, a service's page and
 * its public adoptions list, then the export of the {@code adoptions} dataset of that size while the server's VmRSS is
 * sampled. Not a test: it targets a running instance on localhost only (docs/performance.md).
 */
public final class AdoptionsBenchmark {

	private static final List<String> STATUSES = List.of("INTERESSEE", "EN_TEST", "EN_SERVICE", "ABANDONNEE");

	private final Map<String, String> options;
	private final String baseUrl;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private AdoptionsBenchmark(Map<String, String> options) {
		this.options = options;
		this.baseUrl = SupportsExportBenchmark.localhost(options.getOrDefault("base-url", "http://localhost:8080"));
	}

	public static void main(String[] args) throws Exception {
		var options = SupportsExportBenchmark.options(args);
		if (options.containsKey("help") || !options.containsKey("jdbc-url")) {
			System.out.println("""
					AdoptionsBenchmark --base-url http://localhost:8080 --pid SERVER_PID
					  --jdbc-url jdbc:postgresql://localhost:PORT/postgres [--jdbc-user postgres] [--jdbc-password postgres]
					  [--services 44] [--collectivites 35000] [--reads 1000] [--clients 4] [--warmup 1]
					  [--campaign ID] [--agent SIREN] [--exports 2]

					Writes a FIXTURE through JDBC (a campaign, --services services, each adopted by --collectivites
					collectivités of the directory), then reads the catalogue, a service's page and its adoptions list
					(p50/p95/p99 over --reads requests each, --clients at a time), then downloads the adoptions dataset
					in CSV twice while sampling the server's VmRSS. --campaign ID reads the fixture of an earlier run
					instead of writing another one. --agent SIREN (a collectivité of the fixture, 213800295 by default)
					is the agent signed in (HTTP Basic of the demo) who reads a service's page with « Déployer chez
					moi ». --exports 0 skips the downloads.""");
			return;
		}
		new AdoptionsBenchmark(options).run();
	}

	private void run() throws Exception {
		System.out.printf(Locale.ROOT, "Machine : %d processeurs, charge %s%n", Runtime.getRuntime().availableProcessors(),
				SupportsExportBenchmark.load());
		var fixture = options.containsKey("campaign") ? existing(options.get("jdbc-url"), UUID.fromString(options.get("campaign")))
				: fill(options.get("jdbc-url"), Integer.parseInt(options.getOrDefault("services", "44")),
						Integer.parseInt(options.getOrDefault("collectivites", "35000")));
		int reads = Integer.parseInt(options.getOrDefault("reads", "1000"));
		int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
		var service = fixture.services().get(0);
		int pages = Math.max(1, fixture.adoptionsPerService() / 100);
		var readings = new java.util.LinkedHashMap<String, PathChoice>();
		// a static page of the same shell, read the same way: on a shared machine, what the load alone costs a page
		readings.put("page statique de référence (/accessibilite)", random -> "/accessibilite");
		readings.put("catalogue (page /services)", random -> "/services");
		readings.put("catalogue filtré (page /services?q=…)", random -> "/services?q=banc");
		readings.put("catalogue (API /api/services)", random -> "/api/services");
		readings.put("page d'un service (/services/{id})",
				random -> "/services/" + fixture.services().get(random.nextInt(fixture.services().size())));
		readings.put("service (API /api/services/{id})", random -> "/api/services/" + service);
		readings.put("adoptions d'un service (API, une page de 100 au hasard)",
				random -> "/api/services/" + service + "/adoptions?page=" + random.nextInt(pages));
		// as a client walking the whole list reads it: each page by the rel="next" link of the one before (a cursor)
		var nexts = nextLinks("/api/services/" + service + "/adoptions?size=100");
		readings.put("adoptions d'un service (API, une page de 100 au hasard, par son lien rel=next)",
				random -> nexts.get(random.nextInt(nexts.size())));
		var agent = "agent-" + options.getOrDefault("agent", "213800295");
		readings.put("page d'un service, agent connecté (« Déployer chez moi »)", new PathChoice() {
			@Override
			public String next(ThreadLocalRandom random) {
				return "/services/" + fixture.services().get(random.nextInt(fixture.services().size()));
			}

			@Override
			public String user() {
				return agent;
			}
		});
		// the server as it runs after its first minutes: each reading done once unmeasured (the JIT compiles the
		// paths, the pools fill), then measured; --warmup 0 measures the cold server
		int warmups = Integer.parseInt(options.getOrDefault("warmup", "1"));
		for (int round = 0; round <= warmups; round++) {
			boolean measured = round == warmups;
			for (var reading : readings.entrySet()) {
				read(reading.getKey(), reads, clients, reading.getValue(), measured);
			}
		}
		for (int run = 1; run <= Integer.parseInt(options.getOrDefault("exports", "2")); run++) {
			var pid = options.get("pid");
			var max = new AtomicLong(SupportsExportBenchmark.rss(pid));
			long before = max.get();
			var sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> max.accumulateAndGet(SupportsExportBenchmark.rss(pid), Math::max), 0, 100,
					TimeUnit.MILLISECONDS);
			long start = System.nanoTime();
			var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/open-data/campaigns/"
					+ fixture.campaign() + "/adoptions.csv")).timeout(Duration.ofMinutes(10)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long bytes = 0;
			long firstByte = -1;
			try (var body = response.body()) {
				var buffer = new byte[64 * 1024];
				for (int n; (n = body.read(buffer)) > 0;) {
					if (firstByte < 0) {
						firstByte = System.nanoTime() - start;
					}
					bytes += n;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			sampler.shutdownNow();
			sampler.awaitTermination(2, TimeUnit.SECONDS);
			System.out.printf(Locale.ROOT, "adoptions.csv (passage %d) : HTTP %d, %,d octets, premier octet %.2f s, "
					+ "total %.1f s ; RSS du serveur avant %d Mo, max %d Mo ; charge %s%n", run, response.statusCode(),
					bytes, firstByte / 1e9, seconds, before >> 20, max.get() >> 20, SupportsExportBenchmark.load());
		}
	}

	interface PathChoice {
		String next(ThreadLocalRandom random);

		/** The demo identity the reading signs in as (HTTP Basic), or null for an anonymous reading. */
		default String user() {
			return null;
		}
	}

	/** The pages of a list as its rel="next" links give them, from its first page. */
	private List<String> nextLinks(String first) throws Exception {
		var links = new ArrayList<String>();
		var next = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"next\"");
		for (String path = first; path != null;) {
			links.add(path);
			var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
					HttpResponse.BodyHandlers.discarding());
			var matcher = next.matcher(response.headers().firstValue("Link").orElse(""));
			path = matcher.find() ? matcher.group(1) : null;
		}
		return links;
	}

	/** The fixture of an earlier run: its campaign's services and their adoptions. */
	private Fixture existing(String url, UUID campaign) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("jdbc-user", "postgres"),
				options.getOrDefault("jdbc-password", "postgres"));
				var select = connection.prepareStatement("""
						select s.id, (select count(*) from deployment.adoption a where a.service_id = s.id)
						from deployment.service s where s.campaign_id = ? order by s.title""")) {
			select.setObject(1, campaign);
			var rows = select.executeQuery();
			var ids = new ArrayList<UUID>();
			long adoptions = 0;
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
				adoptions = Math.max(adoptions, rows.getLong(2));
			}
			if (ids.isEmpty()) {
				throw new IllegalArgumentException("Aucun service dans la campagne " + campaign);
			}
			System.out.printf(Locale.ROOT, "FIXTURE existante : campagne %s, %d services, %,d adoptions par service%n",
					campaign, ids.size(), adoptions);
			return new Fixture(campaign, ids, (int) adoptions);
		}
	}

	private void read(String label, int reads, int clients, PathChoice paths, boolean measured) throws Exception {
		var latencies = new long[reads];
		var next = new AtomicLong();
		var failures = new AtomicLong();
		var pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				for (long i; (i = next.getAndIncrement()) < reads;) {
					var builder = HttpRequest.newBuilder(URI.create(baseUrl + paths.next(ThreadLocalRandom.current())))
							.timeout(Duration.ofSeconds(30));
					if (paths.user() != null) {
						builder.header("Authorization", SupportsBenchmark.basic(paths.user()));
					}
					var request = builder.build();
					long start = System.nanoTime();
					try {
						var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						if (status != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
					latencies[(int) i] = System.nanoTime() - start;
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		if (!measured) {
			return;
		}
		Arrays.sort(latencies);
		System.out.printf(Locale.ROOT, "%s : %d lectures, %d clients, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
				+ "max %.1f ms, %d réponses autres que 200%n", label, reads, clients, percentile(latencies, 50),
				percentile(latencies, 95), percentile(latencies, 99), latencies[reads - 1] / 1e6, failures.get());
	}

	private static double percentile(long[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1e6;
	}

	record Fixture(UUID campaign, List<UUID> services, int adoptionsPerService) {
	}

	/**
	 * FIXTURE through JDBC, straight into deployment's tables: a campaign, its services (one per funded project), and
	 * the adoption of each service by the first collectivités of the directory, every status represented.
	 */
	private Fixture fill(String url, int services, int collectivites) throws SQLException {
		var campaign = UUID.randomUUID();
		System.out.printf(Locale.ROOT, "Remplissage (FIXTURE, par JDBC, hors API) : campagne %s, %d services × %,d "
				+ "collectivités…%n", campaign, services, collectivites);
		long start = System.nanoTime();
		var ids = new ArrayList<UUID>();
		try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("jdbc-user", "postgres"),
				options.getOrDefault("jdbc-password", "postgres"))) {
			connection.setAutoCommit(false);
			try (var insert = connection.prepareStatement("""
					insert into deployment.campaign (campaign_id, title, as_of) values (?, 'FIXTURE du banc des adoptions', now())""")) {
				insert.setObject(1, campaign);
				insert.executeUpdate();
			}
			try (var insert = connection.prepareStatement("""
					insert into deployment.service (id, campaign_id, proposal_id, decision_id, title, provider, budget_euros,
					  phase, phase_changed_at, funded_at)
					values (?, ?, gen_random_uuid(), gen_random_uuid(), ?, 'Prestataire du banc', 500000, 'DISPONIBLE', now(), now())""")) {
				for (int n = 1; n <= services; n++) {
					var id = UUID.randomUUID();
					ids.add(id);
					insert.setObject(1, id);
					insert.setObject(2, campaign);
					insert.setString(3, "Service du banc " + n);
					insert.addBatch();
				}
				insert.executeBatch();
			}
			try (var insert = connection.prepareStatement("""
					insert into deployment.adoption (service_id, siren, collectivite_name, kind, departement, region, population,
					  status, note, since, declared_by)
					select s.id, c.siren, c.name, c.kind, c.departement, c.region, c.population,
					       (array['INTERESSEE', 'EN_TEST', 'EN_SERVICE', 'ABANDONNEE'])[1 + (abs(hashtext(c.siren || s.id::text)) % 4)],
					       'Motif du banc', now() - (random() * interval '700 days'), 'agent-' || c.siren
					from deployment.service s
					cross join (select * from directory.collectivite where active order by siren limit ?) c
					where s.campaign_id = ?""")) {
				insert.setInt(1, collectivites);
				insert.setObject(2, campaign);
				insert.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
			// vacuumed as autovacuum would after such a load, now rather than in the middle of the measured reads (it
			// also sets the visibility map that the index-only reads of a page of adoptions rely on)
			try (var statement = connection.createStatement()) {
				statement.execute("vacuum (analyze) deployment.adoption");
			}
			try (var count = connection.prepareStatement("""
					select count(*) from deployment.adoption a join deployment.service s on s.id = a.service_id
					where s.campaign_id = ?""")) {
				count.setObject(1, campaign);
				var rows = count.executeQuery();
				rows.next();
				System.out.printf(Locale.ROOT, "%,d adoptions écrites en %.0f s (statuts : %s)%n", rows.getLong(1),
						(System.nanoTime() - start) / 1e9, STATUSES);
				return new Fixture(campaign, ids, (int) (rows.getLong(1) / services));
			}
		}
	}
}
