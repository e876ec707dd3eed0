package cocon.identity;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The end of a ProConnect session after Cocon's own (issue 21, point 1). ProConnect's end-session endpoint sends the
 * person on to their identity provider's end-session page, on another origin, before coming back: a redirect chain that
 * follows the sign-out form would be blocked by the page's CSP {@code form-action}, which governs every redirect after
 * a form is sent. So the form's answer is a page ({@code identity/sign-out}) that navigates to ProConnect by itself:
 * a new navigation, which {@code form-action} does not govern, whatever origins the chain goes through. The request
 * carries {@code id_token_hint}, {@code state} (required by ProConnect, checked on the way back) and the
 * {@code post_logout_redirect_uri} built from {@code COCON_BASE_URL}.
 */
class ProConnectSignOut implements LogoutSuccessHandler {

	/** Session attribute: the {@code state} of the end-session request, checked when ProConnect sends the person back. */
	static final String STATE = ProConnectSignOut.class.getName() + ".state";
	/** Request attribute: the end-session URL, for the page the sign-out answers. */
	static final String END_SESSION = ProConnectSignOut.class.getName() + ".endSession";
	static final String PAGE = SecurityConfiguration.SIGN_OUT + "/proconnect";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ProConnectRegistrations registrations;
	private final ProConnectSettings settings;

	ProConnectSignOut(ProConnectRegistrations registrations, ProConnectSettings settings) {
		this.registrations = registrations;
		this.settings = settings;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException, ServletException {
		var registration = registrations.registration();
		Object endSession = registration == null ? null
				: registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (!(authentication != null && authentication.getPrincipal() instanceof ProConnectUser user) || endSession == null) {
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		var state = new byte[32];
		RANDOM.nextBytes(state);
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(state);
		// Cocon's session ended with the sign-out: the state lives in a new, anonymous one
		request.getSession(true).setAttribute(STATE, encoded);
		String url = endSession.toString();
		request.setAttribute(END_SESSION, url + (url.contains("?") ? "&" : "?")
				+ "id_token_hint=" + encode(user.getIdToken().getTokenValue())
				+ "&state=" + encode(encoded)
				+ "&post_logout_redirect_uri=" + encode(settings.postLogoutRedirectUri()));
		request.getRequestDispatcher(PAGE).forward(request, response);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
