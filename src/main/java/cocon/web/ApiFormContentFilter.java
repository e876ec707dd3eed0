package cocon.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

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
 * The API takes JSON bodies (and CSV for the import), never what an HTML form of another site can send without the
 * browser asking first: {@code application/x-www-form-urlencoded}, {@code multipart/form-data} and {@code text/plain}
 * are refused 415 on every API write, before authentication. Writes without a body (publishing a proposal, marking
 * an experimentation territory) are concerned too: their handlers read no body, so any content type used to get
 * through. Defence in depth beside the CSRF token that a write authenticated by the session cookie carries (ADR 0035).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class ApiFormContentFilter extends OncePerRequestFilter {

	/** The content types a cross-site form or a "simple" cross-site request may carry (Fetch standard). */
	static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

	static final String REFUSED = "L'API n'accepte pas de contenu de formulaire (%s) : envoyez du JSON "
			+ "(type de contenu application/json), ou aucun contenu pour une action sans corps.";

	private final MessageSource messages;

	ApiFormContentFilter(MessageSource messages) {
		this.messages = messages;
	}

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !Problems.isApi(request) || SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType() == null ? ""
				: request.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		if (FORM_TYPES.contains(type)) {
			Problems.write(response, Problems.problem(messages, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					REFUSED.formatted(type), request));
			return;
		}
		chain.doFilter(request, response);
	}
}
