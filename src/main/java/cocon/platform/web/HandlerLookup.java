package cocon.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's handler lookup, which first sets aside the mappings that cannot match (ADR 0026). An address with a
 * variable ({@code /api/proposals/{id}/support}) is matched against every one of the 140 mappings in turn, each
 * asking the request its method through the filters' wrappers and walking its path patterns: 11 % of the server's
 * CPU for a support. Here the method and the address are read once per request, and a mapping is skipped at once when
 * it declares methods that exclude the request's, or when the address does not begin with the literal start of any
 * of its patterns (the part before the first variable or wildcard). Every other mapping is judged by Spring exactly
 * as before, and so is a request the shortcut cannot judge safely: {@code HEAD} and {@code OPTIONS} (answered for
 * {@code GET} mappings and for CORS preflights), and addresses with {@code %} or {@code ;}, whose segments Spring
 * decodes or strips of matrix variables before matching. When nothing matches, Spring's own answer (404, 405 with
 * the methods allowed, 415) is computed from all the mappings as before.
 */
final class HandlerLookup extends RequestMappingHandlerMapping {

	/** What a mapping requires before Spring looks at it: its methods (empty: any) and the literal starts of its paths. */
	private record Guard(Set<String> methods, List<String> starts) {

		boolean excludes(Request request) {
			if (request.method != null && !methods.isEmpty() && !methods.contains(request.method)) {
				return true;
			}
			if (request.path == null || starts.isEmpty()) {
				return false;
			}
			for (String start : starts) {
				if (request.path.startsWith(start)) {
					return false;
				}
			}
			return true;
		}
	}

	/** The request as the guards read it, once; a null field is a part the shortcut does not judge. */
	private record Request(String method, String path) {
	}

	private static final Set<String> JUDGED_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

	private final Map<RequestMappingInfo, Guard> guards = new ConcurrentHashMap<>();
	private final ThreadLocal<Request> current = new ThreadLocal<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath,
			HttpServletRequest request) throws Exception {
		String method = request.getMethod();
		current.set(new Request(JUDGED_METHODS.contains(method) ? method : null,
				lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 ? null : lookupPath));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			current.remove();
		}
	}

	/** Spring's own lookup, every mapping judged in full: what the shortcut must always agree with (its test). */
	HandlerMethod lookupWithoutShortcut(String lookupPath, HttpServletRequest request)
			throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		Request read = current.get();
		if (read != null && guards.computeIfAbsent(info, HandlerLookup::guard).excludes(read)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static Guard guard(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
				.collect(Collectors.toUnmodifiableSet());
		var patterns = info.getPathPatternsCondition();
		if (patterns == null) {
			return new Guard(methods, List.of());
		}
		var starts = patterns.getPatterns().stream().map(PathPattern::getPatternString).map(HandlerLookup::literalStart)
				.toList();
		// a pattern without a literal start (such as "/**" or "/{page}") may match any address
		return new Guard(methods, starts.stream().anyMatch(start -> start.length() <= 1) ? List.of() : starts);
	}

	/**
	 * The start of a pattern every matching address begins with, to the letter: up to the first variable or wildcard,
	 * and only letters, digits and {@code / - _ .}, which no address spells differently.
	 */
	static String literalStart(String pattern) {
		int end = 0;
		while (end < pattern.length()) {
			char c = pattern.charAt(end);
			boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '/' || c == '-' || c == '_' || c == '.');
			if (!plain) {
				break;
			}
			end++;
		}
		return pattern.substring(0, end);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations handlerLookup() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new HandlerLookup();
				}
			};
		}
	}
}
