package cocon.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * The decoder of ProConnect's ID tokens (issue 21, point 3): signed with the algorithm ProConnect was asked to use
 * ({@code PROCONNECT_ID_TOKEN_SIGNED_RESPONSE_ALG}, ES256 by default as ProConnect's own default; RS256 the other
 * choice) — Spring's default decoder accepts RS256 only, so every sign-in failed with a default registration — and
 * verified against keys fetched with bounded waits. The claims are checked as Spring's own factory does (issuer,
 * audience, expiry, {@link OidcIdTokenValidator}); the nonce is checked by the sign-in itself.
 */
class ProConnectIdTokens implements JwtDecoderFactory<ClientRegistration> {

	private static final Converter<Map<String, Object>, Map<String, Object>> CLAIM_TYPES = new ClaimTypeConverter(
			OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());

	private final ProConnectSettings settings;
	private final RestOperations http;
	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	ProConnectIdTokens(ProConnectSettings settings, RestOperations http) {
		this.settings = settings;
		this.http = http;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
			var decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
					.jwsAlgorithm(settings.idTokenAlgorithm())
					.restOperations(http)
					.build();
			decoder.setJwtValidator(new OidcIdTokenValidator(registration));
			decoder.setClaimSetConverter(CLAIM_TYPES);
			return decoder;
		});
	}
}
