package cocon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad inputs found by the black-box probe of issue 10, over real HTTP (Tomcat included): each is refused with a
 * French problem detail naming the field (a DSFR page for a browser), never a 500, and nothing is stored. Shares the
 * database of {@link GeneratedInputTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cocon.test.database=generated_inputs")
class BadInputTests {

	/** Decision days are days of Paris: the UTC date of an instant after 22:00 or 23:00 UTC is the day before. */
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		/** The fields the problem names. */
		List<String> fields() {
			var fields = new java.util.ArrayList<String>();
			json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
			return fields;
		}
	}

	@Test
	void aNulCharacterInAnyTextIsRefusedNamingTheField() throws Exception {
		long before = campaigns();
		var body = campaign();
		body.put("title", "Campagne\u0000cachée");
		var answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("title");
		assertThat(answer.json().path("detail").asString()).contains("caractère nul");

		body = campaign();
		body.put("themes", List.of("Mobilités", "Éner\u0000gie"));
		answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("themes[1]");

		answer = send("GET", "/api/admin/roles?username=ad%00min", "admin", null, null, null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("username");
		assertThat(campaigns()).as("nothing stored").isEqualTo(before);
	}

	@Test
	void everyTextHasALimitAndTheCampaignDescriptionTenThousandCharacters() throws Exception {
		long before = campaigns();
		var body = campaign();
		body.put("description", "x".repeat(10_001));
		var answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("description");
		body.put("description", "x".repeat(100_000));
		answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("description");
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void decimalsForWholeEurosEmptyKindsAndA1900CalendarAreRefused() throws Exception {
		long before = campaigns();
		var body = campaign();
		body.put("envelopeEuros", 1.5);
		var answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("envelopeEuros");

		body = campaign();
		body.put("supportKinds", List.of());
		answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("supportKinds");

		body = campaign();
		var old = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1));
		body.put("calendar", calendar(old, old.plusDays(30)));
		answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).contains("calendar.contributions.opens");
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void anUnknownFieldIsRefusedNamingIt() throws Exception {
		long before = campaigns();
		var body = campaign();
		body.put("budget", 12);
		var answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("budget");
		assertThat(answer.json().path("detail").asString()).contains("« budget » est inconnu");
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void aNotANumberWeightIsRefused() throws Exception {
		var id = created(send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(campaign()), null));
		for (var weight : List.of("NaN", "Infinity", "-1", "1e308")) {
			var answer = send("GET", "/api/campaigns/" + id + "/decision-inputs?supportsWeight=" + weight, "admin", null,
					null, null);
			assertProblem(answer, 400);
			assertThat(answer.fields()).as(weight).containsExactly("supportsWeight");
		}
	}

	@Test
	void anEncodedSlashAndALongAddressGetAFrenchProblemOrTheDsfrPage() throws Exception {
		var api = send("GET", "/api/campaigns/a%2Fb", null, null, null, null);
		assertProblem(api, 400);
		var page = send("GET", "/campagnes/a%2Fb", null, null, null, "text/html");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("lang=\"fr\"", "fr-container", "Requête invalide").doesNotContain("Tomcat", "HTTP Status");

		var query = "?q=" + "a".repeat(20_000);
		assertProblem(send("GET", "/api/campaigns" + query, null, null, null, null), 414);
		page = send("GET", "/campagnes" + query, null, null, null, "text/html");
		assertThat(page.status()).isEqualTo(414);
		assertThat(page.body()).contains("lang=\"fr\"", "trop longue");
		// beyond what Tomcat reads, its refusal is in French too
		assertProblem(send("GET", "/api/campaigns?q=" + "a".repeat(40_000), null, null, null, null), 400);
	}

	@Test
	void largeBodiesAreRefusedAtOnceWith413() throws Exception {
		long before = campaigns();
		long started = System.nanoTime();
		var answer = rawPost("/api/campaigns", "admin", "application/json", 50L * 1024 * 1024);
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("application/problem+json", "Contenu trop volumineux");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(rawPost("/api/campaigns", "admin", "application/json", 5L * 1024 * 1024)).startsWith("HTTP/1.1 413");
		assertThat(rawPost("/api/campaigns/" + java.util.UUID.randomUUID() + "/contributions/import", "curator",
				"text/csv", 50L * 1024 * 1024)).startsWith("HTTP/1.1 413");
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void aBodySentInChunksIsCountedAndRefusedWith413PastTheLimit() throws Exception {
		long before = campaigns();
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			var auth = Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
			var out = socket.getOutputStream();
			out.write(("POST /api/campaigns HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
					+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nAccept: application/json\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			var chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			chunk[0] = '{';
			for (int i = 0; i < 24; i++) { // 1,5 MB of JSON whitespace, never a complete document
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				chunk[0] = ' ';
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			var answer = readAnswer(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
		}
		assertThat(campaigns()).isEqualTo(before);
	}

	@Test
	void anEmptyCsvIsToldItIsAnEmptyFileAndANulInALineNamesTheLine() throws Exception {
		var id = created(send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(campaign()), null));
		// intake learns the campaign from governance's event, after the creation's commit
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc
				.sql("select count(*) from intake.campaign where id = ?::uuid").param(id.toString()).query(Long.class).single() == 1);
		var empty = send("POST", "/api/campaigns/" + id + "/contributions/import", "curator", "text/csv", new byte[0], null);
		assertProblem(empty, 400);
		assertThat(empty.json().path("detail").asString()).contains("Le fichier est vide").doesNotContain("JSON");
		var csv = "title,need,theme,authorRole,authorFunction,siren\nUn titre,Un be\u0000soin,Mobilités,AGENT,Agent,216901231\n";
		var nul = send("POST", "/api/campaigns/" + id + "/contributions/import", "curator", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8), null);
		assertProblem(nul, 400);
		assertThat(nul.json().path("detail").asString()).contains("Ligne 2", "« need »", "caractère nul");
		assertThat(jdbc.sql("select count(*) from intake.contribution where campaign_id = ?::uuid").param(id)
				.query(Long.class).single()).isZero();
	}

	@Test
	void sqlMetacharactersAndScriptsAreStoredVerbatimAndShownEscaped() throws Exception {
		var title = "Campagne '; drop table governance.campaign; -- <script>alert('x')</script>";
		var body = campaign();
		body.put("title", title);
		var id = created(send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null));
		assertThat(send("GET", "/api/campaigns/" + id, null, null, null, null).json().get("title").asString()).isEqualTo(title);
		var page = send("GET", "/campagnes", null, null, null, "text/html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
	}

	@Test
	void wrongTypesNullsAndContentTypesKeepTheirFrenchAnswers() throws Exception {
		var body = campaign();
		body.put("envelopeEuros", "trente millions");
		var answer = send("POST", "/api/campaigns", "admin", "application/json", JSON.writeValueAsBytes(body), null);
		assertProblem(answer, 400);
		assertThat(answer.fields()).containsExactly("envelopeEuros");
		assertProblem(send("POST", "/api/campaigns", "admin", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), null), 415);
		assertProblem(send("POST", "/api/campaigns", "admin", "application/json", "{\"title\": ".getBytes(StandardCharsets.UTF_8), null), 400);
		assertProblem(send("POST", "/api/campaigns", "admin", "application/json", new byte[0], null), 400);
	}

	// ---------------------------------------------------------------------------------------------------------

	long campaigns() {
		return jdbc.sql("select count(*) from governance.campaign").query(Long.class).single();
	}

	static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
		var problem = answer.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(answer.body()).doesNotContain("Exception", "at cocon.", "Tomcat");
	}

	static String created(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.json().get("id").asString();
	}

	static Map<String, Object> campaign() {
		var now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
		var body = new LinkedHashMap<String, Object>();
		body.put("title", "Campagne des entrées invalides");
		body.put("description", "Une campagne pour vérifier les refus.");
		body.put("envelopeEuros", 1_000_000);
		body.put("themes", List.of("Mobilités", "Énergie"));
		body.put("calendar", calendar(now.plusDays(1), now.plusDays(10)));
		return body;
	}

	static Map<String, Object> calendar(OffsetDateTime opens, OffsetDateTime closes) {
		var referents = closes.plusDays(11);
		return Map.of("contributions", Map.of("opens", opens.toString(), "closes", closes.toString()),
				"supports", Map.of("opens", closes.plusHours(1).toString(), "closes", closes.plusDays(10).toString()),
				"referentApplications", Map.of("opens", referents.toString(), "closes", referents.plusDays(20).toString()),
				"shortlistDecision", referents.atZoneSameInstant(PARIS).toLocalDate().toString(),
				"fundingDecision", referents.atZoneSameInstant(PARIS).toLocalDate().plusDays(60).toString());
	}

	Answer send(String method, String uri, String identity, String contentType, byte[] body, String accept)
			throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri)).timeout(Duration.ofSeconds(30))
				.header("Accept", accept == null ? "application/json" : accept);
		if (identity != null) {
			builder.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((identity + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
	}

	/** Announces a body of {@code length} bytes and sends only the headers: the answer must come before the body. */
	String rawPost(String path, String identity, String contentType, long length) throws Exception {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			var auth = Base64.getEncoder().encodeToString((identity + ":demo").getBytes(StandardCharsets.UTF_8));
			var head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
					+ "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\nAccept: application/json\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return readAnswer(socket.getInputStream());
		}
	}

	/** The status line, headers and JSON body of an answer, read until the body's end. */
	static String readAnswer(java.io.InputStream in) throws java.io.IOException {
		var answer = new StringBuilder();
		var buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) > 0) {
			answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			if (answer.indexOf("}") > 0) {
				break;
			}
		}
		return answer.toString();
	}
}
