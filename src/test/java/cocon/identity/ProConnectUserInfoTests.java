package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.identity.Organisation;
import cocon.shared.identity.Role;

/**
 * ProConnect's userinfo is a signed JWT: only a token signed by the provider's key, issued by it for our client,
 * with a valid SIRET, signs anybody in — as an agent of the organisation of that SIRET.
 */
class ProConnectUserInfoTests {

	static final String ISSUER = "https://proconnect.test/api/v2";
	static final String CLIENT_ID = "cocon-client";
	static final String LYON_SIRET = "21690123100011";

	static final RSAKey PROVIDER_KEY = generate("proconnect-key");
	static final RSAKey OTHER_KEY = generate("proconnect-key");

	final UserInfoTokenVerifier verifier = UserInfoTokenVerifier
			.withJwkSource(new ImmutableJWKSet<>(new JWKSet(PROVIDER_KEY.toPublicJWK())), ISSUER, CLIENT_ID);

	final OrganisationResolver directory = (siren, username) -> siren.equals(Siren.of("216901231"))
			? new Organisation(siren, "Lyon", CollectiviteKind.COMMUNE, true, "69", "84", 519127)
			: Organisations.unverified(siren);

	static final String MFA = "https://proconnect.gouv.fr/assurance/self-asserted-2fa";

	/** Accounts are their subject; the first administrator is bound at their first sign-in only. */
	final java.util.Set<String> bound = new java.util.HashSet<>();
	final ProConnectIdentities identities = new ProConnectIdentities(directory,
			username -> username.equals("sub-curator") ? Set.of(Role.CURATOR) : Set.of(),
			(idp, subject, email) -> subject,
			(username, subject, email) -> "premiere.admin@anct.gouv.fr".equals(email) && bound.add(email),
			Set.of(Role.ADMINISTRATOR, Role.CURATOR), java.util.List.of(MFA), username -> username.equals("sub-amrf"));

	@Test
	void aTokenSignedByTheProviderGivesAnAgentOfTheOrganisationOfItsSiret() {
		var user = identities.currentUser(verifier.verify(token(PROVIDER_KEY, claims().build())), "eidas1");

		assertThat(user.username()).isEqualTo("sub-123");
		assertThat(user.displayName()).isEqualTo("Camille Durand");
		assertThat(user.email()).isEqualTo("camille.durand@mairie-lyon.fr");
		assertThat(user.roles()).containsExactly(Role.AGENT);
		assertThat(user.organisation().siren()).isEqualTo(Siren.of("216901231"));
		assertThat(user.organisation().name()).isEqualTo("Lyon");
		assertThat(user.organisation().kind()).isEqualTo(CollectiviteKind.COMMUNE);
		assertThat(user.organisation().verified()).isTrue();
	}

	@Test
	void rolesGrantedByAnAdministratorAreAdded() {
		var user = identities.currentUser(verifier.verify(token(PROVIDER_KEY, claims().subject("sub-curator").build())), MFA);

		assertThat(user.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.CURATOR);
	}

	@Test
	void theFirstAdministratorIsGrantedTheRoleAtTheFirstSignInOnly() {
		var user = identities.currentUser(verifier.verify(token(PROVIDER_KEY, claims().subject("sub-admin")
				.claim("email", "premiere.admin@anct.gouv.fr").build())), MFA);
		assertThat(user.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.ADMINISTRATOR);

		// the entry is bound: another subject with the same e-mail (another identity provider) is not an administrator
		var other = identities.currentUser(verifier.verify(token(PROVIDER_KEY, claims().subject("sub-elsewhere")
				.claim("email", "premiere.admin@anct.gouv.fr").build())), null);
		assertThat(other.roles()).containsExactly(Role.AGENT);
	}

	@Test
	void aStaffRoleNeedsAMultiFactorSignIn() {
		var claims = verifier.verify(token(PROVIDER_KEY, claims().subject("sub-curator").build()));

		assertThatThrownBy(() -> identities.currentUser(claims, "eidas1")).isInstanceOf(ProConnectRefusal.class)
				.satisfies(e -> assertThat(((ProConnectRefusal) e).failure()).isEqualTo(SignInFailure.MFA_REQUIRED));
		assertThatThrownBy(() -> identities.currentUser(claims, null)).isInstanceOf(ProConnectRefusal.class);
		assertThat(identities.currentUser(verifier.verify(token(PROVIDER_KEY, claims().build())), "eidas1").roles())
				.containsExactly(Role.AGENT);
	}

	@Test
	void aSeatOnACommitteeNeedsAMultiFactorSignInToo() {
		var member = verifier.verify(token(PROVIDER_KEY, claims().subject("sub-amrf").build()));

		assertThatThrownBy(() -> identities.currentUser(member, "eidas1")).isInstanceOf(ProConnectRefusal.class)
				.satisfies(e -> assertThat(((ProConnectRefusal) e).failure()).isEqualTo(SignInFailure.MFA_REQUIRED))
				.hasMessageContaining("comité");
		assertThat(identities.currentUser(member, MFA).roles()).containsExactly(Role.AGENT);
	}

	@Test
	void refusesATamperedToken() {
		String genuine = token(PROVIDER_KEY, claims().build());
		String forged = token(PROVIDER_KEY, claims().claim("siret", "35600000000048").build());
		var parts = genuine.split("\\.");
		String tampered = parts[0] + "." + forged.split("\\.")[1] + "." + parts[2];

		assertRefused(() -> verifier.verify(tampered));
		assertRefused(() -> verifier.verify(genuine.substring(0, genuine.length() - 4) + "AAAA"));
	}

