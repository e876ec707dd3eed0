package cocon.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Query and form parameters holding a NUL character (U+0000) are refused before any controller sees them:
 * PostgreSQL cannot store it in {@code text}, and no French text needs it. One check for every parameter of every
 * route (ADR 13), where the JSON bodies have theirs in {@link JsonInputConfiguration}. The API answers a problem
 * detail naming the parameter; a page gets the error page. Runs after the character encoding filter, so that form
 * parameters are decoded as UTF-8.
 * <p>
 * A query string longer than {@link #QUERY_MAX} characters is refused here too (414): Tomcat reads request lines and
 * headers up to {@code server.max-http-request-header-size} (32 KB), so that a long address reaches this filter and
 * gets a French answer instead of the container's refusal; beyond that the container answers, in French too
 * ({@link ContainerErrorReports}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TextParametersFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	TextParametersFilter(MessageSource messages) {
		this.messages = messages;
	}

	static final int QUERY_MAX = 8192;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var query = request.getQueryString();
		if (query != null && query.length() > QUERY_MAX) {
			if (!Problems.isApi(request) && accepts(request, "text/html")) {
				response.sendError(HttpStatus.URI_TOO_LONG.value());
				return;
			}
			Problems.write(response, Problems.problem(messages, HttpStatus.URI_TOO_LONG,
					Problems.message(messages, "problem.detail.414"), request));
			return;
		}
		// without a query string nor a form body there is no parameter to read (a JSON write of the API): the
		// parameter map, which Tomcat builds on first use, is left unbuilt (ADR 0062)
		if (query == null && !formBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		String refused = refusedParameter(request);
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!Problems.isApi(request) && accepts(request, "text/html")) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		String detail = Problems.message(messages, "problem.detail.parameter.nul", refused);
		var problem = Problems.problem(messages, HttpStatus.BAD_REQUEST, detail, request);
		problem.setProperty("errors", List.of(Map.of("field", refused, "message", detail)));
		Problems.write(response, problem);
	}

	private static boolean formBody(HttpServletRequest request) {
		var type = request.getContentType();
		return type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
				|| type.regionMatches(true, 0, "multipart/", 0, 10));
	}

	private static String refusedParameter(HttpServletRequest request) {
		for (var parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\u0000') >= 0) {
				return parameter.getKey().replace('\u0000', '?');
			}
			for (var value : parameter.getValue()) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					return parameter.getKey();
				}
			}
		}
		return null;
	}

	private static boolean accepts(HttpServletRequest request, String type) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains(type);
	}
}
