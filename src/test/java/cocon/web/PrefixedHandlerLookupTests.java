package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * ADR 0062: the literal beginning that an address must have for a mapping to be tested is a necessary condition of
 * a match, whatever the pattern (variables, wildcards, capture of the rest), never more.
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
}