	@Test
	void refusesATokenSignedByAnotherKey() {
		assertRefused(() -> verifier.verify(token(OTHER_KEY, claims().build())));
	}

	@Test
	void refusesATokenOfAnotherIssuerOrForAnotherClientOrExpired() {
		assertRefused(() -> verifier.verify(token(PROVIDER_KEY, claims().issuer("https://ailleurs.test").build())));
		assertRefused(() -> verifier.verify(token(PROVIDER_KEY, claims().audience("un-autre-client").build())));
		assertRefused(() -> verifier.verify(token(PROVIDER_KEY, claims()
				.expirationTime(Date.from(Instant.now().minusSeconds(3600))).build())));
	}

	@Test
	void refusesAPlainJsonAnswer() {
		assertRefused(() -> verifier.verify("{\"sub\": \"sub-123\", \"siret\": \"" + LYON_SIRET + "\"}"));
	}

	@Test
	void refusesAnInvalidOrMissingSiret() {
		for (String siret : new String[] { "21690123100012", "2169012310001", "216901231000AB", "" }) {
			var claims = verifier.verify(token(PROVIDER_KEY, claims().claim("siret", siret).build()));
			assertNoSiret(() -> identities.currentUser(claims, null));
		}
		var withoutSiret = verifier.verify(token(PROVIDER_KEY, claims().claim("siret", null).build()));
		assertNoSiret(() -> identities.currentUser(withoutSiret, null));
	}

	@Test
	void acceptsLaPosteSiretsByTheirOwnRule() {
		var claims = verifier.verify(token(PROVIDER_KEY, claims().claim("siret", "35600000000010").build()));

		var user = identities.currentUser(claims, null);

		assertThat(user.organisation().siren()).isEqualTo(Siren.of("356000000"));
		assertThat(user.organisation().verified()).isFalse();
		assertThat(user.organisation().name()).isEqualTo("Organisation 356000000");
	}

	@Test
	void fetchesTheUserInfoAsAJwtWithTheAccessTokenAndVerifiesIt() {
		var http = RestClient.builder();
		var server = MockRestServiceServer.bindTo(http).build();
		server.expect(requestTo("https://proconnect.test/api/v2/userinfo"))
				.andExpect(header("Authorization", "Bearer access-token"))
				.andExpect(header("Accept", "application/jwt"))
				.andRespond(withSuccess(token(PROVIDER_KEY, claims().build()), ProConnectUserInfo.APPLICATION_JWT));
		var userInfo = new ProConnectUserInfo(http.build(), registration -> verifier, identities);

		var user = userInfo.loadUser(new OAuth2UserRequest(registration(), accessToken()));

		assertThat(user.getName()).isEqualTo("sub-123");
		assertThat(userInfo.currentUser(user.getAttributes(), null).organisation().name()).isEqualTo("Lyon");
		server.verify();
	}

	@Test
	void refusesAForgedUserInfoAnswer() {
		var http = RestClient.builder();
		var server = MockRestServiceServer.bindTo(http).build();
		server.expect(requestTo("https://proconnect.test/api/v2/userinfo"))
				.andRespond(withSuccess(token(OTHER_KEY, claims().build()), ProConnectUserInfo.APPLICATION_JWT));
		var userInfo = new ProConnectUserInfo(http.build(), registration -> verifier, identities);

		assertRefused(() -> userInfo.loadUser(new OAuth2UserRequest(registration(), accessToken())));
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(OAuth2AuthenticationException.class)
				.satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
						.isEqualTo(UserInfoTokenVerifier.INVALID_USER_INFO));
	}

	private static void assertNoSiret(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(ProConnectRefusal.class)
				.satisfies(e -> assertThat(((ProConnectRefusal) e).failure()).isEqualTo(SignInFailure.NO_SIRET))
				.satisfies(e -> assertThat(((ProConnectRefusal) e).subject()).isEqualTo("sub-123"));
	}

	private static JWTClaimsSet.Builder claims() {
		var now = Instant.now();
		return new JWTClaimsSet.Builder()
				.issuer(ISSUER)
				.audience(CLIENT_ID)
				.subject("sub-123")
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(60)))
				.claim("email", "camille.durand@mairie-lyon.fr")
				.claim("given_name", "Camille")
				.claim("usual_name", "Durand")
				.claim("siret", LYON_SIRET);
	}

	private static String token(RSAKey key, JWTClaimsSet claims) {
		try {
			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
					.type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static ClientRegistration registration() {
		return ClientRegistration.withRegistrationId("proconnect")
				.clientId(CLIENT_ID)
				.clientSecret("secret")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "email", "given_name", "usual_name", "siret")
				.authorizationUri(ISSUER + "/authorize")
				.tokenUri(ISSUER + "/token")
				.userInfoUri(ISSUER + "/userinfo")
				.jwkSetUri(ISSUER + "/jwks")
				.issuerUri(ISSUER)
				.userNameAttributeName("sub")
				.build();
	}

	private static OAuth2AccessToken accessToken() {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", Instant.now(),
				Instant.now().plusSeconds(60), Set.of("openid"));
	}
}
