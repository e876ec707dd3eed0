package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * ADR 0062: the literal beginning that an address must have for a mapping to be tested is a necessary condition of
 * a match, whatever the pattern (variables, wildcards, capture of the rest), never more. ADR 0078: the lookup through
 * the index of those literals answers every request as Spring's own lookup does.
 */
class PrefixedHandlerLookupTests {

	@Test
	void aPatternsPrefixIsWhatEveryAddressItMatchesBeginsWith() {
		var parser = new PathPatternParser();
		String[][] cases = {
				{ "/api/proposals/{id}/support", "/api/proposals", "/api/proposals/1/support" },
				{ "/api/{*rest}", "/api", "/api" },
				{ "/api/**", "/api", "/api" },
				{ "/files/{name}.txt", "/files", "/files/a.txt" },
				{ "/campagnes/{id}/actualites.atom", "/campagnes", "/campagnes/x/actualites.atom" },
				{ "/**", "", "/" },
				{ "/{id}", "", "/x" },
				{ "/api/i?", "/api", "/api/ix" },
				{ "/admin/roles", "/admin/roles", "/admin/roles" },
				{ "", "", "" } };
		for (var c : cases) {
			assertThat(PrefixedHandlerLookup.prefix(c[0])).as(c[0]).isEqualTo(c[1]);
			var path = org.springframework.http.server.PathContainer.parsePath(c[2]);
			assertThat(parser.parse(c[0]).matches(path)).as(c[0] + " matches " + c[2]).isTrue();
			assertThat(c[2]).startsWith(c[1]);
		}
	}

	@Test
	void theAddressesParentsAreTheLiteralsThatMayBeginAMatchingPattern() {
		assertThat(PrefixedHandlerLookup.parents("/api/proposals/1/support")).containsExactly("", "/api", "/api/proposals",
				"/api/proposals/1", "/api/proposals/1/support");
		assertThat(PrefixedHandlerLookup.parents("/")).containsExactly("", "/");
		assertThat(PrefixedHandlerLookup.parents("/api/")).containsExactly("", "/api", "/api/");
	}

	@Test
	void everyRequestGetsTheHandlerTheVariablesAndTheErrorOfSpringsOwnLookup() throws Exception {
		var plain = mapping(new RequestMappingHandlerMapping());
		var prefixed = mapping(new PrefixedHandlerLookup());
		String[][] requests = {
				{ "PUT", "/api/proposals/7/support", null, null }, { "DELETE", "/api/proposals/7/support", null, null },
				{ "POST", "/api/proposals/7/support", null, null }, { "GET", "/api/proposals/7/support", null, null },
				{ "GET", "/api/proposals/7", null, null }, { "GET", "/api/proposals/7", "text/csv", null },
				{ "GET", "/api/proposals/7", "image/png", null }, { "PUT", "/api/proposals/7", null, "application/json" },
				{ "PUT", "/api/proposals/7", null, "text/plain" }, { "GET", "/api/proposals/nouvelle", null, null },
				{ "POST", "/api/proposals/nouvelle", null, null }, { "HEAD", "/api/proposals/7", null, null },
				{ "GET", "/fichiers/a.txt", null, null }, { "GET", "/files/a.txt", null, null },
				{ "GET", "/api/autre/chose", null, null }, { "GET", "/api", null, null }, { "GET", "/api/", null, null },
				{ "GET", "/", null, null }, { "GET", "/campagnes", null, null }, { "GET", "/campagnes/x/y", null, null },
				{ "GET", "/api/proposalsX/7", null, null }, { "GET", "/api/proposals/7/support/", null, null },
				{ "PATCH", "/api/proposals/7", null, null }, { "OPTIONS", "/api/proposals/7/support", null, null },
				{ "GET", "/api/propositions%2F7", null, null } };
		for (var r : requests) {
			assertThat(outcome(prefixed, r)).as(String.join(" ", Objects.toString(r[0]), r[1], Objects.toString(r[2]),
					Objects.toString(r[3]))).isEqualTo(outcome(plain, r));
		}
		var preflight = new String[] { "OPTIONS", "/api/proposals/7/support", null, null };
		assertThat(outcome(prefixed, preflight, true)).isEqualTo(outcome(plain, preflight, true));
	}

	private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
		var context = new StaticWebApplicationContext();
		context.registerSingleton("routes", Routes.class);
		context.refresh();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		return mapping;
	}

	private static List<Object> outcome(RequestMappingHandlerMapping mapping, String[] r) {
		return outcome(mapping, r, false);
	}

	/** The handler's method, the variables and the best pattern; or the kind of error and its message. */
	private static List<Object> outcome(RequestMappingHandlerMapping mapping, String[] r, boolean preflight) {
		var request = new MockHttpServletRequest(r[0], r[1]);
		if (r[2] != null) {
			request.addHeader("Accept", r[2]);
		}
		if (r[3] != null) {
			request.setContentType(r[3]);
		}
		if (preflight) {
			request.addHeader("Origin", "https://ailleurs.example");
			request.addHeader("Access-Control-Request-Method", "PUT");
		}
		ServletRequestPathUtils.parseAndCache(request);
		var outcome = new ArrayList<Object>();
		try {
			var chain = mapping.getHandler(request);
			outcome.add(chain == null ? "aucun" : chain.getHandler() instanceof HandlerMethod method
					? method.getMethod().getName() : chain.getHandler().getClass().getSimpleName());
			outcome.add(String.valueOf(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)));
			outcome.add(String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)));
			outcome.add(String.valueOf(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)));
		}
		catch (Exception e) {
			outcome.add(e.getClass().getSimpleName());
			outcome.add(String.valueOf(e.getMessage()));
		}
		return outcome;
	}

	@RestController
	static class Routes {

		@GetMapping("/")
		void root() {
		}

		@GetMapping("/{page}")
		void page() {
		}

		@GetMapping(path = "/api/proposals/{id}", produces = "application/json")
		void proposal() {
		}

		@GetMapping(path = "/api/proposals/{id}", produces = "text/csv")
		void proposalAsCsv() {
		}

		@GetMapping("/api/proposals/nouvelle")
		void newProposal() {
		}

		@PutMapping(path = "/api/proposals/{id}", consumes = "application/json")
		void updateProposal() {
		}

		@PutMapping("/api/proposals/{id}/support")
		void support() {
		}

		@DeleteMapping("/api/proposals/{id}/support")
		void withdraw() {
		}

		@PostMapping("/api/proposals/{id}/{action}")
		void act() {
		}

		@GetMapping({ "/files/{name}.txt", "/fichiers/{name}.txt" })
		void file() {
		}

		@GetMapping("/api/{*rest}")
		void rest() {
		}
	}
}
