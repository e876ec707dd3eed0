package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The security headers of pages, API answers and static files, over the real HTTP server; HSTS and the Secure session
 * cookie behind a TLS proxy (forwarded headers honoured by Tomcat); templates free of inline styles and scripts, so that
 * the Content-Security-Policy needs no {@code unsafe-inline}.
 */
class SecurityHeadersTests extends SecurityTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	List<String> answers() {
		return List.of("/", "/connexion", "/campagnes/" + fixtures.campaign + "/propositions",
				"/propositions/" + fixtures.proposal, "/page-qui-n-existe-pas", "/api/campaigns",
				"/api/campaigns/" + fixtures.campaign + "/proposals", "/api/me", "/api/proposals/" + fixtures.proposal,
				"/v3/api-docs", "/actuator/health", "/css/cocon.css", "/js/soutien.js");
	}

	@Test
	void pagesApiAnswersAndStaticFilesCarryTheSecurityHeaders() throws Exception {
		var http = new Http(port);
		for (var path : answers()) {
			var response = http.get(path);
			var headers = response.headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
					.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
							"frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
					.doesNotContain("unsafe-inline", "unsafe-eval"));
			assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			// issue 22: the API's public reads may be stored and revalidated (no-cache, ETag); issue 26: so may a static
			// file asked by its name without its content hash (the hashed name is immutable: StaticAssetsTests);
			// nothing else is stored
			boolean publicRead = path.startsWith("/api/") && !path.equals("/api/me") || path.startsWith("/css/")
					|| path.startsWith("/js/");
			assertThat(headers.firstValue("Cache-Control")).as(path)
					.hasValueSatisfying(v -> assertThat(v).contains(publicRead ? "no-cache" : "no-store"));
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
			assertThat(headers.firstValue("Permissions-Policy")).as(path)
					.hasValueSatisfying(v -> assertThat(v).contains("camera=()", "geolocation=()", "microphone=()"));
			// plain HTTP from the browser: no HSTS (a browser ignores it there, and it would lock out a dev instance)
			assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	@Test
	void behindATlsProxyTheAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
		var http = new Http(port);
		var page = http.get("/connexion", "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.20");
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "includeSubDomains"));
		assertThat(Http.setCookie(page)).isNotNull().contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax");
		var api = http.get("/api/campaigns", "X-Forwarded-Proto", "https");
		assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();

		// the same page over plain HTTP: the cookie is HttpOnly and SameSite, not Secure (it could never come back)
		var plain = http.get("/connexion");
		assertThat(Http.setCookie(plain)).isNotNull().contains("; HttpOnly").contains("SameSite=Lax")
				.doesNotContain("Secure");
	}

	@Test
	void templatesHaveNoInlineStyleScriptOrEventHandler() throws IOException {
		var inlineStyle = Pattern.compile("\\sstyle\\s*=|<style[\\s>]|th:style", Pattern.CASE_INSENSITIVE);
		var inlineScript = Pattern.compile("<script(?![^>]*\\b(th:)?src\\s*=)[^>]*>", Pattern.CASE_INSENSITIVE);
		var handler = Pattern.compile("\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			var templates = files.filter(f -> f.toString().endsWith(".html")).toList();
			assertThat(templates).hasSizeGreaterThan(20);
			for (var template : templates) {
				var html = Files.readString(template, StandardCharsets.UTF_8);
				assertThat(inlineStyle.matcher(html).find()).as("style en ligne dans " + template).isFalse();
				assertThat(inlineScript.matcher(html).find()).as("script en ligne dans " + template).isFalse();
				assertThat(handler.matcher(html).find()).as("gestionnaire d'événement en ligne dans " + template).isFalse();
			}
		}
	}
}
