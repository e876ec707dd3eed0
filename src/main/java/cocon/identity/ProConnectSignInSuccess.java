package cocon.identity;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A ProConnect sign-in that succeeded: back where the person was going, unless their organisation is not a
 * collectivité Cocon knows — then first the page that says their account is « à vérifier », why, and what to do
 * (issue 21, point 9).
 */
class ProConnectSignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String UNVERIFIED_PAGE = SecurityConfiguration.SIGN_IN_PAGE + "/organisation-a-verifier";

	private final SignInMethodsSeen seen;

	ProConnectSignInSuccess(SignInMethodsSeen seen) {
		this.seen = seen;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		// the database has now seen a real sign-in: the demonstration's reset will refuse it (ADR 0034)
		seen.signedIn(authentication);
		if (authentication.getPrincipal() instanceof ProConnectUser user && user.currentUser().organisation() != null
				&& !user.currentUser().organisation().verified()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, UNVERIFIED_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
