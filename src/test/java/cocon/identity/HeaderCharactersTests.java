package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header characters without a regular expression accept exactly what Spring Security's default does. */
class HeaderCharactersTests {

	static final List<String> EDGES = List.of("", "\t", "a\tb", "\uD83D\uDE00", "\uD83D", "\uDE00", "\uDE00\uD83D",
			"a\uD83D", "\uD83Db", "\uDBFF\uDFFF", "\uDB40\uDC01", "\u0000", "a\u0000", "\u001F", " ", "\u007E", "\u007F",
			"\u0080", "\u009F", "\u00A0", "\u0378", "\uFFFF", "\uFFFE", "\u2028", "\u202E", "é\r\nSet-Cookie: x=1",
			"JSESSIONID=abc; XSRF=def", "Basic YWdlbnQ6ZGVtbw==");

	@Test
	void namesAndValuesAreJudgedAsSpringSecuritysDefaultPredicatesOverEveryCodePoint() {
		assertSame(StrictHttpFirewall.ALLOWED_HEADER_NAMES, HeaderCharacters.NAMES);
		assertSame(StrictHttpFirewall.ALLOWED_HEADER_VALUES, HeaderCharacters.VALUES);
		// the same predicate by default in Spring Security: what is proven for header names holds for them
		assertThat(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES).isSameAs(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	private static void assertSame(Predicate<String> spring, Predicate<String> ours) {
		int refused = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			var alone = Character.toString(codePoint);
			boolean expected = spring.test(alone);
			if (ours.test(alone) != expected) {
				throw new AssertionError("U+%04X: %s by Spring Security".formatted(codePoint, expected ? "accepted" : "refused"));
			}
			refused += expected ? 0 : 1;
		}
		// the default refuses something (controls, unassigned code points): the comparison is not vacuous
		assertThat(refused).isGreaterThan(65 + 800_000);
		// inside printable text: the ASCII path, then the code point, then ASCII again
		for (var edge : EDGES) {
			assertThat(ours.test("a" + edge + "z")).as(edge).isEqualTo(spring.test("a" + edge + "z"));
			assertThat(ours.test(edge)).as(edge).isEqualTo(spring.test(edge));
		}
	}
}
