package cocon.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.StringUtils;

import cocon.shared.identity.Role;

/**
 * What an operator configures for ProConnect (README, « Connexion avec ProConnect »), read once: the issuer and the
 * client, the algorithms ProConnect was asked to sign with, the time allowed to each call to ProConnect, where this
 * instance is reached from outside ({@code COCON_BASE_URL}, the one source of the redirect and post-logout URIs),
 * and which roles need a multi-factor sign-in.
 *
 * @param timeout connection and answer time allowed to each call to ProConnect (discovery, keys, token, userinfo)
 * @param discoveryRetry the least time between two attempts to read ProConnect's discovery document while it fails
 * @param mfaRoles roles that need a multi-factor sign-in (ProConnect's {@code acr})
 * @param mfaCommittee whether a seat on a current committee needs it too ({@code COMMITTEE} among the roles)
 * @param mfaAcrValues the {@code acr} values that mean a multi-factor sign-in
 */
record ProConnectSettings(String issuer, String clientId, String clientSecret, SignatureAlgorithm idTokenAlgorithm,
		SignatureAlgorithm userInfoAlgorithm, Duration timeout, Duration discoveryRetry, String baseUrl, Set<Role> mfaRoles, boolean mfaCommittee, List<String> mfaAcrValues) {

	static final String PREFIX = "proconnect.";
	/** The entry of {@code PROCONNECT_MFA_ROLES} that stands for a seat on a current committee (no platform role). */
	static final String COMMITTEE = "COMMITTEE";
	/** ProConnect's default for a new client, and what Cocon asks for (RS256 is the other choice). */
	static final String DEFAULT_ALGORITHM = "ES256";
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
	static final String DEFAULT_MFA_ACR = "eidas2,eidas3,https://proconnect.gouv.fr/assurance/self-asserted-2fa,"
			+ "https://proconnect.gouv.fr/assurance/consistency-checked-2fa";

	static ProConnectSettings of(Environment environment) {
		String clientId = environment.getProperty(ProConnectConfiguration.CLIENT_ID);
		String clientSecret = environment.getProperty(ProConnectConfiguration.CLIENT_SECRET);
		if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
			throw new IllegalStateException("ProConnect est configuré (PROCONNECT_ISSUER_URI) mais PROCONNECT_CLIENT_ID "
					+ "ou PROCONNECT_CLIENT_SECRET manque.");
		}
		String baseUrl = environment.getProperty("cocon.base-url", "http://localhost:8080").strip();
		URI.create(baseUrl);
		var roles = EnumSet.noneOf(Role.class);
		var entries = list(environment.getProperty(PREFIX + "mfa.roles", "ADMINISTRATOR,CURATOR,COMMITTEE")).stream()
				.map(entry -> entry.toUpperCase(Locale.ROOT)).toList();
		entries.stream().filter(entry -> !entry.equals(COMMITTEE)).forEach(role -> roles.add(Role.valueOf(role)));
		return new ProConnectSettings(environment.getProperty(ProConnectConfiguration.ISSUER).strip(), clientId.strip(),
				clientSecret.strip(), algorithm(environment, "id-token-signed-response-alg"),
				algorithm(environment, "userinfo-signed-response-alg"),
				environment.getProperty(PREFIX + "timeout", Duration.class, DEFAULT_TIMEOUT),
				environment.getProperty(PREFIX + "discovery-retry", Duration.class, Duration.ofSeconds(10)),
				baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, Set.copyOf(roles),
				entries.contains(COMMITTEE),
				list(environment.getProperty(PREFIX + "mfa.acr-values", DEFAULT_MFA_ACR)));
	}

	private static SignatureAlgorithm algorithm(Environment environment, String key) {
		String name = environment.getProperty(PREFIX + key, DEFAULT_ALGORITHM).strip().toUpperCase(Locale.ROOT);
		var algorithm = SignatureAlgorithm.from(name);
		if (algorithm == null) {
			throw new IllegalStateException("PROCONNECT_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + " : « " + name
					+ " » n'est pas un algorithme de signature connu ; ProConnect signe en ES256 ou RS256.");
		}
		return algorithm;
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Where ProConnect sends the person back after sign-in: to be registered with ProConnect as is. */
	String redirectUri() {
		return baseUrl + "/login/oauth2/code/" + ProConnectConfiguration.REGISTRATION_ID;
	}

	/** Where ProConnect sends the person back after sign-out: to be registered with ProConnect as is. */
	String postLogoutRedirectUri() {
		return baseUrl + SecurityConfiguration.SIGN_OUT + "/terminee";
	}

	/** Every call to ProConnect: bounded connection and answer times, so that a silent provider frees the thread. */
	SimpleClientHttpRequestFactory requestFactory() {
		var factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(timeout);
		factory.setReadTimeout(timeout);
		return factory;
	}
}
