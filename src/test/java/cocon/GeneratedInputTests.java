package cocon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import cocon.testing.TableRows;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write operation (POST, PUT, PATCH, DELETE) of the running application's OpenAPI document, driven with seeded
 * random and malformed inputs by a walker over the document's schemas, signed in as an identity its rules allow:
 * never a 5xx, every refusal a French {@code application/problem+json} without a stack trace, and nothing stored by
 * a refused request (the rows of every table of every schema are counted before and after). In a database of its
 * own, so that no other test's data or background work moves the counts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cocon.test.database=generated_inputs")
class GeneratedInputTests {

	/** Decision days are days of Paris: the UTC date of an instant after 22:00 or 23:00 UTC is the day before. */
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final long SEED = 20_261_201L;
	static final int INPUTS_PER_OPERATION = 24;
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	static final String LYON = "216901231";
	static final List<String> IDENTITIES = List.of("admin", "curator", "committee1", "agent-" + LYON);
	static final List<String> METHODS = List.of("post", "put", "patch", "delete");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionOperations transactions;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Operation(String method, String path, JsonNode operation) {

		String name() {
			return method.toUpperCase() + " " + path;
		}
	}

	record Input(String description, Map<String, String> pathValues, String contentType, byte[] body) {
	}

	record Answer(int status, String contentType, String body, String etag) {

		Answer(int status, String contentType, String body) {
			this(status, contentType, body, null);
		}
	}

	@Test
	void everyWriteOperationAnswersBadInputWithAFrenchProblemAndStoresNothing() throws Exception {
		var fixture = new Fixture();
		fixture.prepare();
		var api = JSON.readTree(send("GET", "/v3/api-docs", "admin", null, null).body());
		var operations = writeOperations(api);
		assertThat(operations).as("write operations of the OpenAPI document").hasSizeGreaterThanOrEqualTo(24);

		var random = new Random(SEED);
		var failures = new ArrayList<String>();
		int tried = 0;
		int refused = 0;
		for (var identity : IDENTITIES) {
			send("GET", "/api/me", identity, null, null); // a first sign-in may record things: not during the run
		}
		awaitQuiet();
		var before = counts();
		long started = System.nanoTime();
		for (var operation : operations) {
			var inputs = new Inputs(api, operation, fixture, random);
			String identity = identityFor(operation, inputs);
			// anonymous first: refused, documented, nothing stored (the contract a generated client relies on)
			var valid = inputs.valid();
			var anonymousAnswer = anonymousWrite(operation.method().toUpperCase(), inputs.uri(valid), valid.contentType(),
					valid.body());
			tried++;
			String anonymousWhat = operation.name() + " [valide] as anonyme → " + anonymousAnswer.status();
			if (anonymousAnswer.status() != 401) {
				failures.add(anonymousWhat + " : an anonymous write is answered 401");
			}
			undocumented(operation.operation(), anonymousAnswer).ifPresent(problem -> failures.add(anonymousWhat + " : " + problem));
			// then the valid input as each other role: whatever they are answered is documented, never a 5xx
			for (var other : IDENTITIES) {
				if (other.equals(identity)) {
					continue;
				}
				var answer = send(operation.method().toUpperCase(), inputs.uri(valid), other, valid.contentType(), valid.body());
				tried++;
				String what = operation.name() + " [valide] as " + other + " → " + answer.status();
				if (answer.status() >= 500) {
					failures.add(what + " : " + abbreviate(answer.body()));
				}
				undocumented(operation.operation(), answer).ifPresent(problem -> failures.add(what + " : " + problem));
			}
			awaitQuiet(); // the probe may have been accepted
			before = counts();
			for (int i = 0; i < INPUTS_PER_OPERATION; i++) {
				var input = i == 0 ? inputs.valid() : inputs.next();
				var answer = send(operation.method().toUpperCase(), inputs.uri(input), identity, input.contentType(),
						input.body());
				tried++;
				String what = operation.name() + " [" + input.description() + "] as " + identity + " → " + answer.status();
				undocumented(operation.operation(), answer).ifPresent(problem -> failures.add(what + " : " + problem));
				if (answer.status() >= 500) {
					failures.add(what + " : " + abbreviate(answer.body()));
				}
				else if (answer.status() >= 400) {
					refused++;
					problemIn(answer).ifPresent(problem -> failures.add(what + " : " + problem));
					var after = counts();
					if (!after.equals(before)) {
						failures.add(what + " stored something : " + difference(before, after));
						awaitQuiet();
						before = counts();
					}
				}
				else {
					awaitQuiet();
					before = counts();
				}
			}
		}
		System.out.printf("Entrées générées : %d essayées sur %d opérations d'écriture (graine %d), %d refusées en 4xx, "
				+ "en %d s.%n", tried, operations.size(), SEED, refused, Duration.ofNanos(System.nanoTime() - started).toSeconds());
		assertThat(failures).as("bad inputs answered wrongly (%d tried)", tried).isEmpty();
		assertThat(refused).as("most generated inputs are refused").isGreaterThan(tried / 2);
	}

