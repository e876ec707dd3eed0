package cocon.identity;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import cocon.identity.DatabaseAwareAuthenticationFailureHandler;

/**
 * Production sign-in: OpenID Connect against ProConnect, configured by {@code PROCONNECT_ISSUER_URI},
 * {@code PROCONNECT_CLIENT_ID} and {@code PROCONNECT_CLIENT_SECRET}. Nothing of it exists when the issuer is not
 * set. The demo profile cannot be active at the same time: the application refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ProConnectConfiguration.Configured.class)
class ProConnectConfiguration {

	static final String REGISTRATION_ID = "proconnect";
	static final String ISSUER = "proconnect.issuer-uri";
	static final String CLIENT_ID = "proconnect.client-id";
	static final String CLIENT_SECRET = "proconnect.client-secret";
	/** Subjects or e-mails of the first administrators ({@code COCON_ADMINISTRATORS}, comma-separated). */
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
	ClientRegistrationRepository clientRegistrationRepository(Environment environment) {
		return new InMemoryClientRegistrationRepository(registration(environment));
	}

	static ClientRegistration registration(Environment environment) {
		String clientId = environment.getProperty(CLIENT_ID);
		String clientSecret = environment.getProperty(CLIENT_SECRET);
		if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
			throw new IllegalStateException("ProConnect est configuré (PROCONNECT_ISSUER_URI) mais PROCONNECT_CLIENT_ID "
					+ "ou PROCONNECT_CLIENT_SECRET manque.");
		}
		return ClientRegistrations.fromIssuerLocation(environment.getProperty(ISSUER))
				.registrationId(REGISTRATION_ID)
				.clientName("ProConnect")
				.clientId(clientId)
				.clientSecret(clientSecret)
				.scope("openid", "email", "given_name", "usual_name", "siret")
				.userNameAttributeName("sub")
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
	}

	@Bean
	ProConnectUserInfo proConnectUserInfo(OrganisationResolver organisations, GrantedRoles grantedRoles,
			ObjectProvider<RestClient.Builder> restClient, Environment environment) {
		var administrators = Set.copyOf(java.util.Arrays.asList(environment.getProperty(ADMINISTRATORS, "").split(",")));
		return new ProConnectUserInfo(restClient.getIfAvailable(RestClient::builder).build(), ProConnectUserInfo::verifierOf,
				new ProConnectIdentities(organisations, grantedRoles, administrators));
	}

	@Bean
	SignInMethod proConnectSignIn(ProConnectUserInfo userInfo, ClientRegistrationRepository registrations) {
		var oidcUsers = new OidcUserService();
		oidcUsers.setOauth2UserService(userInfo);
		oidcUsers.setRetrieveUserInfo(request -> true);
		oidcUsers.setOidcUserConverter(source -> new ProConnectUser(
				userInfo.currentUser(source.getUserInfo().getClaims()), source.getUserRequest().getIdToken(),
				source.getUserInfo()));
		var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		return new SignInMethod() {

			@Override
			public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
				http.oauth2Login(login -> login.loginPage(SecurityConfiguration.SIGN_IN_PAGE)
						.failureHandler(new DatabaseAwareAuthenticationFailureHandler(
								SecurityConfiguration.SIGN_IN_PAGE + "?erreur"))
						.userInfoEndpoint(endpoint -> endpoint.oidcUserService(oidcUsers)))
						.logout(out -> out.logoutSuccessHandler(logout));
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
