package cocon.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests the tests that drive a running server over HTTP send to its API (the outage and crash tests): one
 * way to sign a demo identity in with HTTP Basic and to send JSON.
 */
public final class ApiRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiRequests() {
	}

	/** The {@code Authorization} header of a demo identity (password {@code demo}). */
	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A JSON request to the URL, answered within 30 s, signed in as the user (anonymous when null), with the body as
	 * JSON (none when null).
	 */
	public static HttpRequest.Builder json(String url, String method, String user, JsonNode body) {
		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return request;
	}
}
