package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions and forms over the real HTTP server: a new session id at sign-in (no fixation), a CSRF token required by
 * every form and carried by every form of the templates, a sign-out that ends the session, and no session opened by
 * an anonymous API request (ADR 0081).
 */
class SessionSecurityTests extends SecurityTest {

	@Autowired
	JdbcClient jdbc;

	private static String form(String... pairs) {
		var form = new StringBuilder();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			form.append(form.isEmpty() ? "" : "&").append(pairs[i]).append('=')
					.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	@Test
	void signingInGivesANewSessionIdAndTheOldOneStaysAnonymous() throws Exception {
		var http = new Http(port);
		var page = http.get("/connexion");
		String before = Http.sessionCookie(page);
		assertThat(before).isNotNull();

		var signedIn = http.postForm("/connexion", form("persona", "curator", "password", "demo", "_csrf",
				Http.csrfToken(page)), "Cookie", "JSESSIONID=" + before);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("erreur"));
		String after = Http.sessionCookie(signedIn);
		assertThat(after).isNotNull().isNotEqualTo(before);

		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + after).body()).contains("\"username\":\"curator\"");
		// whoever knew the id before the sign-in (fixation) gets nothing from it
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + before).statusCode()).isEqualTo(401);
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		var http = new Http(port);
		var page = http.get("/connexion");
		var signedIn = http.postForm("/connexion", form("persona", "admin", "password", "demo", "_csrf",
				Http.csrfToken(page)), "Cookie", "JSESSIONID=" + Http.sessionCookie(page));
		String session = Http.sessionCookie(signedIn);
		var home = http.get("/", "Cookie", "JSESSIONID=" + session);
		assertThat(home.body()).contains("action=\"/deconnexion\"");

		var signedOut = http.postForm("/deconnexion", form("_csrf", Http.csrfToken(home)), "Cookie", "JSESSIONID=" + session,
				"Accept", "text/html");
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().allValues("Set-Cookie"))
				.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=;").contains("Expires=Thu, 01 Jan 1970"));
		// the session is over on the server, not only forgotten by the browser
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(401);
	}

	@Test
	void anAnonymousApiRequestOpensNoSessionWhileAPageIsReturnedToAfterSigningIn() throws Exception {
		var http = new Http(port);
		// asked as anything, as curl does: Spring Security's default kept each of these in a new session
		for (var path : new String[] { "/api/admin/identities", "/actuator/metrics", "/api/admin/identities?page=2" }) {
			var refused = http.get(path, "Accept", "*/*");
			assertThat(refused.statusCode()).as(path).isEqualTo(401);
			assertThat(Http.setCookie(refused)).as(path).isNull();
		}
		// nor any API or operations request of the tests before this one
		assertThat(savedRequestsMentioning("/api/")).isZero();
		assertThat(savedRequestsMentioning("/actuator/")).isZero();

		var staffPage = http.get("/admin", "Accept", "text/html");
		assertThat(staffPage.statusCode()).isEqualTo(302);
		assertThat(staffPage.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));
		String anonymous = Http.sessionCookie(staffPage);
		assertThat(savedRequestsOfSession(anonymous)).isEqualTo(1);
		// the same look into the table finds a page's address, so the zeros above are not blind
		assertThat(savedRequestsMentioning("/admin")).isPositive();
		var page = http.get("/connexion", "Cookie", "JSESSIONID=" + anonymous);
		var signedIn = http.postForm("/connexion", form("persona", "admin", "password", "demo", "_csrf",
				Http.csrfToken(page)), "Cookie", "JSESSIONID=" + anonymous);
		assertThat(signedIn.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).contains("/admin?continue"));
	}

	/** Requests kept for after a sign-in whose serialized form holds this text (an address). */
	private long savedRequestsMentioning(String text) {
		return jdbc.sql("""
				select count(*) from spring_session_attributes
				where attribute_name = 'SPRING_SECURITY_SAVED_REQUEST'
				  and position(convert_to(?, 'UTF8') in attribute_bytes) > 0""").param(text).query(Long.class).single();
	}

	/** Requests kept in the session of this cookie. */
	private long savedRequestsOfSession(String cookie) {
		assertThat(cookie).isNotNull();
		return jdbc.sql("""
				select count(*) from spring_session s
				join spring_session_attributes a on a.session_primary_id = s.primary_id
				where s.session_id = ? and a.attribute_name = 'SPRING_SECURITY_SAVED_REQUEST'""")
				.param(Http.sessionId(cookie)).query(Long.class).single();
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		var http = new Http(port);
		var page = http.get("/connexion");
		String anonymous = Http.sessionCookie(page);
		assertThat(http.postForm("/connexion", form("persona", "admin", "password", "demo"), "Cookie",
				"JSESSIONID=" + anonymous).statusCode()).isEqualTo(403);

		var signedIn = http.postForm("/connexion", form("persona", "agent", "siren", "216902668", "password", "demo",
				"_csrf", Http.csrfToken(page)), "Cookie", "JSESSIONID=" + anonymous);
		String session = Http.sessionCookie(signedIn);
		var support = "/ma-collectivite/propositions/" + fixtures.proposal + "/soutien";
		assertThat(http.postForm(support, "", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(403);
		assertThat(http.postForm(support, form("_csrf", "jeton-invente"), "Cookie", "JSESSIONID=" + session).statusCode())
				.isEqualTo(403);
		// the same form with the token of the page: accepted
		var own = http.get("/ma-collectivite", "Cookie", "JSESSIONID=" + session);
		assertThat(http.postForm(support, form("_csrf", Http.csrfToken(own)), "Cookie", "JSESSIONID=" + session)
				.statusCode()).isEqualTo(302);
	}

	@Test
	void everyFormThatPostsIsOneThymeleafGivesItsCsrfToken() throws IOException {
		// Spring Security's token is added by Thymeleaf to forms whose action is th:action; a plain action would post
		// without it and be refused
		var form = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
		int posting = 0;
		try (Stream<Path> files = Files.walk(SecurityHeadersTests.TEMPLATES)) {
			for (var template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var matcher = form.matcher(Files.readString(template, StandardCharsets.UTF_8));
				while (matcher.find()) {
					var tag = matcher.group().toLowerCase();
					if (tag.contains("method=\"post\"")) {
						posting++;
						assertThat(tag).as("formulaire de " + template + " : " + tag).contains("th:action=");
					}
				}
			}
		}
		assertThat(posting).isGreaterThan(15);
	}
}
