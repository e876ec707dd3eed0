package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The authorization matrix ({@code docs/autorisations.csv}, explained in {@code docs/autorisations.md}): every API
 * operation of the OpenAPI document and every route of the request mappings has a row, and every cell — the answer
 * a role gets — holds against the running application with the real demo identities, over HTTP Basic and again with
 * the session cookie of a sign-in.
 * <p>
 * {@code -Dcocon.matrix.record=true} writes what the application answered to {@code target/autorisations-observees.csv},
 * to review when a route is added; the committed matrix is what the project decided, not a recording.
 */
class AuthorizationMatrixTests extends SecurityTest {

	static final Path MATRIX = Path.of("docs/autorisations.csv");

	/** The roles, in the order of the matrix's columns, and the demo identity that plays each. */
	static final List<String> ROLES = List.of("anonyme", "contributeur", "agent-eligible", "agent-non-verifie", "curateur",
			"membre-comite", "membre-autre-comite", "administrateur");

	/**
	 * The bodies of the API writes whose handler validates its body before it checks the role: a valid body, so that
	 * the cell says who gets in, not what the validation says. Every other write gets {@code {}}.
	 */
	static final Map<String, String> BODIES = Map.of(
			"POST /api/proposals/{id}/referent-applications", """
					{"motivation": "Tests de sécurité", "contactName": "Contact", "contactEmail": "contact@example.org"}""",
			"POST /api/proposals/{id}/working-group/sessions", """
					{"date": "2021-06-01", "subject": "Séance des tests", "attendees": ["216901231"]}""",
			// a CSV the import refuses (unknown columns), so that nothing is imported
			"POST /api/campaigns/{campaignId}/contributions/import", "colonne inconnue\nvaleur\n");

	@Autowired
	ApplicationContext context;

	record Row(String method, String path, String request, Map<String, String> expected, int line) {

		String operation() {
			return method + " " + path;
		}
	}

	@Test
	void everyOperationAndRouteOfTheApplicationHasARowAndNoRowIsStale() throws Exception {
		var operations = operations();
		var rows = new TreeSet<String>();
		read().forEach(row -> rows.add(row.operation()));

		var missing = new TreeSet<>(operations);
		missing.removeAll(rows);
		var stale = new TreeSet<>(rows);
		stale.removeAll(operations);

		if (Boolean.getBoolean("cocon.matrix.record")) {
			Files.createDirectories(Path.of("target"));
			Files.write(Path.of("target/autorisations-manquantes.csv"), missing.stream()
					.map(operation -> operation.replace(' ', ',') + "," + requestOf(operation.substring(operation.indexOf(' ') + 1))
							+ ",?".repeat(ROLES.size()))
					.toList(), StandardCharsets.UTF_8);
		}
		assertThat(missing).as("opérations sans ligne dans " + MATRIX).isEmpty();
		assertThat(stale).as("lignes de " + MATRIX + " sans opération dans l'application").isEmpty();
		assertThat(operations).hasSizeGreaterThan(100);
	}

	@Test
	void everyRoleGetsTheAnswerTheMatrixSaysOnEveryOperation() throws Exception {
		check("observees", (row, role, username, values) -> answer(row, username, values));
	}

	/**
	 * The same matrix with the credentials production uses: a session cookie after a sign-in (ProConnect there, the
	 * demo form here), over the real HTTP server and Spring Session's tables, every write carrying the CSRF token of
	 * the session as a browser's script would (ADR 0035). A sign-in per role, again after an operation that ends the
	 * session (sign-out, erasure of one's data).
	 */
	@Test
	void everyRoleGetsTheSameAnswersWithASessionCookie() throws Exception {
		var http = new Http(port);
		var sessions = new LinkedHashMap<String, String[]>();
		check("observees-session", (row, role, username, values) -> {
			var session = sessions.get(role);
			if (session == null) {
				// the visitor has a session too: the one of the sign-in page, whose forms carry its token
				var page = http.get("/connexion");
				String cookie = username == null ? Http.sessionCookie(page) : http.signIn(username);
				session = new String[] { cookie, Http.csrfToken(username == null ? page
						: http.get("/", "Cookie", "JSESSIONID=" + cookie)) };
				sessions.put(role, session);
			}
			var answer = sessionAnswer(http, row, session, values);
			if (answer.sessionEnded()) {
				sessions.remove(role);
			}
			return answer.cell();
		});
	}

