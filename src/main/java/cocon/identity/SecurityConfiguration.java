package cocon.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import cocon.web.ApiAccessDeniedHandler;
import cocon.web.ApiAuthenticationEntryPoint;
import cocon.web.Problems;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.DispatcherType;

/**
 * Web security. Reads are public unless a handler needs the signed-in user; roles are checked on the handlers
 * ({@code @PreAuthorize}, committee membership, authorship), after a few rules by URL: every write needs an identity,
 * the staff areas their role. {@code docs/autorisations.csv} says who gets what, and a test holds it. The sign-in methods are contributed by their own configurations ({@link SignInMethod}):
 * the demo personas in the {@code demo} profile only, ProConnect when configured. The API answers problem details
 * (401 with the challenge of the sign-in method, 403) and ignores CSRF; pages send an anonymous visitor to the
 * sign-in page and their forms carry a CSRF token. Operations endpoints other than health and info are for
 * administrators.
 * <p>
 * Every answer carries a Content-Security-Policy without {@code unsafe-inline} (pages load only their own scripts and
 * style sheets), Referrer-Policy and Permissions-Policy, and HSTS when the request came over TLS (also behind a proxy
 * that says so with {@code X-Forwarded-Proto}, {@code server.forward-headers-strategy=native}). The session id changes
 * at sign-in and the session ends at sign-out. Wrong passwords are rate-limited ({@link SignInThrottle}). ADR 0012.
 * Only a page is kept for after the sign-in ({@link PagesRequestCache}): an anonymous API request opens no session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(RateLimitProperties.class)
class SecurityConfiguration {

	static final String SESSION_COOKIE = "JSESSIONID";

	/** How long a signed-in session lasts at most, however active ({@code COCON_SESSION_ABSOLUTE_TIMEOUT}). */
	static final String ABSOLUTE_TIMEOUT = "cocon.sessions.absolute-timeout";

	/** The policy of every answer; {@code form-action} also lets the sign-out reach ProConnect's end of session. */
	static String contentSecurityPolicy(Environment environment) {
		String formAction = "'self'";
		String issuer = environment.getProperty(ProConnectConfiguration.ISSUER);
		if (issuer != null && !issuer.isBlank()) {
			var uri = URI.create(issuer.strip());
			formAction += " " + uri.getScheme() + "://" + uri.getRawAuthority();
		}
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction
				+ "; frame-ancestors 'none'";
	}

	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	/**
	 * No Micrometer observation of the filter chain, the authentications or the authorizations (ADR 0026). With
	 * {@code management.observations.enable.spring.security=false} alone the observations are no-ops, but Spring
	 * Security still wraps each of its filters in an observing decorator and builds an observation context per
	 * filter and per request: 7 % of the server's CPU per support under the benchmark. The HTTP server observation
	 * ({@code http.server.requests}) is kept.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's firewall, refusing the same headers as by default (400), without a regular expression per
	 * header read ({@link HeaderCharacters}, ADR 0067).
	 */
	@Bean
	static StrictHttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	static final String REQUEST_REFUSED = "La requête contient un caractère refusé (un caractère de contrôle ou non "
			+ "défini dans un en-tête, un paramètre ou l'adresse) : corrigez-la puis réessayez.";

	/**
	 * A request the firewall refuses is answered 400 as by default, with a French problem detail in the API (the
	 * error page would read the same refused request again and answer an empty 400).
	 */
	@Bean
	static RequestRejectedHandler requestRejectedHandler(MessageSource messages) {
		var otherwise = new HttpStatusRequestRejectedHandler();
		return (request, response, rejected) -> {
			if (Problems.isApi(request) && !response.isCommitted()) {
				Problems.write(response, Problems.problem(messages, HttpStatus.BAD_REQUEST, REQUEST_REFUSED, request));
				return;
			}
			otherwise.handle(request, response, rejected);
		};
	}

	/**
	 * The {@code @PreAuthorize} rules ({@code hasRole('AGENT')}…) compiled to bytecode once evaluated often enough,
	 * instead of interpreted by reflection at each call (2.8 % of the CPU of a support, ADR 0063); an expression that
	 * does not compile stays interpreted ({@code MIXED}).
	 */
	@Bean
	static MethodSecurityExpressionHandler methodSecurityExpressionHandler(ApplicationContext context) {
		var handler = new DefaultMethodSecurityExpressionHandler();
		handler.setApplicationContext(context);
		handler.setExpressionParser(new SpelExpressionParser(
				new SpelParserConfiguration(SpelCompilerMode.MIXED, SecurityConfiguration.class.getClassLoader())));
		return handler;
	}

	/** A success of HTTP Basic is announced once per identity and minute, not at every request (ADR 0063). */
	@Bean
	SignInAnnouncements authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new SignInAnnouncements(publisher, System::nanoTime);
	}

	@Bean
	RateLimits rateLimits(RateLimitProperties properties, ObjectProvider<TimeMeter> time, MessageSource messages) {
		return new RateLimits(properties, time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME), messages);
	}

	/** Every wrong password (form or HTTP Basic) counts against the identity tried and the address. */
	@Bean
	SignInFailures signInFailures(RateLimits limits) {
		return new SignInFailures(limits);
	}

	static class SignInFailures {

		private final RateLimits limits;

		SignInFailures(RateLimits limits) {
			this.limits = limits;
		}

		@EventListener
		void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
			limits.signInFailed(event.getAuthentication().getName(),
					event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
							? details.getRemoteAddress() : null);
		}
	}

	static final String REALM = "Cocon";
	static final String SIGN_IN_PAGE = "/connexion";
	static final String SIGN_OUT = "/deconnexion";

	static final RequestMatcher API = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/actuator/**"));

	/**
	 * API requests that no browser sends on its own with the session cookie: those with credentials of their own
	 * ({@code Authorization}, HTTP Basic of the demo), and those without a session, which nothing authenticates but
	 * their credentials. Only these go without a CSRF token (ADR 0035).
	 */
	static final RequestMatcher API_WITHOUT_SESSION_COOKIE = request -> API.matches(request)
			&& (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null);

	/**
	 * The one-click unsubscribe of every mail (RFC 8058, ADR 41): a mail client posts it with no page and no session;
	 * the secret token of the link is its only credential, and it can only turn mails off.
	 */
	static final RequestMatcher ONE_CLICK_UNSUBSCRIBE = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
			"/notifications/desabonnement/*");

	static final String CSRF_REFUSED = "Le jeton CSRF manque ou n'est plus valable : une écriture authentifiée par le "
			+ "cookie de session envoie le jeton de la page dans l'en-tête X-CSRF-TOKEN (ou le champ _csrf). Rechargez la "
			+ "page et réessayez.";

	/** The refusal of a missing or wrong CSRF token says so, in French; other refusals are the API's 403. */
	static AccessDeniedHandler csrfExplained(AccessDeniedHandler otherwise, MessageSource messages) {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException) {
				Problems.write(response, Problems.problem(messages, HttpStatus.FORBIDDEN, CSRF_REFUSED, request));
				return;
			}
			otherwise.handle(request, response, denied);
		};
	}

	@Bean
	ApiAuthenticationEntryPoint apiAuthenticationEntryPoint(MessageSource messages, ObjectProvider<SignInMethod> methods) {
		String challenge = methods.orderedStream().map(SignInMethod::apiChallenge).filter(Objects::nonNull)
				.findFirst().orElse(null);
		return new ApiAuthenticationEntryPoint(messages, challenge);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<SignInMethod> signInMethods,
			ApiAuthenticationEntryPoint apiEntryPoint, MessageSource messages, Environment environment,
			RateLimits rateLimits, ObjectProvider<DemoPersonas> demoPersonas, GrantedRoles grantedRoles) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
						.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
						.requestMatchers("/actuator/**").hasRole("ADMINISTRATOR")
						// Defence in depth before the handlers' own checks, and the answer of a role check before the
						// answer of a validation: staff areas by their prefix, and no write without an identity
						.requestMatchers("/admin/courriels").hasAnyRole("ADMINISTRATOR", "CURATOR")
						.requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMINISTRATOR")
						.requestMatchers("/curation/**").hasRole("CURATOR")
						.requestMatchers(SIGN_IN_PAGE, SIGN_OUT).permitAll()
						.requestMatchers(ONE_CLICK_UNSUBSCRIBE).permitAll()
						// the news by e-mail for anyone, without an account (issue 24, ADR 51): CSRF kept, rate-limited
						.requestMatchers(HttpMethod.POST, "/abonnements", "/abonnements/confirmation/*").permitAll()
						.requestMatchers(HttpMethod.GET, "/**").permitAll()
						.requestMatchers(HttpMethod.HEAD, "/**").permitAll()
						.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
						.anyRequest().authenticated())
				// a write authenticated by the session cookie carries the token, in the API too (ADR 0035)
				.csrf(csrf -> csrf.ignoringRequestMatchers(API_WITHOUT_SESSION_COOKIE, ONE_CLICK_UNSUBSCRIBE))
				.exceptionHandling(exceptions -> exceptions
						.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
								AnyRequestMatcher.INSTANCE)
						.defaultAccessDeniedHandlerFor(csrfExplained(new ApiAccessDeniedHandler(messages), messages), API)
						.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(environment)))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
						.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
						// sent only on requests that came over TLS (isSecure, forwarded headers honoured)
						.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
				.requestCache(cache -> cache.requestCache(PagesRequestCache.of(API)))
				.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
				.logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl("/")
						.invalidateHttpSession(true).clearAuthentication(true).deleteCookies(SESSION_COOKIE).permitAll())
				.addFilterBefore(new SignInThrottle(rateLimits), UsernamePasswordAuthenticationFilter.class);
		List<SignInMethod> methods = signInMethods.orderedStream().toList();
		for (SignInMethod method : methods) {
			method.configure(http, apiEntryPoint);
		}
		// after every way to sign in, before the anonymous identity and the authorizations (ADR 0034)
		http.addFilterBefore(new SignedInSessions(methods.stream().map(SignInMethod::name).collect(Collectors.toSet()),
				demoPersonas.getIfAvailable(), grantedRoles,
				environment.getProperty(ABSOLUTE_TIMEOUT, Duration.class, Duration.ofHours(12)), System::currentTimeMillis),
				AnonymousAuthenticationFilter.class);
		return http.build();
	}
}
