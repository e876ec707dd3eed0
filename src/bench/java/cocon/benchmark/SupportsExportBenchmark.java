package cocon.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the open data export of the supports (issue 11, design brief §6: 2.3 million supports exported in under
 * 30 s, in constant memory, RSS under 512 MB), run against a running Cocon — NOT a test. It:
 * <ol>
 * <li>takes a campaign ({@code --campaign ID}), or by default writes a FIXTURE straight into voting's tables through
 * JDBC: a campaign, 67 published proposals and every active commune of the directory supporting every proposal
 * (~2.3 million rows), with the tally recomputed — not the product's path (2.3 million supports through HTTP take an
 * hour; {@code SupportsBenchmark} measures that path), only the export's volume;</li>
 * <li>downloads {@code /api/open-data/campaigns/{id}/soutiens.csv} (then {@code .json}) as a client would, reading the
 * stream to the end without keeping it, while sampling the server's resident memory (VmRSS of {@code --pid}) every
 * 100 ms: time to first byte, total time, bytes, rows, peak and final RSS;</li>
 * <li>asks again with the {@code ETag} received ({@code If-None-Match}): the answer must be 304, without a body.</li>
 * </ol>
 * Localhost only, bounded: one fill, {@code --runs} downloads of each format (2 by default; {@code --formats csv} for
 * the CSV only).
 */
public final class SupportsExportBenchmark {

	private final Map<String, String> options;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String baseUrl;

	private SupportsExportBenchmark(Map<String, String> options) {
		this.options = options;
		this.baseUrl = localhost(options.getOrDefault("base-url", "http://localhost:8080"));
	}

