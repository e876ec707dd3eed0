package cocon.identity;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Production sign-in: OpenID Connect against ProConnect, configured by {@code PROCONNECT_ISSUER_URI},
 * {@code PROCONNECT_CLIENT_ID} and {@code PROCONNECT_CLIENT_SECRET} ({@link ProConnectSettings} for the rest). Nothing
 * of it exists when the issuer is not set. The demo profile cannot be active at the same time: the application
 * refuses to start.
 * <p>
 * As ProConnect really is (issue 21, ADR 0032): the registration read when first needed, not at start-up
 * ({@link ProConnectRegistrations}); {@code client_secret_post}; ID tokens and userinfo signed in ES256 by default
 * ({@link ProConnectIdTokens}, {@link UserInfoTokenVerifier}); bounded waits on every call; one log line and a French
 * message per failed sign-in ({@link ProConnectSignInFailures}); an end of session that may go through the identity
 * provider's own page ({@link ProConnectSignOut}); redirect URIs from {@code COCON_BASE_URL} only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ProConnectConfiguration.Configured.class)
class ProConnectConfiguration {

	static final String REGISTRATION_ID = "proconnect";
	static final String ISSUER = "proconnect.issuer-uri";
	static final String CLIENT_ID = "proconnect.client-id";
	static final String CLIENT_SECRET = "proconnect.client-secret";
	/**
	 * Subjects or e-mails of the first administrators ({@code COCON_ADMINISTRATORS}, comma-separated), bound to the
	 * user who first signs in with each ({@link ProConnectAccounts}).
	 */
	static final String ADMINISTRATORS = "cocon.administrators";

	/** ProConnect is configured when its issuer is. */
	static class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(ISSUER));
		}
	}

	/** Runs before any bean is created, so the refusal is the first and only error of the start-up. */
	@Bean
	static BeanFactoryPostProcessor demoForbiddenWithProConnect(Environment environment) {
		return beanFactory -> DemoProfileGuard.check(environment);
	}

	@Bean
	ProConnectSettings proConnectSettings(Environment environment) {
		return ProConnectSettings.of(environment);
	}

	@Bean
	ProConnectRegistrations clientRegistrationRepository(ProConnectSettings settings, Clock clock) {
		return new ProConnectRegistrations(settings, RestClient.builder().requestFactory(settings.requestFactory()).build(),
				clock);
	}

	/** ID tokens signed as configured (ES256 by default), keys fetched with bounded waits; picked up by the sign-in. */
	@Bean
	JwtDecoderFactory<ClientRegistration> proConnectIdTokens(ProConnectSettings settings) {
		return new ProConnectIdTokens(settings, new RestTemplate(settings.requestFactory()));
	}

	@Bean
	ProConnectUserInfo proConnectUserInfo(ProConnectSettings settings, OrganisationResolver organisations,
			GrantedRoles grantedRoles, ProConnectAccounts accounts,
			org.springframework.beans.factory.ObjectProvider<cocon.shared.identity.CommitteeSeats> seats) {
		var keys = new RestTemplate(settings.requestFactory());
		return new ProConnectUserInfo(RestClient.builder().requestFactory(settings.requestFactory()).build(),
				registration -> UserInfoTokenVerifier.withJwkSetUri(registration.getProviderDetails().getJwkSetUri(),
						registration.getProviderDetails().getIssuerUri(), registration.getClientId(),
						settings.userInfoAlgorithm(), keys),
				new ProConnectIdentities(organisations, grantedRoles, accounts, accounts, settings.mfaRoles(),
						settings.mfaAcrValues(), settings.mfaCommittee()
								? seats.getIfAvailable(() -> username -> false)::seated : username -> false));
	}

	@Bean
	SignInMethod proConnectSignIn(ProConnectSettings settings, ProConnectUserInfo userInfo,
			ProConnectRegistrations registrations, SignInMethodsSeen seen) {
		var oidcUsers = new OidcUserService();
		oidcUsers.setOauth2UserService(userInfo);
		oidcUsers.setRetrieveUserInfo(request -> true);
		oidcUsers.setOidcUserConverter(source -> {
			var idToken = source.getUserRequest().getIdToken();
			return new ProConnectUser(userInfo.currentUser(source.getUserInfo().getClaims(), idToken.getClaimAsString("acr")),
					idToken, source.getUserInfo());
		});
		var tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
				.requestFactory(settings.requestFactory())
				.configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
						.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
				.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
				.build());
		var requests = new ProConnectAuthorizationRequests(registrations, settings);
		var signOut = new ProConnectSignOut(registrations, settings);
		return new SignInMethod() {

			@Override
			public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
				http.oauth2Login(login -> login.loginPage(SecurityConfiguration.SIGN_IN_PAGE)
						.clientRegistrationRepository(registrations)
						.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
						.tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens))
						.successHandler(new ProConnectSignInSuccess(seen))
						.failureHandler(new ProConnectSignInFailures())
						.userInfoEndpoint(endpoint -> endpoint.oidcUserService(oidcUsers)))
						.addFilterBefore(requests.whileUnavailable(), OAuth2AuthorizationRequestRedirectFilter.class)
						.logout(out -> out.logoutSuccessHandler(signOut));
			}

			@Override
			public String name() {
				return REGISTRATION_ID;
			}
		};
	}

	/** The demo identities must never be offered where real identities are. */
	static final class DemoProfileGuard {

		static final String MESSAGE = "Configuration refusée : le profil de démonstration (« demo ») est actif alors que "
				+ "ProConnect est configuré (PROCONNECT_ISSUER_URI). Les identités de démonstration sont impossibles en "
				+ "production : retirez le profil « demo » (SPRING_PROFILES_ACTIVE) ou la configuration ProConnect.";

		private DemoProfileGuard() {
		}

		static void check(Environment environment) {
			if (StringUtils.hasText(environment.getProperty(ISSUER))
					&& environment.acceptsProfiles(Profiles.of(DemoSignInConfiguration.DEMO))) {
				throw new IllegalStateException(MESSAGE);
			}
		}
	}
}
