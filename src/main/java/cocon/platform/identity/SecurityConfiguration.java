package cocon.platform.identity;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cocon.platform.web.ApiAccessDeniedHandler;
import cocon.platform.web.ApiAuthenticationEntryPoint;
import jakarta.servlet.DispatcherType;

/**
 * Web security. Reads are public unless a handler needs the signed-in user; roles are checked on the handlers
 * ({@code @PreAuthorize}). The sign-in methods are contributed by their own configurations ({@link SignInMethod}):
 * the demo personas in the {@code demo} profile only, ProConnect when configured. The API answers problem details
 * (401 with the challenge of the sign-in method, 403) and ignores CSRF; pages send an anonymous visitor to the
 * sign-in page and their forms carry a CSRF token. Operations endpoints other than health and info are for
 * administrators.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String REALM = "Cocon";
	static final String SIGN_IN_PAGE = "/connexion";
	static final String SIGN_OUT = "/deconnexion";

	static final RequestMatcher API = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/actuator/**"));

	@Bean
	ApiAuthenticationEntryPoint apiAuthenticationEntryPoint(MessageSource messages, ObjectProvider<SignInMethod> methods) {
		String challenge = methods.orderedStream().map(SignInMethod::apiChallenge).filter(Objects::nonNull)
				.findFirst().orElse(null);
		return new ApiAuthenticationEntryPoint(messages, challenge);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SignInMethod> signInMethods,
			ApiAuthenticationEntryPoint apiEntryPoint, MessageSource messages) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
						.requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
						.anyRequest().permitAll())
				.csrf(csrf -> csrf.ignoringRequestMatchers(API))
				.exceptionHandling(exceptions -> exceptions
						.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
								AnyRequestMatcher.INSTANCE)
						.defaultAccessDeniedHandlerFor(new ApiAccessDeniedHandler(messages), API)
						.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
				.logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl("/").permitAll());
		List<SignInMethod> methods = signInMethods.orderedStream().toList();
		for (SignInMethod method : methods) {
			method.configure(http, apiEntryPoint);
		}
		return http.build();
	}
}
