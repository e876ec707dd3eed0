package cocon.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A way to sign in, contributed to the security filter chain by its own configuration: the demo personas (demo
 * profile) or ProConnect (when its issuer is configured). Without any, nobody can sign in.
 */
interface SignInMethod {

	/** Adds the method's filters to the chain. */
	void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception;

	/** The {@code WWW-Authenticate} challenge the API answers anonymous requests with, if the method has one. */
	default String apiChallenge() {
		return null;
	}

	/** The name of the page template fragment offered on the sign-in page. */
	String name();
}