	interface Answerer {
		String answer(Row row, String role, String username, Map<String, String> values) throws Exception;
	}

	private void check(String recording, Answerer answerer) throws Exception {
		var identities = identities();
		var values = fixtures.placeholders();
		var failures = new ArrayList<String>();
		var observed = new ArrayList<String>();
		for (var row : read()) {
			var line = new StringBuilder(row.method() + "," + row.path() + "," + row.request());
			long began = System.nanoTime();
			for (var role : ROLES) {
				String answer = answerer.answer(row, role, identities.get(role), values);
				line.append(',').append(answer);
				var allowed = Set.of(row.expected().get(role).split("\\|"));
				if (!allowed.contains(answer)) {
					failures.add("%s (ligne %d) en %s : attendu %s, obtenu %s".formatted(row.operation(), row.line(), role,
							row.expected().get(role), answer));
				}
			}
			observed.add(line + (Boolean.getBoolean("cocon.matrix.timing") ? "," + (System.nanoTime() - began) / 1_000_000 + " ms" : ""));
		}
		if (Boolean.getBoolean("cocon.matrix.record")) {
			Files.createDirectories(Path.of("target"));
			Files.write(Path.of("target/autorisations-" + recording + ".csv"), observed, StandardCharsets.UTF_8);
		}
		assertThat(failures).as("cases de la matrice démenties par l'application").isEmpty();
	}

	record SessionAnswer(String cell, boolean sessionEnded) {
	}

	/** The answer over HTTP with the session {cookie, CSRF token}, or anonymous without a cookie. */
	private SessionAnswer sessionAnswer(Http http, Row row, String[] session, Map<String, String> values) throws Exception {
		String uri = row.request();
		for (var value : values.entrySet()) {
			uri = uri.replace("{" + value.getKey() + "}", value.getValue());
		}
		String method = "*".equals(row.method()) ? "GET" : row.method();
		boolean api = row.path().startsWith("/api/") || row.path().startsWith("/actuator") || row.path().startsWith("/v3/");
		var headers = new ArrayList<String>();
		String type = null;
		String body = null;
		if (api) {
			headers.addAll(List.of("Accept", "application/json, application/problem+json, */*"));
			if (Set.of("POST", "PUT", "PATCH").contains(method)) {
				type = row.path().endsWith("/import") ? "text/csv" : "application/json";
				body = row.path().endsWith("/import") ? BODIES.get(row.operation()) : BODIES.getOrDefault(row.operation(), "{}");
			}
		}
		else {
			headers.addAll(List.of("Accept", "text/html"));
			if ("POST".equals(method) && row.path().endsWith("/import")) {
				type = "multipart/form-data; boundary=matrice";
				body = "--matrice\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vide.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\n\r\n--matrice--\r\n";
			}
		}
		if (session != null) {
			headers.addAll(List.of("Cookie", "JSESSIONID=" + session[0]));
			if (!"GET".equals(method)) {
				headers.addAll(List.of("X-CSRF-TOKEN", session[1]));
			}
		}
		var response = http.send(method, uri, type, body, headers.toArray(String[]::new));
		String setCookie = Http.setCookie(response);
		boolean ended = session != null && setCookie != null && !setCookie.startsWith("JSESSIONID=" + session[0] + ";");
		int status = response.statusCode();
		if (status / 100 == 3) {
			String location = response.headers().firstValue("Location").orElse(null);
			return new SessionAnswer(location != null && location.contains("/connexion") ? "connexion" : "3xx", ended);
		}
		return new SessionAnswer(switch (status) {
			case 401, 403, 404 -> Integer.toString(status);
			default -> status / 100 + "xx";
		}, ended);
	}

	private Map<String, String> identities() {
		var identities = new LinkedHashMap<String, String>();
		identities.put("anonyme", null);
		identities.put("contributeur", SecurityFixtures.CONTRIBUTOR);
		identities.put("agent-eligible", SecurityFixtures.ELIGIBLE_AGENT);
		identities.put("agent-non-verifie", fixtures.unverifiedAgent);
		identities.put("curateur", "curator");
		identities.put("membre-comite", "committee1");
		identities.put("membre-autre-comite", "committee5");
		identities.put("administrateur", "admin");
		return identities;
	}

