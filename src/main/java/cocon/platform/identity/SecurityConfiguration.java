package cocon.platform.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security. Reads are public unless a handler needs the signed-in user; roles are checked on the handlers
 * ({@code @PreAuthorize}). The API is stateless-friendly (HTTP Basic in the demo profile, no CSRF token on
 * {@code /api/**}); browser forms carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
				.httpBasic(basic -> basic.realmName("Cocon"))
				.formLogin(form -> form.loginPage("/connexion").permitAll())
				.logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/"));
		return http.build();
	}
}
