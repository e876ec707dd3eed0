package cocon.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's own HTTP API on localhost, signed in with the demo identities over HTTP Basic: the replay acts
 * as its users would, so that every use case checks its rules and every event flows as in production. Platform may
 * not call the modules' classes (it depends only on the shared kernel), their API it may.
 */
final class DemoApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What another module answers until it has received the event it needs; and 429, a rate limit that requests sent
	 * in parallel may reach where the same ones sent one by one would not: it passes in a second.
	 */
	private static final Set<Integer> NOT_YET = Set.of(404, 409, 429);

	/**
	 * Between two checks of what another module has heard: the event is usually delivered within milliseconds, so
	 * the first checks come soon and the pause doubles up to {@link #LONGEST_PAUSE} (a fixed 50 ms lost up to 50 ms
	 * at each of the replay's waits, issue 26).
	 */
	private static final long FIRST_PAUSE = Duration.ofMillis(2).toNanos();
	private static final long LONGEST_PAUSE = Duration.ofMillis(50).toNanos();

	private final RestClient client;
	private final long deadline;
	/** The replay clock's secret, with the instant its requests are served at ({@link ReplayInstantFilter}). */
	private final String secret;
	private final Instant instant;

	/**
	 * Over the JDK's {@code HttpURLConnection} rather than its {@code HttpClient} (Spring's default): the replay runs in
	 * the application's own JVM while it is still cold, and the asynchronous client cost a quarter of the replay's
	 * samples in a JFR profile; with the blocking one the demonstration was ready 1.4 to 5 s sooner in three
	 * alternated pairs (issue 26, docs/performance.md).
	 */
	DemoApi(int port, Duration timeout) {
		this(RestClient.builder().requestFactory(new SimpleClientHttpRequestFactory()).baseUrl("http://localhost:" + port)
				.build(), System.nanoTime() + timeout.toNanos(), null, null);
	}

	private DemoApi(RestClient client, long deadline, String secret, Instant instant) {
		this.client = client;
		this.deadline = deadline;
		this.secret = secret;
		this.instant = instant;
	}

	/** The same API, each request served at this instant of the replay (sent in parallel with others). */
	DemoApi at(Instant instant, String secret) {
		return new DemoApi(client, deadline, secret, instant);
	}

	ResponseEntity<String> call(HttpMethod method, String path, String user, JsonNode body) {
		var request = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (instant != null) {
			request.header(ReplayInstantFilter.INSTANT, instant.toString()).header(ReplayInstantFilter.SECRET, secret);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
		}
		else if (method != HttpMethod.GET) {
			// HttpURLConnection gives a write without a body a form content type, which the API refuses (415)
			request.contentType(MediaType.APPLICATION_JSON);
		}
		return request.retrieve().onStatus(status -> true, (req, res) -> {
		}).toEntity(String.class);
	}

	JsonNode get(String path, String user) {
		return expect(call(HttpMethod.GET, path, user, null), 200, "GET " + path);
	}

	JsonNode send(HttpMethod method, String path, String user, JsonNode body, int expected) {
		return expect(call(method, path, user, body), expected, method + " " + path);
	}

	/** Sends until the expected status: 404 and 409 mean that another module has not received the event yet. */
	JsonNode until(HttpMethod method, String path, String user, JsonNode body, int expected) {
		long pause = FIRST_PAUSE;
		while (true) {
			var response = call(method, path, user, body);
			int status = response.getStatusCode().value();
			if (status == expected) {
				return json(response);
			}
			if (!NOT_YET.contains(status) || System.nanoTime() > deadline) {
				return expect(response, expected, method + " " + path);
			}
			pause = pause(pause);
		}
	}

	void await(String what, BooleanSupplier condition) {
		long pause = FIRST_PAUSE;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("délai dépassé : " + what);
			}
			pause = pause(pause);
		}
	}

	private static JsonNode expect(ResponseEntity<String> response, int expected, String what) {
		if (response.getStatusCode().value() != expected) {
			throw new IllegalStateException(what + " → " + response.getStatusCode().value() + " " + response.getBody());
		}
		return json(response);
	}

	static JsonNode json(ResponseEntity<String> response) {
		var body = response.getBody();
		return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
	}

	/** Waits this long, and says how long to wait next time. */
	private static long pause(long nanos) {
		LockSupport.parkNanos(nanos);
		if (Thread.currentThread().isInterrupted()) {
			throw new IllegalStateException("préparation interrompue");
		}
		return Math.min(nanos * 2, LONGEST_PAUSE);
	}
}
