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
 * handler method (the merged-annotation lookup cost 2 % of the CPU of a support when done on every request, ADR 26);
 * per request, finding it again is one lookup by the identity of the handler's {@link Method} (a key of the method
 * and its bean's class, compared field by field, still showed in the profile: ADR 0063).
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimits limits;

	/**
	 * A handler's limit (null: none), the roles its {@code hasRole}/{@code hasAnyRole} rule requires (empty when it has
	 * no such rule) and the names of its {@code UUID} path variables, all read once per handler method and bean class.
	 */
	private record Limit(Class<?> beanType, RateLimited limited, java.util.Set<String> requiredAuthorities,
			java.util.List<String> uuidVariables) {
	}

	/** By handler method: Spring MVC hands the same {@link Method} instance at every request. */
	private final Map<Method, Limit> limitOf = new ConcurrentHashMap<>();

	RateLimitInterceptor(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		if (!limits.enabled() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		var limit = limitOf.get(method.getMethod());
		if (limit == null || limit.beanType() != method.getBeanType()) {
			// a method inherited by two controllers is read again for the other: rare, and still exact
			limit = limitOf.compute(method.getMethod(), (m, known) -> known != null && known.beanType() == method.getBeanType()
					? known : limitOf(method));
		}
		if (limit.limited() == null) {
			return true;
		}
		var user = CurrentUserArgumentResolver.currentUser(SecurityContextHolder.getContext().getAuthentication());
		if (!(user == null && limit.limited().anonymous())
				&& !RefusedAnyway.countable(request, user, limit.requiredAuthorities(), limit.uuidVariables())) {
			return true; // refused by the handler (401, 403, 400) without using up the caller's budget
		}
		long wait = limits.take(limit.limited().value(), user == null ? null : user.username(), request.getRemoteAddr());
		if (wait > 0) {
			limits.refuse(request, response, wait, false);
			return false;
		}
		return true;
	}

	private static Limit limitOf(HandlerMethod method) {
		var limited = Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class))
				.orElseGet(() -> AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class));
		if (limited == null) {
			return new Limit(method.getBeanType(), null, java.util.Set.of(), java.util.List.of());
		}
		var uuids = new java.util.ArrayList<String>();
		for (var parameter : method.getMethodParameters()) {
			var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
			if (path != null && parameter.getParameterType() == java.util.UUID.class) {
				uuids.add(path.value().isEmpty() ? parameter.getParameterName() : path.value());
			}
		}
		return new Limit(method.getBeanType(), limited, RefusedAnyway.requiredAuthorities(method.getMethod()),
				java.util.List.copyOf(uuids));
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
			if (authentication == null) {
				return false;
			}
			for (var granted : authentication.getAuthorities()) {
				if (authorities.contains(granted.getAuthority())) {
					return true;
				}
			}
			return false;
		}

		static boolean countable(HttpServletRequest request, Object user, java.util.Set<String> requiredAuthorities,
				java.util.List<String> uuidVariables) {
			if (user == null || !hasOneOf(requiredAuthorities)) {
				return false;
			}
			if (uuidVariables.isEmpty()) {
				return true;
			}
			var variables = (Map<?, ?>) request.getAttribute(
					org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			if (variables == null) {
				return true;
			}
			for (var name : uuidVariables) {
				try {
					java.util.UUID.fromString(String.valueOf(variables.get(name)));
				}
				catch (IllegalArgumentException e) {
					return false;
				}
			}
			return true;
		}
	}
}
