package cocon.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Spring MVC's lookup of the handler of an address with a variable ({@code PUT /api/proposals/{id}/support}) tests
 * every mapping of the application, each through its conditions in turn, the HTTP method first: some 190 calls of
 * {@code getMethod()} per request, each through the chain of request wrappers of the filters, before any path is
 * compared (13.7 % of the server's processor time for a support, ADR 0062). Here a mapping is tested only if the
 * address begins with the literal beginning of one of its patterns (up to the last {@code /} before its first
 * variable or wildcard), a necessary condition of a match; the lookup then sees a request that answers its method
 * from a field. The choice among the mappings left, the answers 404, 405, 406 and 415, CORS and the attributes of
 * the match stay Spring's own.
 */
final class PrefixedHandlerLookup extends RequestMappingHandlerMapping {

	private static final String[] ANY = { "" };

	private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		// a pattern's literal is compared with decoded segments: an encoded address keeps the full lookup
		if (lookupPath.indexOf('%') >= 0 || (getPatternParser() != null && !getPatternParser().isCaseSensitive())) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		return super.lookupHandlerMethod(lookupPath, new Lookup(request, lookupPath));
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		if (request instanceof Lookup lookup && !lookup.mayMatch(prefixesOf(info))) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	/**
	 * A read first: {@code computeIfAbsent} locks the bin of a key that is not at its head, and every request asks for
	 * the prefixes of most mappings (a JFR profile showed threads blocked there under load).
	 */
	private String[] prefixesOf(RequestMappingInfo info) {
		var known = prefixes.get(info);
		return known != null ? known : prefixes.computeIfAbsent(info, PrefixedHandlerLookup::prefixes);
	}

	/** The literal beginnings of the mapping's patterns; {@link #ANY} when it has none to compare. */
	static String[] prefixes(RequestMappingInfo info) {
		var condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		return condition.getPatterns().stream().map(PathPattern::getPatternString)
				.map(PrefixedHandlerLookup::prefix).toArray(String[]::new);
	}

	/**
	 * {@code /api/proposals/{id}/support} → {@code /api/proposals}; {@code /api/{*rest}} and {@code /api/**} →
	 * {@code /api}, since they match {@code /api} itself; a pattern without variable or wildcard is its own prefix.
	 */
	static String prefix(String pattern) {
		int wildcard = pattern.length();
		for (char special : new char[] { '{', '*', '?' }) {
			int at = pattern.indexOf(special);
			if (at >= 0 && at < wildcard) {
				wildcard = at;
			}
		}
		if (wildcard == pattern.length()) {
			return pattern;
		}
		int slash = pattern.lastIndexOf('/', wildcard);
		return slash <= 0 ? "" : pattern.substring(0, slash);
	}

	/** The request as the lookup sees it: its method read once, its lookup path at hand. */
	static final class Lookup extends HttpServletRequestWrapper {

		private final String path;
		private final String method;

		Lookup(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
			this.method = request.getMethod();
		}

		@Override
		public String getMethod() {
			return method;
		}

		boolean mayMatch(String[] prefixes) {
			for (var prefix : prefixes) {
				if (path.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}
	}
}
