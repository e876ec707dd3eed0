package cocon.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A browser's view of the application on its real port: cookies kept by hand (so that a test can see them), no
 * redirect followed, any header the test wants (a proxy's {@code X-Forwarded-Proto}).
 */
final class Http {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10)).build();
	private final String base;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
	}

	HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
		var all = new ArrayList<>(List.of(headers));
		all.add("Content-Type");
		all.add("application/x-www-form-urlencoded");
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)), all.toArray(String[]::new));
	}

	/** Any method, with a body of the given type (or none when {@code type} is null). */
	HttpResponse<String> send(String method, String path, String type, String body, String... headers)
			throws IOException, InterruptedException {
		var all = new ArrayList<>(List.of(headers));
		if (type != null) {
			all.add("Content-Type");
			all.add(type);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
				? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
				all.toArray(String[]::new));
	}

	/**
	 * Signs in through the demo form of the sign-in page as a persona ({@code admin}) or an agent ({@code agent-<SIREN>})
	 * and returns the session cookie's value.
	 */
	String signIn(String username) throws IOException, InterruptedException {
		var page = get("/connexion");
		String form = username.startsWith("agent-")
				? "persona=agent&siren=" + username.substring("agent-".length())
				: "persona=" + username;
		var signedIn = postForm("/connexion", form + "&password=demo&_csrf=" + csrfToken(page), "Cookie",
				"JSESSIONID=" + sessionCookie(page));
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("erreur")) {
			throw new AssertionError("connexion de " + username + " refusée : " + signedIn.statusCode());
		}
		return sessionCookie(signedIn);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String... headers)
			throws IOException, InterruptedException {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The value of the session cookie the answer sets, or null. */
	static String sessionCookie(HttpResponse<?> response) {
		return setCookie(response) == null ? null : setCookie(response).split(";", 2)[0].substring("JSESSIONID=".length());
	}

	/** The session id in a session cookie's value: Spring Session's cookie holds it in Base64. */
	static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	/** The whole {@code Set-Cookie} header of the session cookie, attributes included, or null. */
	static String setCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
				.orElse(null);
	}

	static String csrfToken(HttpResponse<String> page) {
		var matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("aucun jeton CSRF dans la page");
		}
		return matcher.group(1);
	}
}