	/** The class of the answer: 2xx, connexion (sent to the sign-in page), 3xx, 401, 403, 404, 4xx, 5xx. */
	private String answer(Row row, String username, Map<String, String> values) throws Exception {
		String uri = row.request();
		for (var value : values.entrySet()) {
			uri = uri.replace("{" + value.getKey() + "}", value.getValue());
		}
		String method = "*".equals(row.method()) ? "GET" : row.method();
		boolean api = row.path().startsWith("/api/") || row.path().startsWith("/actuator") || row.path().startsWith("/v3/");
		// the CSV import page takes a file: a multipart form, empty
		var request = !api && "POST".equals(method) && row.path().endsWith("/import")
				? multipart(uri).file(new MockMultipartFile("file", "vide.csv", "text/csv", new byte[0]))
				: request(HttpMethod.valueOf(method), uri);
		if (api) {
			request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
			if (Set.of("POST", "PUT", "PATCH").contains(method)) {
				if (row.path().endsWith("/import")) {
					request.contentType("text/csv").content(BODIES.get(row.operation()).getBytes(StandardCharsets.UTF_8));
				}
				else {
					request.contentType(MediaType.APPLICATION_JSON).content(BODIES.getOrDefault(row.operation(), "{}"));
				}
			}
		}
		else {
			request.accept(MediaType.TEXT_HTML);
			if (!"GET".equals(method)) {
				request.with(csrf());
			}
		}
		if (username != null) {
			request.with(httpBasic(username, SecurityFixtures.PASSWORD));
		}
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception unhandled) {
			// what the servlet container would answer with its error page: never expected in the matrix
			return "exception";
		}
		int status = response.getStatus();
		if (status / 100 == 3) {
			String location = response.getHeader(HttpHeaders.LOCATION);
			return location != null && location.contains("/connexion") ? "connexion" : "3xx";
		}
		return switch (status) {
			case 401, 403, 404 -> Integer.toString(status);
			default -> status / 100 + "xx";
		};
	}

	/** Every operation of the OpenAPI document and every route of the request mappings, as « METHOD /path ». */
	private Set<String> operations() throws Exception {
		var operations = new TreeSet<String>();
		var document = SecurityFixtures.JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
				.getContentAsString());
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
				operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}));
		for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				var methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						operations.add("* " + pattern);
					}
					methods.forEach(m -> operations.add(m.name() + " " + pattern));
				}
			}
		}
		return operations;
	}

	/** A first guess of the request of a new route, to review: the placeholders the fixtures give values for. */
	static String requestOf(String path) {
		String request = path.replace("{campaignId}", "{campaign}").replace("{applicationId}", "{application}");
		if (path.startsWith("/api/campaigns/{id}") || path.startsWith("/campagnes/{id}") || path.startsWith("/admin/campagnes/{id}")
				|| path.startsWith("/curation/campagnes/{id}")) {
			return request.replace("{id}", "{campaign}");
		}
		if (path.startsWith("/api/contributions/{id}") || path.startsWith("/curation/contributions/{id}")) {
			return request.replace("{id}", "{contribution}");
		}
		if (path.startsWith("/api/referent-applications/{id}")) {
			return request.replace("{id}", "{application}");
		}
		if (path.startsWith("/api/collectivites/")) {
			return request.replace("{siren}", "{collectivite}");
		}
		return request.replace("{id}", "{proposal}");
	}

	static List<Row> read() throws IOException {
		var lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
		var header = Arrays.asList(lines.get(0).split(","));
		assertThat(header.subList(3, header.size())).as("colonnes des rôles de " + MATRIX).isEqualTo(ROLES);
		var rows = new ArrayList<Row>();
		for (int i = 1; i < lines.size(); i++) {
			var line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			var cells = line.split(",", -1);
			assertThat(cells).as("ligne %d de %s", i + 1, MATRIX).hasSize(header.size());
			var expected = new LinkedHashMap<String, String>();
			for (int r = 0; r < ROLES.size(); r++) {
				expected.put(ROLES.get(r), cells[3 + r].strip());
			}
			rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), expected, i + 1));
		}
		return rows;
	}
}
