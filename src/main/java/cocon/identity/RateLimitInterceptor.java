package cocon.identity;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import cocon.shared.web.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the calls of the handlers marked {@link RateLimited} per signed-in identity and per address, and refuses
 * those over the limit with {@code 429} before the handler runs. Which limit a handler has is looked up once per
 * handler method (the merged-annotation lookup cost 2 % of the CPU of a support when done on every request, ADR 26).
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimits limits;
	/** A handler: its method and the class of its bean (which may carry the annotation instead of the method). */
	private record Handler(Method method, Class<?> beanType) {
	}

	/**
	 * A handler's limit and the roles its {@code hasRole}/{@code hasAnyRole} rule requires (empty when it has no such
	 * rule), both read once per handler method.
	 */
	private record Limit(RateLimited limited, java.util.Set<String> requiredAuthorities) {
	}

	private final Map<Handler, Optional<Limit>> limitOf = new ConcurrentHashMap<>();

	RateLimitInterceptor(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		if (!limits.enabled() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		var limit = limitOf.computeIfAbsent(new Handler(method.getMethod(), method.getBeanType()), h -> Optional
				.ofNullable(AnnotatedElementUtils.findMergedAnnotation(h.method(), RateLimited.class))
				.or(() -> Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(h.beanType(), RateLimited.class)))
				.map(limited -> new Limit(limited, RefusedAnyway.requiredAuthorities(h.method()))))
				.orElse(null);
		if (limit == null) {
			return true;
		}
		var user = CurrentUserArgumentResolver.currentUser(SecurityContextHolder.getContext().getAuthentication());
		if (!(user == null && limit.limited().anonymous())
				&& !RefusedAnyway.countable(method, request, user, limit.requiredAuthorities())) {
			return true; // refused by the handler (401, 403, 400) without using up the caller's budget
		}
		long wait = limits.take(limit.limited().value(), user == null ? null : user.username(), request.getRemoteAddr());
		if (wait > 0) {
			limits.refuse(request, response, wait, false);
			return false;
		}
		return true;
	}

	/**
	 * Issue 22: what the handler refuses anyway (anonymous caller, a role it does not have, malformed identifier) is
	 * not counted.
	 */
	private static final class RefusedAnyway {

		/** The roles of a {@code hasRole('…')} or {@code hasAnyRole('…', …)} rule; other rules are left to count. */
		private static final java.util.regex.Pattern ROLES = java.util.regex.Pattern
				.compile("has(?:Any)?Role\\(((?:\\s*'[A-Z_]+'\\s*,?)+)\\)");

		/** The authorities of the handler's role rule, any of which it accepts; empty for no rule this reads. */
		static java.util.Set<String> requiredAuthorities(Method method) {
			var rule = AnnotatedElementUtils.findMergedAnnotation(method,
					org.springframework.security.access.prepost.PreAuthorize.class);
			var roles = rule == null ? null : ROLES.matcher(rule.value().strip());
			if (roles == null || !roles.matches()) {
				return java.util.Set.of();
			}
			return java.util.Arrays.stream(roles.group(1).split(","))
					.map(role -> "ROLE_" + role.strip().replace("'", ""))
					.collect(java.util.stream.Collectors.toUnmodifiableSet());
		}

		private static boolean hasOneOf(java.util.Set<String> authorities) {
			if (authorities.isEmpty()) {
				return true;
			}
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.getAuthorities().stream()
					.anyMatch(granted -> authorities.contains(granted.getAuthority()));
		}

		static boolean countable(HandlerMethod method, HttpServletRequest request, Object user,
				java.util.Set<String> requiredAuthorities) {
			if (user == null || !hasOneOf(requiredAuthorities)) {
				return false;
			}
			var variables = (Map<?, ?>) request.getAttribute(
					org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			for (var parameter : method.getMethodParameters()) {
				var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
				if (path != null && parameter.getParameterType() == java.util.UUID.class && variables != null) {
					var value = variables.get(path.value().isEmpty() ? parameter.getParameterName() : path.value());
					try {
						java.util.UUID.fromString(String.valueOf(value));
					}
					catch (IllegalArgumentException e) {
						return false;
					}
				}
			}
			return true;
		}
	}
}
