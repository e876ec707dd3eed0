package cocon.identity.proconnect;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cocon.testing.SupportsOpen;
import tools.jackson.databind.JsonNode;

/**
 * Cocon's API as people signed in with ProConnect call it: each user signs in once through the provider's form, over
 * plain HTTP (redirects and cookies followed as a browser would), and sends their requests with the session cookie.
 * The users of {@link SupportsOpen}: {@code admin} and {@code curator} are the provider's accounts « admin » and
 * « curatrice », {@code agent-<SIREN>} an agent of the establishment {@code <SIREN>00011}-like SIRET of that SIREN.
 */
final class ProConnectApi implements SupportsOpen.Api {

	private final String cocon;
	private final Map<String, Session> signedIn = new ConcurrentHashMap<>();
	private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ProConnectApi(String cocon) {
		this.cocon = cocon;
	}

	@Override
	public HttpResponse<String> send(String method, String path, String user, JsonNode body) throws Exception {
		var session = user == null ? null : signedIn.computeIfAbsent(user, this::signIn);
		var client = session == null ? anonymous : session.client();
		var request = HttpRequest.newBuilder(URI.create(cocon + path)).timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json");
		if (session != null) {
			// a write authenticated by the session cookie carries the CSRF token, as the pages' scripts send it (ADR 0035)
			request.header("X-CSRF-TOKEN", session.csrfToken());
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Forgets the session of a user: their next request signs in again (with the roles granted meanwhile). */
	void forget(String user) {
		signedIn.remove(user);
	}

	/** A signed-in person's client (its cookie jar holds the session) and the CSRF token of that session. */
	record Session(HttpClient client, String csrfToken) {
	}

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
			.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private Session signIn(String user) {
		String login = switch (user) {
			case "admin" -> "admin";
			case "curator" -> "curatrice";
			default -> user.startsWith("agent-") ? "agent-" + siret(user.substring("agent-".length())) : user;
		};
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
		try {
			var form = client.send(HttpRequest.newBuilder(URI.create(cocon + "/oauth2/authorization/proconnect")).build(),
					HttpResponse.BodyHandlers.ofString());
			var signedIn = client.send(HttpRequest.newBuilder(form.uri())
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("login=" + URLEncoder.encode(login, StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (!signedIn.uri().toString().startsWith(cocon) || signedIn.uri().toString().contains("erreur")) {
				throw new IllegalStateException("connexion ProConnect de « " + login + " » échouée : " + signedIn.uri());
			}
			var page = client.send(HttpRequest.newBuilder(URI.create(cocon + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			var token = CSRF.matcher(page.body());
			if (!token.find()) {
				throw new IllegalStateException("aucun jeton CSRF dans la page d'accueil de « " + login + " »");
			}
			return new Session(client, token.group(1));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A valid SIRET of the SIREN: its first establishment whose 14 digits pass the Luhn check. */
	static String siret(String siren) {
		for (int nic = 1; nic < 100_000; nic++) {
			String siret = siren + "%05d".formatted(nic);
			int sum = 0;
			for (int i = 0; i < 14; i++) {
				int digit = siret.charAt(13 - i) - '0';
				if (i % 2 == 1) {
					digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
			}
			if (sum % 10 == 0) {
				return siret;
			}
		}
		throw new IllegalArgumentException(siren);
	}
}
