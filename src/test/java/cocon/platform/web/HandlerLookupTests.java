package cocon.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler lookup's shortcut (ADR 0026) never changes which handler answers: for every address the application
 * maps, with its variables filled in, and a few it does not, under every method, the handler found is the one
 * Spring's full lookup finds, or the same refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandlerLookupTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void findsTheHandlerSpringsFullLookupFindsForEveryAddressAndMethod() throws Exception {
		assertThat(mappings).isInstanceOf(HandlerLookup.class);
		var lookup = (HandlerLookup) mappings;
		var addresses = new ArrayList<String>(List.of("/", "/nulle-part", "/api", "/api/", "/api/inconnu",
				"/api/proposals/x/y/z", "/api/%70roposals/00000000-0000-0000-0000-000000000001/support",
				"/api;x=1/campaigns", "/API/campaigns", "/static/../api/campaigns"));
		for (var info : mappings.getHandlerMethods().keySet()) {
			for (PathPattern pattern : Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()) {
				var filled = pattern.getPatternString().replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}",
						"00000000-0000-0000-0000-000000000001").replace("**", "a/b").replace("*", "a");
				addresses.add(filled);
				addresses.add(filled + "/");
				addresses.add(filled + "/suite");
			}
		}
		int judged = 0;
		for (var address : addresses) {
			for (var method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
				var fast = outcome(lookup, method, address, true);
				var full = outcome(lookup, method, address, false);
				assertThat(fast).as(method + " " + address).isEqualTo(full);
				judged++;
			}
		}
		assertThat(judged).isGreaterThan(7 * 3 * 100);
	}

	@Test
	void takesAsLiteralStartOnlyWhatNoAddressSpellsDifferently() {
		assertThat(HandlerLookup.literalStart("/api/proposals/{id}/support")).isEqualTo("/api/proposals/");
		assertThat(HandlerLookup.literalStart("/propositions/**")).isEqualTo("/propositions/");
		assertThat(HandlerLookup.literalStart("/donnees-ouvertes/soutiens.csv")).isEqualTo("/donnees-ouvertes/soutiens.csv");
		assertThat(HandlerLookup.literalStart("/données")).isEqualTo("/donn");
		assertThat(HandlerLookup.literalStart("/{page}")).isEqualTo("/");
	}

	/** The handler the lookup finds, or the refusal it throws (405, 415...), by its class and message. */
	private static String outcome(HandlerLookup lookup, String method, String address, boolean shortcut) {
		var request = new MockHttpServletRequest(method, address);
		request.setRequestURI(address);
		ServletRequestPathUtils.parseAndCache(request);
		var path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		try {
			HandlerMethod found = shortcut ? lookup.lookupHandlerMethod(path, request)
					: lookup.lookupWithoutShortcut(path, request);
			return found == null ? "none" : found.toString() + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		}
		catch (Exception refused) {
			return refused.getClass().getName() + ": " + refused.getMessage();
		}
	}
}
