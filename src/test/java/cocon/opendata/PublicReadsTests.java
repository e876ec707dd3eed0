package cocon.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 22, point 5: the public reads (lists, datasets, schemas, the catalogue) are readable from a script of another
 * site without credentials, answer a conditional request with 304, are not {@code no-store} and are compressed;
 * what a signed-in person reads is not shared that way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicReadsTests {

	static final String ORIGIN = "https://www.exemple-collectivite.fr";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	final UUID campaign = UUID.randomUUID();

	@BeforeEach
	void aCampaignWithSupports() {
		var now = Timestamp.from(Instant.parse("2021-04-20T10:00:00Z"));
		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, as_of)
				values (?, 'Lectures publiques', '{COMMUNE}', ?, ?, ?)""")
				.params(campaign, Timestamp.from(Instant.parse("2021-04-01T00:00:00Z")),
						Timestamp.from(Instant.parse("2021-04-30T00:00:00Z")), now).update();
		jdbc.sql("""
				insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                            supported_by, supported_at)
				select md5(? || p)::uuid, '216901231', ?, 'Lyon', 'COMMUNE', '69', '84', 522250, 'agent-216901231', ?
				from generate_series(1, 40) p""").params(campaign.toString(), campaign, now).update();
	}

	@AfterEach
	void forget() {
		jdbc.sql("delete from voting.support where campaign_id = ?").param(campaign).update();
		jdbc.sql("delete from voting.campaign where id = ?").param(campaign).update();
	}

	@Test
	void publicReadsAreSharedCachedRevalidatedAndCompressed() throws Exception {
		var compressed = List.of("/api/open-data/schemas/soutiens.json",
				"/api/open-data/campaigns/" + campaign + "/soutiens/schema.json", "/donnees-ouvertes/catalogue.jsonld",
				"/api/open-data/campaigns/" + campaign + "/soutiens.csv",
				"/api/open-data/campaigns/" + campaign + "/soutiens.json");
		for (var path : concat(compressed, List.of("/api/campaigns", "/api/open-data/catalogue.jsonld"))) {
			var first = send(path, null, "Origin", ORIGIN, "Accept-Encoding", "gzip");
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			var headers = first.headers();
			assertThat(headers.firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
			assertThat(headers.firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
			assertThat(headers.firstValue("Access-Control-Expose-Headers").orElse("")).as(path).contains("ETag");
			assertThat(headers.allValues("Cache-Control").toString()).as(path).doesNotContain("no-store");
			var etag = headers.firstValue("ETag");
			assertThat(etag).as(path).isPresent();
			if (compressed.contains(path)) {
				assertThat(headers.firstValue("Content-Encoding")).as(path).hasValue("gzip");
			}
			var again = send(path, null, "Origin", ORIGIN, "If-None-Match", etag.get());
			assertThat(again.statusCode()).as("%s with If-None-Match", path).isEqualTo(304);
		}
	}

	@Test
	void aScriptOfAnotherSiteMayAskConditionallyButWithoutCredentials() throws Exception {
		var preflight = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/campaigns"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ORIGIN)
				.header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "if-none-match")
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(preflight.statusCode()).isBetween(200, 204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
				.contains("if-none-match");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		var signedIn = send("/api/campaigns", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()),
				"Origin", ORIGIN);
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(signedIn.headers().allValues("Cache-Control").toString()).contains("no-store");
	}

	/**
	 * Issue 26, acceptance 3: a dataset version is sent from its file with its length, so that a client knows the
	 * size from the first byte; sent by the kernel when nothing compresses it, and whole every time.
	 */
	@Test
	void aDownloadIsSentFromItsFileWithItsLengthWholeEachTime() throws Exception {
		var path = "/api/open-data/campaigns/" + campaign + "/soutiens.csv";
		var first = send(path, null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(first.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);
		assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8).lines().count()).isEqualTo(41);
		var again = send(path, null);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		var head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);
		assertThat(head.body()).isEmpty();
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	CatalogueAnswers catalogues;

	/** What a module of this instance announces when it changes something (its events, {@code cocon.<module>.events}). */
	record SomethingChanged(UUID campaign) {
	}

	/**
	 * Issue 26, acceptance 4 (ADR 0061): the DCAT catalogue is made once per change, not once per read — the same
	 * catalogue under the same ETag — and a change announced on this instance is in the very next read.
	 */
	@Test
	void theCatalogueIsMadeOncePerChangeAndShowsAChangeAnnouncedHereAtOnce() throws Exception {
		var made = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Supplier<java.util.Map<String, Object>> make = () -> java.util.Map.of("n", made.incrementAndGet());
		assertThat(catalogues.catalogue("https://ailleurs.example", make))
				.isSameAs(catalogues.catalogue("https://ailleurs.example", make));
		assertThat(made).hasValue(1);

		var path = "/api/open-data/catalogue.jsonld";
		var first = send(path, null);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
		var etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(send(path, null).headers().firstValue("ETag")).hasValue(etag);
		assertThat(send(path, null, "If-None-Match", etag, "Origin", ORIGIN).statusCode()).isEqualTo(304);

		var created = UUID.randomUUID();
		var at = java.util.stream.Stream.of("01-04", "01-25", "03-15", "04-01", "04-30", "05-10", "06-10")
				.map(day -> Timestamp.from(Instant.parse("2021-" + day + "T10:00:00Z"))).toList();
		jdbc.sql("""
				insert into governance.campaign (id, title, description, envelope_euros, themes, support_kinds,
				  working_group_kinds, contributions_opens, contributions_closes, supports_opens, supports_closes,
				  referent_applications_opens, referent_applications_closes, shortlist_decision, funding_decision,
				  created_by, created_at)
				values (?, 'Campagne annoncée au catalogue', '', 1000000, array['Mobilités'], array['COMMUNE'],
				  array['COMMUNE'], ?, ?, ?, ?, ?, ?, date '2021-05-03', date '2021-07-05', 'admin', ?)""")
				.params(created, at.get(1), at.get(2), at.get(3), at.get(4), at.get(5), at.get(6), at.get(0)).update();
		try {
			events.publishEvent(new SomethingChanged(created));
			var after = send(path, null, "If-None-Match", etag);
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8))
					.contains("Campagne annoncée au catalogue");
			assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		}
		finally {
			jdbc.sql("delete from governance.campaign where id = ?").param(created).update();
			events.publishEvent(new SomethingChanged(created));
		}
	}

	private HttpResponse<byte[]> send(String path, String authorization, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}
}