	/** The base URL, if it is on this machine: a load tool never targets anything else. */
	static String localhost(String baseUrl) {
		if (!URI.create(baseUrl).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1\\]")) {
			throw new IllegalArgumentException("Le banc d'essai ne vise que localhost : " + baseUrl);
		}
		return baseUrl;
	}

	/** {@code --name value} and {@code --flag} (an empty value) options. */
	static Map<String, String> options(String[] args) {
		var options = new HashMap<String, String>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("option inattendue : " + args[i]);
			}
			options.put(args[i].substring(2), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "");
		}
		return options;
	}

	public static void main(String[] args) throws Exception {
		var options = options(args);
		if (options.containsKey("help") || !options.containsKey("jdbc-url") && !options.containsKey("campaign")) {
			System.out.println("""
					SupportsExportBenchmark --base-url http://localhost:8080 --pid SERVER_PID
					  (--jdbc-url jdbc:postgresql://localhost:PORT/postgres [--jdbc-user postgres] [--jdbc-password postgres]
					   [--proposals 67] | --campaign ID) [--runs 2] [--formats csv,json]

					Without --campaign, writes a FIXTURE through JDBC (a campaign, --proposals proposals, every commune of
					the directory supporting each), then downloads the supports dataset in CSV and JSON while sampling the
					server's VmRSS, and checks that a conditional GET with the ETag answers 304.""");
			return;
		}
		new SupportsExportBenchmark(options).run();
	}

	private void run() throws Exception {
		System.out.printf(Locale.ROOT, "Machine : %d processeurs, charge %s%n", Runtime.getRuntime().availableProcessors(),
				load());
		var campaign = options.get("campaign");
		if (campaign == null) {
			campaign = fill(options.get("jdbc-url"), Integer.parseInt(options.getOrDefault("proposals", "67")));
		}
		int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
		String etag = null;
		for (var format : options.getOrDefault("formats", "csv,json").split(",")) {
			for (int run = 1; run <= runs; run++) {
				var result = download("/api/open-data/campaigns/" + campaign + "/soutiens." + format);
				System.out.printf(Locale.ROOT,
						"soutiens.%s (passage %d) : HTTP %d, %,d octets, %,d lignes, premier octet %.2f s, total %.1f s (%.1f Mo/s) ; "
								+ "RSS du serveur avant %d Mo, max %d Mo, fin %d Mo ; charge %s%n",
						format, run, result.status, result.bytes, result.lines, result.firstByte, result.seconds,
						result.bytes / 1e6 / result.seconds, result.rssBefore >> 20, result.rssMax >> 20,
						result.rssAfter >> 20, load());
				if (format.equals("csv")) {
					etag = result.etag;
				}
			}
		}
		var conditional = HttpRequest.newBuilder(URI.create(baseUrl + "/api/open-data/campaigns/" + campaign
				+ "/soutiens.csv")).header("If-None-Match", etag).timeout(Duration.ofMinutes(2)).build();
		long start = System.nanoTime();
		var answer = http.send(conditional, HttpResponse.BodyHandlers.ofByteArray());
		System.out.printf(Locale.ROOT, "GET conditionnel (If-None-Match) : HTTP %d, %d octets, %.2f s%n",
				answer.statusCode(), answer.body().length, (System.nanoTime() - start) / 1e9);
	}

	record Result(int status, long bytes, long lines, double firstByte, double seconds, long rssBefore, long rssMax,
			long rssAfter, String etag) {
	}

	private Result download(String path) throws Exception {
		var pid = options.get("pid");
		var max = new AtomicLong(rss(pid));
		long before = max.get();
		var sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> max.accumulateAndGet(rss(pid), Math::max), 0, 100, TimeUnit.MILLISECONDS);
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10)).build();
		long start = System.nanoTime();
		var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		double firstByte = -1;
		try (InputStream body = response.body()) {
			var buffer = new byte[64 * 1024];
			for (int n; (n = body.read(buffer)) > 0;) {
				if (firstByte < 0) {
					firstByte = (System.nanoTime() - start) / 1e9;
				}
				bytes += n;
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.shutdownNow();
		sampler.awaitTermination(2, TimeUnit.SECONDS);
		long after = rss(pid);
		max.accumulateAndGet(after, Math::max);
		return new Result(response.statusCode(), bytes, lines, firstByte, seconds, before, max.get(), after,
				response.headers().firstValue("ETag").orElse(null));
	}

	static long rss(String pid) {
		if (pid == null) {
			return 0;
		}
		try {
			for (var line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return 0;
	}

	/**
	 * FIXTURE through JDBC, straight into voting's tables: a campaign, its published proposals, every active commune of
	 * the directory supporting each, the tally recomputed as voting keeps it.
	 */
	private String fill(String url, int proposals) throws SQLException {
		var campaign = UUID.randomUUID();
		System.out.printf(Locale.ROOT, "Remplissage (FIXTURE, par JDBC, hors API) : campagne %s, %d propositions × "
				+ "toutes les communes de l'annuaire…%n", campaign, proposals);
		long start = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("jdbc-user", "postgres"),
				options.getOrDefault("jdbc-password", "postgres"))) {
			connection.setAutoCommit(false);
			var now = java.sql.Timestamp.from(Instant.now());
			try (var insert = connection.prepareStatement("""
					insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, as_of)
					values (?, 'FIXTURE du banc d''export des soutiens', '{COMMUNE}', ?, ?, ?)""")) {
				insert.setObject(1, campaign);
				insert.setTimestamp(2, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
				insert.setTimestamp(3, now);
				insert.setTimestamp(4, now);
				insert.executeUpdate();
			}
			try (var insert = connection.prepareStatement("""
					insert into voting.proposal (id, campaign_id, title, summary, theme, published_at, content_as_of)
					select gen_random_uuid(), ?, 'Proposition ' || n, 'Proposition du banc d''essai', 'Dématérialisation', ?, ?
					from generate_series(1, ?) n""")) {
				insert.setObject(1, campaign);
				insert.setTimestamp(2, now);
				insert.setTimestamp(3, now);
				insert.setInt(4, proposals);
				insert.executeUpdate();
			}
			try (var insert = connection.prepareStatement("""
					insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
					                            supported_by, supported_at)
					select p.id, c.siren, p.campaign_id, c.name, 'COMMUNE', c.departement, coalesce(c.region, ''),
					       c.population, 'agent-' || c.siren, now() - (random() * interval '29 days')
					from voting.proposal p cross join directory.collectivite c
					where p.campaign_id = ? and c.kind = 'COMMUNE' and c.active""")) {
				insert.setObject(1, campaign);
				insert.executeUpdate();
			}
			try (var insert = connection.prepareStatement("""
					insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
					select proposal_id, kind, region, (siren::int % 4)::smallint, count(*), sum(population)
					from voting.support where campaign_id = ? group by 1, 2, 3, 4""")) {
				insert.setObject(1, campaign);
				insert.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (var statement = connection.createStatement()) {
				statement.execute("analyze voting.support");
			}
			try (var count = connection.prepareStatement("select count(*) from voting.support where campaign_id = ?")) {
				count.setObject(1, campaign);
				var rows = count.executeQuery();
				rows.next();
				System.out.printf(Locale.ROOT, "%,d soutiens écrits en %.0f s%n", rows.getLong(1),
						(System.nanoTime() - start) / 1e9);
			}
		}
		return campaign.toString();
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}
}
