package cocon.identity;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What Spring Security's firewall accepts in a header name or value, decided without a regular expression (ADR 0067).
 * {@link StrictHttpFirewall} matches every header read (name and value, at each {@code getHeader}) against
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tabs also allowed in values: 1 to 2 % of the server's CPU per support
 * on JDK 25, more on the session path (a cookie, a CSRF token). The same set, code point by code point: defined in
 * this JDK's Unicode tables ({@code IsAssigned}) and not a C0/C1 control ({@code IsControl}); a lone surrogate is
 * defined, as for the regular expression. {@code HeaderCharactersTests} compares both over every code point.
 */
final class HeaderCharacters {

	/** A header or parameter name: assigned, no control character. */
	static final Predicate<String> NAMES = text -> accepted(text, false);

	/** A header value: the same, tabs allowed. */
	static final Predicate<String> VALUES = text -> accepted(text, true);

	private HeaderCharacters() {
	}

	static StrictHttpFirewall firewall() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAMES);
		firewall.setAllowedHeaderValues(VALUES);
		firewall.setAllowedParameterNames(NAMES);
		return firewall;
	}

	private static boolean accepted(String text, boolean tab) {
		int length = text.length();
		for (int i = 0; i < length;) {
			char c = text.charAt(i);
			if (c < 0x80) {
				// printable ASCII, the usual case
				if (c >= 0x20 && c != 0x7f || tab && c == '\t') {
					i++;
					continue;
				}
				return false;
			}
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}
}