	/**
	 * Every read (GET) of the document, with the fixture's identifiers, as anonymous and as each identity (issue 22):
	 * never a 5xx, and every answer's status and content type documented for that operation (the contract an
	 * integrator's generated client relies on). A public read is also asked again with its ETag: 304, documented.
	 */
	@Test
	void everyReadAnswersADocumentedStatusAndContentTypeForAnyoneAndNeverA5xx() throws Exception {
		var fixture = new Fixture();
		fixture.prepare();
		var api = JSON.readTree(send("GET", "/v3/api-docs", "admin", null, null).body());
		var failures = new ArrayList<String>();
		int tried = 0;
		var identities = new ArrayList<String>();
		identities.add(null);
		identities.addAll(IDENTITIES);
		for (var path : api.get("paths").propertyNames()) {
			var operation = api.get("paths").get(path).get("get");
			if (operation == null) {
				continue;
			}
			var uri = path;
			for (var name : List.of("id", "siren", "dataset", "format")) {
				uri = uri.replace("{" + name + "}", switch (name) {
					case "siren" -> LYON;
					case "dataset" -> "propositions";
					case "format" -> "csv";
					default -> path.startsWith("/api/proposals/") ? fixture.proposals.get(0)
							: path.startsWith("/api/contributions/") ? fixture.contributions.get(0)
							: path.startsWith("/api/referent-applications/") && !fixture.applications.isEmpty()
									? fixture.applications.get(0) : fixture.campaigns.get(1);
				});
			}
			for (var identity : identities) {
				var answer = identity == null ? anonymous(uri, null) : send("GET", uri, identity, null, null);
				tried++;
				var what = "GET " + uri + " as " + (identity == null ? "anonyme" : identity) + " → " + answer.status();
				undocumented(operation, answer).ifPresent(problem -> failures.add(what + " : " + problem));
				if (identity == null && answer.status() == 200 && answer.etag() != null) {
					var again = anonymous(uri, answer.etag());
					undocumented(operation, again).ifPresent(problem -> failures.add(what + " (If-None-Match) : " + problem));
					if (again.status() != 304) {
						failures.add(what + " : " + again.status() + " au lieu de 304 avec son ETag");
					}
				}
			}
		}
		System.out.printf("Lectures : %d requêtes sur les opérations GET, anonyme et %d identités.%n", tried, IDENTITIES.size());
		assertThat(failures).as("reads answered outside the document (%d tried)", tried).isEmpty();
		assertThat(tried).isGreaterThan(100);
	}

