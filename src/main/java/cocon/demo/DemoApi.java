package cocon.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

	/** What another module answers until it has received the event it needs. */
	private static final Set<Integer> NOT_YET = Set.of(404, 409);

	private static final Duration PAUSE = Duration.ofMillis(50);

	private final RestClient client;
	private final long deadline;

	DemoApi(int port, Duration timeout) {
		this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
		this.deadline = System.nanoTime() + timeout.toNanos();
	}

	ResponseEntity<String> call(HttpMethod method, String path, String user, JsonNode body) {
		var request = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
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
		while (true) {
			var response = call(method, path, user, body);
			int status = response.getStatusCode().value();
			if (status == expected) {
				return json(response);
			}
			if (!NOT_YET.contains(status) || System.nanoTime() > deadline) {
				return expect(response, expected, method + " " + path);
			}
			pause();
		}
	}

	void await(String what, BooleanSupplier condition) {
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("délai dépassé : " + what);
			}
			pause();
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

	private static void pause() {
		LockSupport.parkNanos(PAUSE.toNanos());
		if (Thread.currentThread().isInterrupted()) {
			throw new IllegalStateException("préparation interrompue");
		}
	}
}
