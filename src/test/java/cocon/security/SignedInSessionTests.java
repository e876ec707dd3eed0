package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A person signed in with a session cookie, as in production (ProConnect sets one; here the demo form does): the
 * roles in force are those of now, within the cache bound, not those of the sign-in; a session ends after its
 * absolute lifetime however active; an API write authenticated by the cookie carries the CSRF token (ADR 0034, 0035).
 */
class SignedInSessionTests extends SecurityTest {

	@Autowired
	JdbcIndexedSessionRepository sessions;

	private static final String SIGNED_IN_AT = "cocon.identity.SignedInSessions.signedInAt";

	@Test
	void aRevokedCuratorLosesTheExportWithinTheCacheBoundWhileTheSessionStaysActive() throws Exception {
		var http = new Http(port);
		String curator = "agent-" + SecurityFixtures.freshSiren();
		mvc.perform(put("/api/admin/roles/" + curator + "/CURATOR").with(httpBasic("admin", "demo")))
				.andReturn().getResponse().getStatus();
		String session = http.signIn(curator);
		String export = "/api/campaigns/" + fixtures.campaign + "/contributions/export.csv";
		assertThat(http.get(export, "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);

		assertThat(mvc.perform(delete("/api/admin/roles/" + curator + "/CURATOR").with(httpBasic("admin", "demo")))
				.andReturn().getResponse().getStatus()).isEqualTo(204);
		// the cache bound of the tests' instance is the production one (2 s); the session keeps being used meanwhile
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get(export, "Cookie", "JSESSIONID=" + session).statusCode() == 403);
		// still signed in, as an agent
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).body()).contains(curator)
				.doesNotContain("CURATOR");
	}

	@Test
	void aGrantReachesTheSessionOfThePersonAlreadySignedIn() throws Exception {
		var http = new Http(port);
		String curator = "agent-" + SecurityFixtures.freshSiren();
		String session = http.signIn(curator);
		String export = "/api/campaigns/" + fixtures.campaign + "/contributions/export.csv";
		assertThat(http.get(export, "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(403);
		mvc.perform(put("/api/admin/roles/" + curator + "/CURATOR").with(httpBasic("admin", "demo")));
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get(export, "Cookie", "JSESSIONID=" + session).statusCode() == 200);
	}

	@Test
	void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws Exception {
		var http = new Http(port);
		String session = http.signIn("curator");
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		// signed in 12 h and a minute ago, and used every few minutes since (so never idle)
		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionRepository<Session> repository = (SessionRepository) sessions;
		var stored = repository.findById(Http.sessionId(session));
		stored.setAttribute(SIGNED_IN_AT, System.currentTimeMillis() - Duration.ofHours(12).plusMinutes(1).toMillis());
		repository.save(stored);

		// written to the table directly, as another instance would: seen within the cache bound (ADR 25, 49)
		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 401);
		assertThat(sessions.findById(Http.sessionId(session))).as("the session is deleted").isNull();
	}

	@Test
	void anApiWriteAuthenticatedByTheSessionCookieNeedsTheCsrfTokenAndHttpBasicDoesNot() throws Exception {
		var http = new Http(port);
		String session = http.signIn("admin");
		String path = "/api/admin/roles/" + fixtures.grantee + "/CURATOR";

		var forged = http.send("PUT", path, null, null, "Cookie", "JSESSIONID=" + session);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("jeton CSRF");

		// the token of any page of the session, in the header
		String token = Http.csrfToken(http.get("/", "Cookie", "JSESSIONID=" + session));
		assertThat(http.send("PUT", path, null, null, "Cookie", "JSESSIONID=" + session, "X-CSRF-TOKEN", token)
				.statusCode()).isEqualTo(200);
		assertThat(http.send("DELETE", path, null, null, "Cookie", "JSESSIONID=" + session, "X-CSRF-TOKEN", token)
				.statusCode()).isEqualTo(204);

		// HTTP Basic carries its own credentials: no token
		String basic = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
		assertThat(http.send("PUT", path, null, null, "Authorization", basic).statusCode()).isEqualTo(200);
		assertThat(http.send("DELETE", path, null, null, "Authorization", basic).statusCode()).isEqualTo(204);
	}

	@Test
	void theBodylessWritesRefuseWhatACrossSiteFormSends() throws Exception {
		var http = new Http(port);
		String basic = "Basic " + Base64.getEncoder().encodeToString("curator:demo".getBytes(StandardCharsets.UTF_8));
		for (String type : new String[] { "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x" }) {
			var refused = http.send("POST", "/api/proposals/" + fixtures.proposal + "/publication", type, "",
					"Authorization", basic);
			assertThat(refused.statusCode()).as(type).isEqualTo(415);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.body()).contains("formulaire");
		}
		assertThat(http.send("POST", "/api/referent-applications/7d1f5c2a-4b8e-4c1e-9a57-2f4b8c0d9e11/experimentation",
				"text/plain", "x", "Authorization", basic).statusCode()).isEqualTo(415);
	}
}
