package cocon.identity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import cocon.shared.identity.CurrentUser;

/**
 * Retrieves ProConnect's userinfo, which answers a signed JWT ({@code application/jwt}) rather than JSON: the
 * token is fetched with the access token, its signature verified against the provider's JWKS and its issuer and
 * audience checked ({@link UserInfoTokenVerifier}) before any claim is used.
 */
class ProConnectUserInfo implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

	static final MediaType APPLICATION_JWT = MediaType.parseMediaType("application/jwt");

	private final RestClient http;
	private final Function<ClientRegistration, UserInfoTokenVerifier> verifiers;
	private final Map<String, UserInfoTokenVerifier> verifierByRegistration = new ConcurrentHashMap<>();
	private final ProConnectIdentities identities;

	ProConnectUserInfo(RestClient http, Function<ClientRegistration, UserInfoTokenVerifier> verifiers,
			ProConnectIdentities identities) {
		this.http = http;
		this.verifiers = verifiers;
		this.identities = identities;
	}

	@Override
	public OAuth2User loadUser(OAuth2UserRequest request) throws OAuth2AuthenticationException {
		var registration = request.getClientRegistration();
		String token;
		try {
			token = http.get()
					.uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + request.getAccessToken().getTokenValue())
					.accept(APPLICATION_JWT)
					.retrieve()
					.body(String.class);
		}
		catch (RestClientException unreachable) {
			throw new OAuth2AuthenticationException(new OAuth2Error(UserInfoTokenVerifier.INVALID_USER_INFO,
					"ProConnect n'a pas répondu à la demande d'identité : " + unreachable.getMessage(), null), unreachable);
		}
		var claims = verifierByRegistration.computeIfAbsent(registration.getRegistrationId(),
				id -> verifiers.apply(registration)).verify(token);
		return new DefaultOAuth2User(Set.of(), claims, "sub");
	}

	/** The signed-in person from verified userinfo claims and the authentication level of the verified ID token. */
	CurrentUser currentUser(Map<String, Object> verifiedClaims, String acr) {
		return identities.currentUser(verifiedClaims, acr);
	}
}