	/** What the document does not say about this answer, if anything. */
	static java.util.Optional<String> undocumented(JsonNode operation, Answer answer) {
		if (answer.status() >= 500) {
			return java.util.Optional.of("5xx : " + abbreviate(answer.body()));
		}
		var response = operation.path("responses").path(Integer.toString(answer.status()));
		if (response.isMissingNode()) {
			response = operation.path("responses").path("default");
		}
		if (response.isMissingNode()) {
			return java.util.Optional.of("statut non documenté");
		}
		if (answer.body() == null || answer.body().isEmpty() || answer.contentType() == null) {
			return java.util.Optional.empty();
		}
		var type = answer.contentType().replaceAll(";.*", "").strip();
		var content = response.path("content");
		for (var documented : content.propertyNames()) {
			if (documented.equals(type) || documented.equals("*/*")
					|| (documented.endsWith("/*") && type.startsWith(documented.substring(0, documented.length() - 1)))) {
				return java.util.Optional.empty();
			}
		}
		return java.util.Optional.of("corps « " + type + " » non documenté (documentés : " + content.propertyNames() + ")");
	}

	Answer anonymous(String uri, String ifNoneMatch) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri)).timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json, */*;q=0.5");
		if (ifNoneMatch != null) {
			builder.header("If-None-Match", ifNoneMatch);
		}
		var response = http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body(), response.headers().firstValue("ETag").orElse(null));
	}

	Answer anonymousWrite(String method, String uri, String contentType, byte[] body) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri)).timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json");
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body());
	}

	// The operations and who may call them --------------------------------------------------------------------------

	static List<Operation> writeOperations(JsonNode api) {
		var operations = new ArrayList<Operation>();
		for (var path : api.get("paths").propertyNames()) {
			var item = api.get("paths").get(path);
			for (var method : METHODS) {
				if (item.has(method)) {
					operations.add(new Operation(method, path, item.get(method)));
				}
			}
		}
		operations.sort((a, b) -> a.name().compareTo(b.name()));
		return operations;
	}

	/**
	 * Who may call the operation, by the rules of the API (README, issues 2 to 6); an operation this table does not
	 * know yet gets the first identity, in a fixed order, that a valid-looking input does not turn away (401, 403).
	 */
	private String identityFor(Operation operation, Inputs inputs) throws Exception {
		String path = operation.path();
		String method = operation.method();
		if (path.startsWith("/api/admin/") || path.equals("/api/campaigns") || path.endsWith("/calendar")
				|| path.endsWith("/committee")) {
			return "admin";
		}
		if (path.endsWith("/support") || path.endsWith("/referent-applications") || path.startsWith("/api/me/")
				|| (path.endsWith("/contributions") && path.startsWith("/api/campaigns/"))) {
			return "agent-" + LYON;
		}
		if (path.endsWith("/conflicts") || path.endsWith("/maturity") || path.endsWith("/shortlist")
				|| path.endsWith("/funded-projects")) {
			return "committee1";
		}
		if (path.endsWith("/import") || path.endsWith("/proposals") || path.startsWith("/api/proposals/")
				|| path.startsWith("/api/contributions/") || path.startsWith("/api/referent-applications/")) {
			return "curator";
		}
		for (var identity : IDENTITIES) {
			var input = inputs.valid();
			var probe = send(method.toUpperCase(), inputs.uri(input), identity, input.contentType(), input.body());
			if (probe.status() != HttpStatus.UNAUTHORIZED.value() && probe.status() != HttpStatus.FORBIDDEN.value()) {
				return identity;
			}
		}
		return IDENTITIES.get(0);
	}

	// What is stored ------------------------------------------------------------------------------------------------

	private TableRows tableRows;

	/** The number of rows of every table but ShedLock's ({@link TableRows}). */
	Map<String, Long> counts() {
		if (tableRows == null) {
			tableRows = new TableRows(jdbc, transactions);
		}
		return tableRows.counts();
	}

	/** Until the events of accepted requests are delivered (and the supports feed published). */
	void awaitQuiet() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
				jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0
						&& jdbc.sql("select count(*) from voting.support_feed").query(Long.class).single() == 0);
	}

	static String difference(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
				.map(e -> e.getKey() + " " + before.get(e.getKey()) + "→" + e.getValue()).collect(Collectors.joining(", "));
	}

	/** What is wrong with a 4xx answer, if anything: not a problem detail, not in French, or a stack trace. */
	static java.util.Optional<String> problemIn(Answer answer) {
		if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
			return java.util.Optional.of("not a problem detail (" + answer.contentType() + ") : " + abbreviate(answer.body()));
		}
		JsonNode problem;
		try {
			problem = JSON.readTree(answer.body());
		}
		catch (RuntimeException e) {
			return java.util.Optional.of("unreadable problem : " + abbreviate(answer.body()));
		}
		var status = HttpStatus.resolve(answer.status());
		String title = problem.path("title").asString("");
		if (problem.path("status").asInt() != answer.status() || title.isBlank()
				|| (status != null && title.equals(status.getReasonPhrase()))) {
			return java.util.Optional.of("problem without a French title or with another status : " + abbreviate(answer.body()));
		}
		String detail = problem.path("detail").asString("");
		if (ENGLISH.matcher(detail).find()) {
			return java.util.Optional.of("detail in English (a library's message?) : " + abbreviate(answer.body()));
		}
		if (answer.body().contains("Exception") || answer.body().contains("at cocon.")
				|| answer.body().contains("at org.")) {
			return java.util.Optional.of("stack trace or exception shown : " + abbreviate(answer.body()));
		}
		return java.util.Optional.empty();
	}

	/** Words of the libraries' messages (Jackson, Spring, the JDK) that no French detail of ours contains. */
	static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile(
			"\\b(Invalid|invalid|Failed|failed|Required|required|must|Cannot|cannot|Unexpected|unexpected|string|"
					+ "too large|parse|Content-Type|not supported|Unrecognized|deserialize)\\b");

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	// HTTP ------------------------------------------------------------------------------------------------------

	Answer send(String method, String uri, String identity, String contentType, byte[] body) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json")
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((identity + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body());
	}

	Answer json(String method, String uri, String identity, Object body) throws Exception {
		return send(method, uri, identity, "application/json", JSON.writeValueAsBytes(body));
	}

	// The data the operations work on -------------------------------------------------------------------------------

	/** Two campaigns made through the API: one open to contributions, one open to supports, with a committee each. */
	class Fixture {

		final List<String> campaigns = new ArrayList<>();
		final List<String> proposals = new ArrayList<>();
		final List<String> contributions = new ArrayList<>();
		final List<String> applications = new ArrayList<>();
		static final List<String> THEMES = List.of("Mobilités", "Énergie", "Accessibilité et inclusion");

		void prepare() throws Exception {
			var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			var contributing = schedule("Campagne ouverte aux contributions", now.minusHours(1), now.plusDays(10));
			var supporting = schedule("Campagne ouverte aux soutiens", now.minusHours(1), now.plusDays(10));
			for (var campaign : List.of(contributing, supporting)) {
				var body = Map.of("title", "Un besoin de " + campaign.substring(0, 8), "need", "Décrire le besoin.",
						"theme", THEMES.get(0), "authorRole", "AGENT", "authorFunction", "Chargée de mission");
				await().atMost(Duration.ofSeconds(20)).until(() ->
						json("POST", "/api/campaigns/" + campaign + "/contributions", "agent-" + LYON, body).status() == 201);
				var committee = Map.of("members", List.of(Map.of("username", "committee1", "organisation", "AMF"),
						Map.of("username", "committee2", "organisation", "ADF")));
				assertThat(json("PUT", "/api/campaigns/" + campaign + "/committee", "admin", committee).status()).isEqualTo(200);
			}
			awaitQuiet();
			for (var campaign : List.of(contributing, supporting)) {
				var contribution = jdbc.sql("select id from intake.contribution where campaign_id = ?::uuid")
						.param(campaign).query(String.class).list().get(0);
				var proposal = Map.of("title", "Proposition", "summary", "Résumé.", "theme", THEMES.get(0),
						"contributionIds", List.of(contribution));
				var created = await().atMost(Duration.ofSeconds(20)).until(
						() -> json("POST", "/api/campaigns/" + campaign + "/proposals", "curator", proposal),
						answer -> answer.status() == 201);
				var id = JSON.readTree(created.body()).get("id").asString();
				assertThat(send("POST", "/api/proposals/" + id + "/publication", "curator", null, null).status()).isEqualTo(204);
				var empty = json("POST", "/api/campaigns/" + campaign + "/proposals", "curator", Map.of("title",
						"Proposition à compléter", "summary", "Résumé.", "theme", THEMES.get(1), "contributionIds", List.of()));
				assertThat(empty.status()).isEqualTo(201);
			}
			// the second campaign moves to the eve of its support window, as the benchmark and the demonstration data
			// do; an hour ahead, so that neither window opens nor closes while the test runs, however slow the machine
			// (two minutes ahead, a run slowed past them sent valid supports into an open window, ADR 0056)
			var moved = now.plusHours(1);
			assertThat(json("PUT", "/api/campaigns/" + supporting + "/calendar", "admin",
					calendar(now.minusHours(1), moved.minusMinutes(1), moved.minusSeconds(30), moved.plusDays(30))).status())
					.isEqualTo(200);
			awaitQuiet();
			campaigns.addAll(jdbc.sql("select id::text from governance.campaign").query(String.class).list());
			proposals.addAll(jdbc.sql("select id::text from curation.proposal").query(String.class).list());
			contributions.addAll(jdbc.sql("select id::text from intake.contribution").query(String.class).list());
			applications.addAll(jdbc.sql("select id::text from referents.referent_territory").query(String.class).list());
			if (applications.isEmpty()) {
				applications.add(UUID.randomUUID().toString());
			}
		}

		private String schedule(String title, OffsetDateTime opens, OffsetDateTime closes) throws Exception {
			var body = new LinkedHashMap<String, Object>();
			body.put("title", title);
			body.put("description", "Une campagne pour les entrées générées.");
			body.put("envelopeEuros", 30_000_000);
			body.put("themes", THEMES);
			body.put("calendar", calendar(opens, closes, closes.plusHours(1), closes.plusDays(10)));
			var answer = json("POST", "/api/campaigns", "admin", body);
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			return JSON.readTree(answer.body()).get("id").asString();
		}

		private static Map<String, Object> calendar(OffsetDateTime contributionsOpen, OffsetDateTime contributionsClose,
				OffsetDateTime supportsOpen, OffsetDateTime supportsClose) {
			var referents = supportsClose.plusDays(1);
			return Map.of(
					"contributions", Map.of("opens", contributionsOpen.toString(), "closes", contributionsClose.toString()),
					"supports", Map.of("opens", supportsOpen.toString(), "closes", supportsClose.toString()),
					"referentApplications", Map.of("opens", referents.toString(), "closes", referents.plusDays(20).toString()),
					"shortlistDecision", referents.atZoneSameInstant(PARIS).toLocalDate().toString(),
					"fundingDecision", referents.atZoneSameInstant(PARIS).toLocalDate().plusDays(60).toString());
		}

		String idFor(String path, String name, Random random) {
			List<String> pool;
			if (path.startsWith("/api/campaigns/")) {
				pool = campaigns;
			}
			else if (path.startsWith("/api/contributions/")) {
				pool = contributions;
			}
			else if (path.startsWith("/api/referent-applications/")) {
				pool = applications;
			}
			else {
				pool = proposals;
			}
			return pool.get(random.nextInt(pool.size()));
		}
	}

	// The walker ------------------------------------------------------------------------------------------------

	/** Inputs for one operation: a valid-looking one built from its schema, then that one broken in one way each. */
	static final class Inputs {

		static final List<String> WORDS = List.of("mobilité", "énergie", "commune", "usagers", "signalement",
				"démarches", "accessibilité", "données", "rural", "financement");
		static final String[] HOSTILE = { "<script>alert('x')</script><b>gras</b>", "'; drop table intake.contribution; --",
				"\" or 1=1 --", "%00%2F..%2F", "${jndi:ldap://x}", "{{7*7}}", "\uD83D\uDE00 émoji", "\u202Eàrebours" };
		static final String[] BAD_PATH_VALUES = { "abc", "00000000-0000-0000-0000-000000000000", "123456789",
				"216901232", "%27%20or%201%3D1", "a%2Fb", "%00", "..", "9".repeat(300) };

		private final JsonNode api;
		private final Operation operation;
		private final Fixture fixture;
		private final Random random;
		private final JsonNode schema;
		private final String bodyType;

		Inputs(JsonNode api, Operation operation, Fixture fixture, Random random) {
			this.api = api;
			this.operation = operation;
			this.fixture = fixture;
			this.random = random;
			var content = operation.operation().path("requestBody").path("content");
			var types = content.isObject() ? new ArrayList<>(content.propertyNames()) : List.<String>of();
			this.bodyType = types.isEmpty() ? null : types.get(0);
			this.schema = bodyType == null ? null : resolve(content.get(bodyType).path("schema"));
		}

		String uri(Input input) {
			var path = operation.path();
			for (var value : input.pathValues().entrySet()) {
				path = path.replace("{" + value.getKey() + "}", value.getValue());
			}
			return path;
		}

		Input valid() {
			return new Input("valide", validPath(), bodyType, bodyType == null ? null : bytes(validBody()));
		}

		Input next() {
			int kind = random.nextInt(bodyType == null ? 3 : 20);
			var path = validPath();
			if (bodyType == null || kind == 0) {
				if (kind == 1 || (bodyType != null && random.nextBoolean())) {
					return new Input("identifiant au hasard", randomPath(), bodyType, bodyType == null ? null : bytes(validBody()));
				}
				var name = pathNames().isEmpty() ? null : pathNames().get(random.nextInt(pathNames().size()));
				if (name != null) {
					path.put(name, BAD_PATH_VALUES[random.nextInt(BAD_PATH_VALUES.length)]);
				}
				return new Input("chemin " + path, path, bodyType, bodyType == null ? null : bytes(validBody()));
			}
			if ("text/csv".equals(bodyType)) {
				return csv(path);
			}
			var body = validBody();
			return switch (kind) {
				case 1 -> mutateString(path, body, "NUL", "avant\u0000après");
				case 2 -> mutateString(path, body, "100 000 caractères", "x".repeat(100_000));
				case 3 -> mutateString(path, body, "hostile", HOSTILE[random.nextInt(HOSTILE.length)]);
				case 4 -> mutateString(path, body, "vide", "");
				case 5 -> {
					((ObjectNode) body).put("champInconnu" + random.nextInt(10), "valeur");
					yield new Input("champ inconnu", path, bodyType, bytes(body));
				}
				case 6 -> replaceLeaf(path, body, "mauvais type", wrongType());
				case 7 -> replaceLeaf(path, body, "null", NODES.nullNode());
				case 8 -> {
					var leaf = randomField(body);
					if (leaf != null) {
						leaf.parent().remove(leaf.name());
					}
					yield new Input("champ absent " + (leaf == null ? "" : leaf.name()), path, bodyType, bytes(body));
				}
				case 9 -> replaceLeaf(path, body, "nombre décimal", NODES.numberNode(1.5));
				case 10 -> replaceLeaf(path, body, "nombre immense", NODES.numberNode(new java.math.BigDecimal("1e400")));
				case 11 -> mutateString(path, body, "date hors limites",
						random.nextBoolean() ? "1900-01-01T00:00:00+01:00" : "1900-01-01");
				case 12 -> replaceLeaf(path, body, "liste vide", NODES.arrayNode());
				case 13 -> {
					var text = new String(bytes(body), StandardCharsets.UTF_8);
					yield new Input("JSON tronqué", path, bodyType,
							text.substring(0, Math.max(1, text.length() / 2)).getBytes(StandardCharsets.UTF_8));
				}
				case 14 -> new Input("corps vide", path, bodyType, new byte[0]);
				case 15 -> new Input("autre document", path, bodyType,
						bytes(random.nextBoolean() ? NODES.arrayNode().add(body) : NODES.stringNode("texte")));
				case 16 -> new Input("mauvais format de contenu", path,
						random.nextBoolean() ? "text/plain" : "application/xml", bytes(body));
				case 17 -> {
					var bytes = new byte[64];
					random.nextBytes(bytes);
					yield new Input("octets au hasard", path, bodyType, bytes);
				}
				case 18 -> new Input("imbrication profonde", path, bodyType,
						("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
				default -> mutateString(path, body, "fenêtre inversée ou date impossible",
						random.nextBoolean() ? "2021-02-30" : "2021-03-15T00:00:00+01:00");
			};
		}

		private Input csv(Map<String, String> path) {
			String header = "title,need,theme,authorRole,authorFunction,siren\n";
			String row = "Un titre,Un besoin,Mobilités,AGENT,Chargée de mission," + LYON + "\n";
			String[] bodies = { "", header, header + row, header + row.replace("Un titre", "Un\u0000titre"),
					header + "\"non fermé,x\n", "a;b;c\n1;2;3\n", header + row.replace(LYON, "216901232"),
					header + row.replace("Un besoin", "x".repeat(100_000)), "\uFEFF" + header + row,
					header + row.replace("Mobilités", "<script>alert(1)</script>") };
			var choice = random.nextInt(bodies.length + 1);
			if (choice == bodies.length) {
				var bytes = new byte[128];
				random.nextBytes(bytes);
				return new Input("CSV octets au hasard", path, bodyType, bytes);
			}
			return new Input("CSV n°" + choice, path, random.nextInt(8) == 0 ? "application/json" : bodyType,
					bodies[choice].getBytes(StandardCharsets.UTF_8));
		}

		private List<String> pathNames() {
			var names = new ArrayList<String>();
			for (var parameter : operation.operation().path("parameters")) {
				if ("path".equals(parameter.path("in").asString())) {
					names.add(parameter.get("name").asString());
				}
			}
			return names;
		}

		private Map<String, String> validPath() {
			var values = new LinkedHashMap<String, String>();
			for (var name : pathNames()) {
				values.put(name, switch (name) {
					case "siren" -> LYON;
					case "username" -> "personne" + random.nextInt(3);
					case "role" -> random.nextBoolean() ? "CURATOR" : "ADMINISTRATOR";
					default -> fixture.idFor(operation.path(), name, random);
				});
			}
			return values;
		}

		private Map<String, String> randomPath() {
			var values = validPath();
			values.replaceAll((name, value) -> name.equals("siren") || name.equals("username") || name.equals("role")
					? value : UUID.randomUUID().toString());
			return values;
		}

		private JsonNode resolve(JsonNode node) {
			if (node != null && node.has("$ref")) {
				var name = node.get("$ref").asString().substring("#/components/schemas/".length());
				return api.get("components").get("schemas").get(name);
			}
			return node;
		}

		JsonNode validBody() {
			return value(schema, "", 0);
		}

		private JsonNode value(JsonNode node, String name, int depth) {
			node = resolve(node);
			if (node == null || depth > 6) {
				return NODES.nullNode();
			}
			if (node.has("enum")) {
				var values = node.get("enum");
				return values.get(random.nextInt(values.size()));
			}
			String type = node.path("type").asString("object");
			return switch (type) {
				case "object" -> {
					var object = NODES.objectNode();
					for (var property : node.path("properties").propertyNames()) {
						object.set(property, value(node.get("properties").get(property), property, depth + 1));
					}
					yield object;
				}
				case "array" -> {
					var array = NODES.arrayNode();
					int size = 1 + random.nextInt(3);
					for (int i = 0; i < size; i++) {
						array.add(value(node.get("items"), singular(name), depth + 1));
					}
					yield array;
				}
				case "integer" -> NODES.numberNode(name.toLowerCase().contains("euros")
						? 1_000 + random.nextInt(1_000_000) : 1 + random.nextInt(4));
				case "number" -> NODES.numberNode(random.nextDouble());
				case "boolean" -> NODES.booleanNode(random.nextBoolean());
				default -> NODES.stringNode(text(name, node.path("format").asString("")));
			};
		}

		private static String singular(String name) {
			return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
		}

		/** A plausible text for a field of this name, so that the valid input gets past the first checks. */
		private String text(String name, String format) {
			var now = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
			if ("uuid".equals(format) || name.endsWith("Id")) {
				return random.nextInt(4) == 0 ? UUID.randomUUID().toString()
						: fixture.idFor(name.startsWith("contribution") ? "/api/contributions/" : "/api/proposals/", name, random);
			}
			return switch (name) {
				case "opens" -> now.plusDays(random.nextInt(5)).toString();
				case "closes" -> now.plusDays(10 + random.nextInt(5)).toString();
				case "shortlistDecision", "fundingDecision", "due", "date" -> now.toLocalDate().plusDays(30 + random.nextInt(60)).toString();
				case "siren", "attendee" -> LYON;
				case "theme" -> Fixture.THEMES.get(random.nextInt(Fixture.THEMES.size()));
				case "supportKind", "workingGroupKind", "kind" -> random.nextBoolean() ? "COMMUNE" : "REGION";
				case "authorRole" -> random.nextBoolean() ? "ELU" : "AGENT";
				case "contactEmail" -> "contact" + random.nextInt(100) + "@exemple.fr";
				case "username", "presentMember" -> "committee" + (1 + random.nextInt(2));
				default -> {
					var words = new StringBuilder();
					int count = 1 + random.nextInt(6);
					for (int i = 0; i < count; i++) {
						words.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
					}
					yield words.toString();
				}
			};
		}

		private JsonNode wrongType() {
			return switch (random.nextInt(5)) {
				case 0 -> NODES.numberNode(random.nextInt());
				case 1 -> NODES.stringNode("pas un nombre");
				case 2 -> NODES.booleanNode(true);
				case 3 -> NODES.objectNode().put("x", 1);
				default -> NODES.arrayNode().add("a").add(2);
			};
		}

		record Field(ObjectNode parent, String name) {
		}

		/** A field anywhere in the body, objects inside lists included. */
		private Field randomField(JsonNode body) {
			var fields = new ArrayList<Field>();
			collect(body, fields, false);
			return fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
		}

		private Field randomTextField(JsonNode body) {
			var fields = new ArrayList<Field>();
			collect(body, fields, true);
			return fields.isEmpty() ? randomField(body) : fields.get(random.nextInt(fields.size()));
		}

		private static void collect(JsonNode node, List<Field> fields, boolean textOnly) {
			if (node instanceof ObjectNode object) {
				for (var name : object.propertyNames()) {
					var child = object.get(name);
					if (!textOnly || child.isString()) {
						fields.add(new Field(object, name));
					}
					collect(child, fields, textOnly);
				}
			}
			else if (node instanceof ArrayNode array) {
				array.forEach(item -> collect(item, fields, textOnly));
			}
		}

		private Input mutateString(Map<String, String> path, JsonNode body, String what, String text) {
			var field = randomTextField(body);
			if (field != null) {
				field.parent().put(field.name(), text);
			}
			return new Input(what + (field == null ? "" : " dans " + field.name()), path, bodyType, bytes(body));
		}

		private Input replaceLeaf(Map<String, String> path, JsonNode body, String what, JsonNode value) {
			var field = randomField(body);
			if (field != null) {
				field.parent().set(field.name(), value);
			}
			return new Input(what + (field == null ? "" : " dans " + field.name()), path, bodyType, bytes(body));
		}

		private static byte[] bytes(JsonNode node) {
			return JSON.writeValueAsBytes(node);
		}
	}
}
