package cocon.web;

import cocon.platform.DatabaseUnavailable;
import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outermost filter, before security: a database failure that escapes everything else (a page whose controller
 * rethrows, a filter, the rendering of a view) is answered 503 with {@code Retry-After} instead of 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException exception) {
			if (!DatabaseUnavailable.isCause(exception)) {
				throw exception;
			}
			UnavailableAnswer.send(request, response, exception);
		}
	}
}
