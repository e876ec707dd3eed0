package cocon.identity;

import java.io.IOException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The requests sent to ProConnect's authorization endpoint: Spring's (state, nonce, the redirect URI from
 * {@code COCON_BASE_URL}) plus the {@code claims} parameter that asks for the authentication level ({@code acr}) and
 * methods ({@code amr}) in the ID token (issue 20, point 9). Voluntarily at first; as essential when the person comes
 * back from the message that their role needs a second factor ({@code ?double-authentification}), so that ProConnect
 * has their identity provider ask for one.
 */
class ProConnectAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	private static final Logger LOG = LoggerFactory.getLogger(ProConnectAuthorizationRequests.class);

	static final String MFA = "double-authentification";

	private final ProConnectRegistrations registrations;
	private final DefaultOAuth2AuthorizationRequestResolver resolver;
	private final String voluntary;
	private final String essential;

	ProConnectAuthorizationRequests(ProConnectRegistrations registrations, ProConnectSettings settings) {
		this.registrations = registrations;
		this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		String values = settings.mfaAcrValues().stream().map(value -> "\"" + value.replace("\"", "") + "\"")
				.collect(Collectors.joining(","));
		this.voluntary = claims(false, values);
		this.essential = claims(true, values);
	}

	private static String claims(boolean essential, String values) {
		return "{\"id_token\":{\"amr\":{\"essential\":true},\"acr\":{\"essential\":" + essential + ",\"values\":[" + values
				+ "]}}}";
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return withClaims(resolver.resolve(request), request);
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return withClaims(resolver.resolve(request, clientRegistrationId), request);
	}

	private OAuth2AuthorizationRequest withClaims(OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
		if (authorization == null) {
			return null;
		}
		String claims = request.getParameter(MFA) != null ? essential : voluntary;
		return OAuth2AuthorizationRequest.from(authorization)
				.additionalParameters(parameters -> parameters.put("claims", claims))
				.build();
	}

	/**
	 * Before the redirect to ProConnect: while ProConnect cannot be reached, back to the sign-in page with its
	 * message rather than an error page (the redirect filter answers 500 when the registration is missing).
	 */
	OncePerRequestFilter whileUnavailable() {
		String prefix = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/";
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getRequestURI().startsWith(request.getContextPath() + prefix) && !registrations.available()) {
					LOG.warn("Connexion ProConnect refusée [{}] sub=inconnu erreur=- : ProConnect injoignable, la connexion "
							+ "n'a pas commencé", SignInFailure.UNAVAILABLE.code());
					response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?erreur="
							+ SignInFailure.UNAVAILABLE.code());
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}
}
