package cocon.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wrong passwords, per identity tried and per address (ADR 0012). Every bad credential, from the sign-in form or over
 * HTTP Basic, takes a token; once the identity or the address has none left, every password attempt, the right one
 * included, is refused with {@code 429} and {@code Retry-After} before it is checked, until the window has passed.
 * Requests without credentials are not concerned. The failures are counted by
 * {@link SecurityConfiguration.SignInFailures}.
 */
class SignInThrottle extends OncePerRequestFilter {

	private static final String BASIC = "basic ";

	private final RateLimits limits;

	SignInThrottle(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (limits.enabled() && (isFormSignIn(request) || basicUsername(request) != null)) {
			String identity = !isFormSignIn(request) ? basicUsername(request)
					: request.getParameter("persona") != null ? DemoSignInConfiguration.PersonaParameterFilter.username(request)
					: request.getParameter("username");
			long wait = limits.signInWait(identity, request.getRemoteAddr());
			if (wait > 0) {
				limits.refuse(request, response, wait, true);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isFormSignIn(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& (request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE).equals(request.getRequestURI());
	}

	/** The username of an HTTP Basic {@code Authorization} header, or null. */
	static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= BASIC.length() || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}
}
