package cocon.identity;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import org.springframework.web.client.RestOperations;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Verifies ProConnect's userinfo answer, a signed JWT ({@code application/jwt}): its signature against the
 * provider's keys (JWKS), its issuer and its audience (our client id), then gives its claims. Nothing of an
 * unverified token is ever read.
 */
class UserInfoTokenVerifier {

	static final String INVALID_USER_INFO = "invalid_user_info_response";

	private final NimbusJwtDecoder decoder;

	private UserInfoTokenVerifier(NimbusJwtDecoder decoder, String issuer, String clientId) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				aud -> aud != null && aud.contains(clientId));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
		this.decoder = decoder;
	}

	/**
	 * Against the provider's published keys, fetched with the given client (whose timeouts bound the wait), for a
	 * token signed with the algorithm ProConnect was asked to use.
	 */
	static UserInfoTokenVerifier withJwkSetUri(String jwkSetUri, String issuer, String clientId,
			SignatureAlgorithm algorithm, RestOperations http) {
		return new UserInfoTokenVerifier(NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
				.jwsAlgorithm(algorithm)
				.restOperations(http)
				.validateType(false)
				.build(), issuer, clientId);
	}

	/** Against the given keys (tests). */
	static UserInfoTokenVerifier withJwkSource(JWKSource<SecurityContext> keys, String issuer, String clientId) {
		return new UserInfoTokenVerifier(NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithms(algorithms -> {
					algorithms.add(SignatureAlgorithm.RS256);
					algorithms.add(SignatureAlgorithm.ES256);
				})
				.build(), issuer, clientId);
	}

	/**
	 * The claims of a verified userinfo token.
	 *
	 * @throws OAuth2AuthenticationException when the token is not signed by the provider, expired, or not for us
	 */
	Map<String, Object> verify(String token) {
		if (token == null || token.isBlank()) {
			throw refused("La réponse d'identité de ProConnect est vide.");
		}
		try {
			return decoder.decode(token.strip()).getClaims();
		}
		catch (JwtException invalid) {
			throw refused("La réponse d'identité de ProConnect n'a pas pu être vérifiée : " + invalid.getMessage());
		}
	}

	static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(INVALID_USER_INFO, description, null), description);
	}
}
