package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /robots.txt} read as a robot reads it (RFC 9309: the longest matching rule decides, {@code Allow} on a tie):
 * every page an anonymous visitor reaches from the home page and the site map may be crawled, and so may the open
 * data; the ways into a session (sign-in, ProConnect, the subscription form) and the rest of the API may not (ADR 0081).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RobotsTxtTests {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)");

	@Autowired
	MockMvc mvc;

	record Rule(boolean allow, String prefix) {
	}

	@Test
	void robotsMayCrawlThePublicPagesAndOpenDataButNotTheWaysIntoASession() throws Exception {
		// as a robot asks it, and as a browser does
		mvc.perform(get("/robots.txt").header("Accept", "text/html")).andExpect(status().isOk());
		var robots = mvc.perform(get("/robots.txt")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
				.andExpect(header().string("Cache-Control", "max-age=86400, public"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var rules = rules(robots);

		var reached = new ArrayList<String>();
		for (var page : List.of("/", "/plan-du-site", "/donnees-ouvertes")) {
			var body = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
			LINK.matcher(body).results().map(link -> link.group(1)).forEach(reached::add);
		}
		assertThat(reached).contains("/campagnes", "/donnees-ouvertes", "/plan-du-site", "/mentions-legales");
		assertThat(reached.stream().filter(path -> !allowed(rules, path)))
				.as("liens publics interdits aux robots").allSatisfy(path -> assertThat(path).isIn("/connexion"));
		assertThat(reached).contains("/connexion");

		assertThat(allowed(rules, "/api/open-data/catalogue.jsonld")).isTrue();
		assertThat(allowed(rules, "/campagnes/4f1c/propositions")).isTrue();
		for (var closed : List.of("/connexion", "/oauth2/authorization/proconnect", "/abonnements",
				"/abonnements/confirmation/jeton", "/notifications/desabonnement/jeton", "/api/campaigns",
				"/api/me", "/actuator/health", "/admin/identites", "/ma-collectivite", "/mon-espace")) {
			assertThat(allowed(rules, closed)).as(closed).isFalse();
		}
	}

	private static List<Rule> rules(String robots) {
		var rules = new ArrayList<Rule>();
		for (var line : robots.lines().map(String::strip).toList()) {
			if (line.startsWith("Allow:") || line.startsWith("Disallow:")) {
				rules.add(new Rule(line.startsWith("Allow:"), line.substring(line.indexOf(':') + 1).strip()));
			}
		}
		assertThat(robots).contains("User-agent: *");
		return rules;
	}

	/** RFC 9309, 2.2.2: the most specific (longest) matching rule; Allow when an Allow and a Disallow tie. */
	private static boolean allowed(List<Rule> rules, String path) {
		Rule best = null;
		for (var rule : rules) {
			if (path.startsWith(rule.prefix()) && (best == null || rule.prefix().length() > best.prefix().length()
					|| rule.prefix().length() == best.prefix().length() && rule.allow())) {
				best = rule;
			}
		}
		return best == null || best.allow();
	}
}
