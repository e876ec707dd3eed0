package cocon.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Spring MVC's lookup of the handler of an address with a variable ({@code PUT /api/proposals/{id}/support}) tests
 * every mapping of the application (188), each through its conditions in turn (13.7 % of the server's processor
 * time for a support, ADR 0062). Here only the mappings that may match are tested: those with a pattern whose literal
 * beginning (up to the last {@code /} before its first variable or wildcard, or the whole pattern) is the address or
 * one of its parents ({@code ""}, {@code /api}, {@code /api/proposals}, … for {@code /api/proposals/1/support}),
 * found in an index by those literals rather than by walking every mapping (ADR 0078). The lookup sees a request
 * that answers its method from a field. Among the mappings that match, the choice is made as Spring makes it (its
 * comparator, the error on two equally good ones), and the match is handled by Spring. A CORS pre-flight request, an
 * encoded address, an address that a literal pattern names and an address that nothing matches (the answers 404,
 * 405, 406 and 415) go through Spring's whole lookup, where a mapping is tested only if the address begins with one
 * of its literals.
 */
final class PrefixedHandlerLookup extends RequestMappingHandlerMapping {

	private static final String[] ANY = { "" };

	/**
	 * The prefixes of each mapping, the mappings by those prefixes and the literal addresses; null until needed again.
	 */
	private volatile Index index;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		// a pattern's literal is compared with decoded segments: an encoded address keeps the full lookup
		if (lookupPath.indexOf('%') >= 0 || (getPatternParser() != null && !getPatternParser().isCaseSensitive())) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		var lookup = new Lookup(request, lookupPath);
		var known = index();
		if (CorsUtils.isPreFlightRequest(lookup) || known.direct().contains(lookupPath)) {
			return super.lookupHandlerMethod(lookupPath, lookup);
		}
		var matches = new ArrayList<Candidate>();
		for (var candidate : known.candidates(lookupPath)) {
			var matched = super.getMatchingMapping(candidate.mapping(), lookup);
			if (matched != null) {
				matches.add(new Candidate(matched, candidate.handler()));
			}
		}
		if (matches.isEmpty()) {
			// nothing matches: Spring's lookup says why (404, 405, 406, 415), among the same mappings
			return super.lookupHandlerMethod(lookupPath, lookup);
		}
		var comparator = getMappingComparator(lookup);
		matches.sort((a, b) -> comparator.compare(a.mapping(), b.mapping()));
		var best = matches.get(0);
		if (matches.size() > 1 && comparator.compare(best.mapping(), matches.get(1).mapping()) == 0) {
			throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI() + "': {"
					+ best.handler().getMethod() + ", " + matches.get(1).handler().getMethod() + "}");
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
		handleMatch(best.mapping(), lookupPath, request);
		return best.handler();
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		if (request instanceof Lookup lookup && !lookup.mayMatch(index().prefixesOf(info))) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		index = null;
	}

	private Index index() {
		var known = index;
		if (known == null) {
			var prefixes = new HashMap<RequestMappingInfo, String[]>();
			var byPrefix = new HashMap<String, List<Candidate>>();
			var direct = new HashSet<String>();
			getHandlerMethods().forEach((info, handler) -> {
				prefixes.put(info, prefixes(info));
				for (var prefix : prefixes.get(info)) {
					byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new Candidate(info, handler));
				}
				direct.addAll(getDirectPaths(info));
			});
			byPrefix.replaceAll((prefix, candidates) -> List.copyOf(candidates));
			known = new Index(Map.copyOf(prefixes), Map.copyOf(byPrefix), Set.copyOf(direct));
			index = known;
		}
		return known;
	}

	/** The literal beginnings of the mapping's patterns, each once; {@link #ANY} when it has none to compare. */
	static String[] prefixes(RequestMappingInfo info) {
		var condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		return condition.getPatterns().stream().map(PathPattern::getPatternString)
				.map(PrefixedHandlerLookup::prefix).distinct().toArray(String[]::new);
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

	/**
	 * The prefixes a mapping that matches the address may have: {@code ""}, the address cut before each of its
	 * {@code /} but the first, and the whole address. A prefix is cut before a {@code /} of its pattern or is the whole
	 * pattern, so one that begins the address anywhere else ({@code /api/prop} for {@code /api/proposals}) cannot
	 * match it.
	 */
	static List<String> parents(String path) {
		var parents = new ArrayList<String>();
		parents.add("");
		for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
			parents.add(path.substring(0, slash));
		}
		if (!path.isEmpty()) {
			parents.add(path);
		}
		return parents;
	}

	private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
	}

	private record Index(Map<RequestMappingInfo, String[]> prefixes, Map<String, List<Candidate>> byPrefix,
			Set<String> direct) {

		/** A mapping's prefixes, read from the index: no computation, no lock, on each of Spring's 188 tests. */
		String[] prefixesOf(RequestMappingInfo info) {
			var known = prefixes.get(info);
			return known != null ? known : PrefixedHandlerLookup.prefixes(info);
		}

		/** Each mapping once, even one with two patterns whose prefixes are both parents of the address. */
		List<Candidate> candidates(String path) {
			var candidates = new ArrayList<Candidate>();
			for (var parent : parents(path)) {
				for (var candidate : byPrefix.getOrDefault(parent, List.of())) {
					if (!seen(candidates, candidate)) {
						candidates.add(candidate);
					}
				}
			}
			return candidates;
		}

		private static boolean seen(List<Candidate> candidates, Candidate candidate) {
			for (var seen : candidates) {
				if (seen.mapping() == candidate.mapping()) {
					return true;
				}
			}
			return false;
		}
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
