package cocon.identity;

import java.io.IOException;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import cocon.identity.DatabaseAwareAuthenticationFailureHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The demo sign-in, which exists only in the {@code demo} profile (embedded default, tests): the personas over
 * HTTP Basic for the API and through the form of the sign-in page, password {@code demo}. Outside this profile
 * no bean of this class exists, so neither HTTP Basic nor the form login is configured. On a configured database
 * the profile refuses to start unless declared ({@link DemoDatabaseGuard}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DemoSignInConfiguration.DEMO)
class DemoSignInConfiguration {

	static final String DEMO = "demo";

	/** Runs before any bean is created: a refusal is the first and only error of the start-up (ADR 0034). */
	@Bean
	static BeanFactoryPostProcessor demoOnTheEmbeddedDatabaseOnly(Environment environment) {
		return beanFactory -> DemoDatabaseGuard.check(environment);
	}

	@Bean
	DemoPersonas demoPersonas(OrganisationResolver organisations, GrantedRoles grantedRoles, IdentityChanges changes) {
		return new DemoPersonas(organisations, grantedRoles, changes);
	}

	@Bean
	SignInMethod demoSignIn(DemoPersonas personas) {
		return new SignInMethod() {

			@Override
			public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
				http.userDetailsService(personas)
						.httpBasic(basic -> basic.realmName(SecurityConfiguration.REALM).authenticationEntryPoint(apiEntryPoint))
						.formLogin(form -> form.loginPage(SecurityConfiguration.SIGN_IN_PAGE)
								.loginProcessingUrl(SecurityConfiguration.SIGN_IN_PAGE)
								.failureHandler(new DatabaseAwareAuthenticationFailureHandler(
										SecurityConfiguration.SIGN_IN_PAGE + "?erreur"))
								.defaultSuccessUrl("/", false)
								.permitAll())
						.addFilterBefore(new PersonaParameterFilter(), UsernamePasswordAuthenticationFilter.class);
			}

			@Override
			public String apiChallenge() {
				return "Basic realm=\"" + SecurityConfiguration.REALM + "\"";
			}

			@Override
			public String name() {
				return DEMO;
			}
		};
	}

	/**
	 * The sign-in form lets the visitor pick a persona ({@code persona}) or, for an agent, type a SIREN
	 * ({@code siren}): this filter turns that choice into the {@code username} the form login expects.
	 */
	static class PersonaParameterFilter extends OncePerRequestFilter {

		/** The username the form's choice stands for (also read by the {@link SignInThrottle}). */
		static String username(HttpServletRequest request) {
			String persona = request.getParameter("persona").strip().toLowerCase(Locale.ROOT);
			return "agent".equals(persona)
					? DemoPersonas.AGENT_PREFIX + String.valueOf(request.getParameter("siren")).replaceAll("\\s", "")
					: persona;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !(HttpMethod.POST.matches(request.getMethod())
					&& (request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE).equals(request.getRequestURI())
					&& request.getParameter("persona") != null);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String username = username(request);
			// the sign-in page then tells an invalid SIREN from a wrong password (both fail as bad credentials)
			boolean invalidSiren = username.startsWith(DemoPersonas.AGENT_PREFIX)
					&& !cocon.shared.Siren.isValid(username.substring(DemoPersonas.AGENT_PREFIX.length()));
			if (invalidSiren) {
				request.getSession().setAttribute(SignInPages.INVALID_SIREN, Boolean.TRUE);
			}
			else if (request.getSession(false) != null) {
				request.getSession(false).removeAttribute(SignInPages.INVALID_SIREN);
			}
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public String getParameter(String name) {
					return "username".equals(name) ? username : super.getParameter(name);
				}
			}, response);
		}
	}
}
