package cocon.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20, finding 3: 30 clients keep a large download open and read nothing (a small receive window, as a client
 * reading one byte a second has), more than the database pool's 20 connections, while a support is written and
 * pages and API reads are served as usual — a download holds no database connection at a client's pace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowDownloadsTests {

	static final int CLIENTS = 30;
	static final int PROPOSALS = 1_000;
	static final int COLLECTIVITES = 60;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final UUID campaign = UUID.randomUUID();
	/** A campaign whose supports are open now, with one published proposal: a support is written during the stall. */
	final UUID openCampaign = UUID.randomUUID();
	final UUID openProposal = UUID.randomUUID();
	final List<Socket> clients = new ArrayList<>();
	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void closeAndForget() throws IOException {
		for (var client : clients) {
			client.close();
		}
		for (var id : List.of(campaign, openCampaign)) {
			jdbc.sql("delete from voting.support where campaign_id = ?").param(id).update();
			jdbc.sql("delete from voting.campaign where id = ?").param(id).update();
		}
		jdbc.sql("delete from voting.proposal where id = ?").param(openProposal).update();
	}

	@Test
	void clientsThatReadNothingHoldNoDatabaseConnection() throws Exception {
		// 60 000 supports (about 6.5 MB of CSV: far more than the sockets' buffers hold), written straight to voting
		var now = Timestamp.from(Instant.parse("2021-04-20T10:00:00Z"));
		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, as_of)
				values (?, 'Téléchargements lents', '{COMMUNE}', ?, ?, ?)""")
				.params(campaign, Timestamp.from(Instant.parse("2021-04-01T00:00:00Z")),
						Timestamp.from(Instant.parse("2021-04-30T00:00:00Z")), now).update();
		jdbc.sql("""
				insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                            supported_by, supported_at)
				select md5(? || p)::uuid, s.siren, ?, 'Commune ' || s.siren, 'COMMUNE', '69', '84', 1000 + p,
				       'agent-' || s.siren, ?
				from generate_series(1, ?) p cross join unnest(?::text[]) as s(siren)""")
				.params(campaign.toString(), campaign, now, PROPOSALS, sirens()).update();

		var today = Instant.now();
		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, as_of)
				values (?, 'Soutiens ouverts pendant les téléchargements lents', '{COMMUNE}', ?, ?, ?)""")
				.params(openCampaign, Timestamp.from(today.minus(Duration.ofDays(1))),
						Timestamp.from(today.plus(Duration.ofDays(1))), Timestamp.from(today)).update();
		jdbc.sql("""
				insert into voting.proposal (id, campaign_id, title, summary, theme, published_at, content_as_of)
				values (?, ?, 'Proposition soutenue pendant les téléchargements', 'Résumé', 'Dématérialisation', ?, ?)""")
				.params(openProposal, openCampaign, Timestamp.from(today), Timestamp.from(today)).update();

		var download = "GET /api/open-data/campaigns/" + campaign + "/soutiens.csv HTTP/1.1\r\nHost: localhost\r\n\r\n";
		for (int i = 0; i < CLIENTS; i++) {
			var client = new Socket();
			client.setReceiveBufferSize(1024);
			client.setSoTimeout(60_000);
			client.connect(new InetSocketAddress("localhost", port), 5_000);
			clients.add(client);
			client.getOutputStream().write(download.getBytes(StandardCharsets.US_ASCII));
			client.getOutputStream().flush();
		}
		// every download has begun (its status line arrived), then none reads any further
		for (var client : clients) {
			assertThat(statusLine(client.getInputStream())).isEqualTo("HTTP/1.1 200 ");
		}

		// a commune's support is written and acknowledged as usual
		var support = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/proposals/"
				+ openProposal + "/support")).timeout(Duration.ofSeconds(10))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString("agent-216901231:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(support.statusCode()).as("a support while %d downloads wait for their clients: %s", CLIENTS,
				support.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from voting.support where proposal_id = ?").param(openProposal)
				.query(Long.class).single()).isEqualTo(1);

		for (var path : List.of("/api/campaigns", "/", "/donnees-ouvertes", "/api/collectivites?kind=COMMUNE&size=5",
				"/api/campaigns", "/donnees-ouvertes/catalogue.jsonld")) {
			for (int i = 0; i < 5; i++) {
				var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
						.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
				assertThat(answer.statusCode()).as("GET %s while %d downloads wait for their clients", path, CLIENTS)
						.isEqualTo(200);
			}
		}
		// and the next one starts at once, from the file written for the first
		long started = System.nanoTime();
		var again = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/open-data/campaigns/" + campaign + "/soutiens.csv")).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(again.statusCode()).isEqualTo(200);
		try (var body = again.body()) {
			assertThat(new String(body.readNBytes(200), StandardCharsets.UTF_8)).startsWith("proposition_id,siren,nom");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	/** Reads up to the first space after the status code's start: "HTTP/1.1 200 ". */
	private static String statusLine(InputStream in) throws IOException {
		var line = new StringBuilder();
		while (line.length() < 13) {
			int c = in.read();
			if (c < 0) {
				break;
			}
			line.append((char) c);
		}
		return line.toString();
	}

	/** Valid SIRENs (Luhn), kept as text. */
	private static String[] sirens() {
		var sirens = new String[COLLECTIVITES];
		for (int i = 0; i < COLLECTIVITES; i++) {
			var base = "21690" + String.format("%03d", 100 + i);
			for (int check = 0; check <= 9; check++) {
				if (luhn(base + check)) {
					sirens[i] = base + check;
					break;
				}
			}
		}
		return sirens;
	}

	private static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}
}
