package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests the tests that drive a running server over HTTP send to its API (the outage, crash and many-instance
 * tests): one way to sign a demo identity in with HTTP Basic, to send JSON and to wait for an expected answer.
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

	/** A request to send again until it is answered as expected (see {@link #eventually}). */
	public interface Call {
		HttpResponse<String> send() throws Exception;
	}

	/**
	 * Sends the call until it is answered with the expected status, within 60 s: a 404 or 409 means the modules have
	 * not caught up yet (their events are asynchronous); any other status fails at once.
	 */
	public static HttpResponse<String> eventually(Call call, int expected) {
		var last = new ArrayList<HttpResponse<String>>(1);
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			var response = call.send();
			last.clear();
			last.add(response);
			if (response.statusCode() != expected && response.statusCode() != 404 && response.statusCode() != 409) {
				throw new IllegalStateException("Réponse inattendue " + response.statusCode() + " : " + response.body());
			}
			return response.statusCode() == expected;
		});
		return last.get(0);
	}

	/** The response, once its status was checked to be the expected one (the body explains a failure). */
	public static HttpResponse<String> expect(HttpResponse<String> response, int expected) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		return response;
	}
}
