package cocon.platform.identity;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import cocon.shared.web.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts the calls of the handlers marked {@link RateLimited} per signed-in identity and per address, and refuses
 * those over the limit with {@code 429} before the handler runs.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimits limits;

	RateLimitInterceptor(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		if (!limits.enabled() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		var limited = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
		if (limited == null) {
			limited = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
		}
		if (limited == null) {
			return true;
		}
		var user = CurrentUserArgumentResolver.currentUser(SecurityContextHolder.getContext().getAuthentication());
		long wait = limits.take(limited.value(), user == null ? null : user.username(), request.getRemoteAddr());
		if (wait > 0) {
			limits.refuse(request, response, wait, false);
			return false;
		}
		return true;
	}
}
