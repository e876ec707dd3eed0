package cocon.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Who a signed-in person is, decided again at every request rather than frozen at sign-in (ADR 0034). A session kept
 * in PostgreSQL (ADR 0023) carries the identity resolved at sign-in; this filter, after the authentication filters,
 * <ul>
 * <li>refuses an identity whose sign-in method this instance does not offer: a session opened on a demonstration
 * instance ({@code admin}/{@code demo}) is worth nothing on an instance sharing the database without the demo
 * profile — the session is ended and the request goes on anonymous;</li>
 * <li>ends a session older than its absolute lifetime ({@code cocon.sessions.absolute-timeout}, 12 h by default),
 * however active it stayed (the idle timeout, 30 min, is Spring Session's);</li>
 * <li>gives the request the roles in force now: the method's own roles (a demo persona's, agent for ProConnect) and
 * the grants in force, read from the snapshot of {@link GrantedRoles} (at most {@code cocon.cache.max-age} old, ADR
 * 0025). A revoked curator loses the role at their next request after that bound, with a session cookie as with HTTP
 * Basic. The session itself is not rewritten: the refreshed identity lives for the request only.</li>
 * </ul>
 */
class SignedInSessions extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(SignedInSessions.class);

	/** When the session was first seen signed in (epoch milliseconds), the start of its absolute lifetime. */
	static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".signedInAt";

	/** The methods of sign-in: the names of {@link SignInMethod#name()}. */
	static final String DEMO = DemoSignInConfiguration.DEMO;
	static final String PROCONNECT = "proconnect";

	private final Set<String> activeMethods;
	private final DemoPersonas personas;
	private final GrantedRoles grantedRoles;
	private final long absoluteLifetimeMillis;
	private final LongSupplier now;

	/**
	 * @param personas the demo identities, {@literal null} outside the demo profile
	 */
	SignedInSessions(Set<String> activeMethods, DemoPersonas personas, GrantedRoles grantedRoles,
			Duration absoluteLifetime, LongSupplier now) {
		this.activeMethods = Set.copyOf(activeMethods);
		this.personas = personas;
		this.grantedRoles = grantedRoles;
		this.absoluteLifetimeMillis = absoluteLifetime.toMillis();
		this.now = now;
	}

	/** The sign-in method that made the authentication, or {@literal null} for one this application never makes. */
	static String methodOf(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SignedInUser) {
			return DEMO;
		}
		if (authentication instanceof OAuth2AuthenticationToken oauth2) {
			return oauth2.getAuthorizedClientRegistrationId();
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var user = CurrentUserArgumentResolver.currentUser(authentication);
		String method = user == null ? null : methodOf(authentication);
		// an authentication that no sign-in method of Cocon makes (a test's, given to MockMvc) has no method to check
		// nor roles to read again: only what a sign-in method stored is judged here
		if (method != null) {
			if (!activeMethods.contains(method)) {
				LOG.warn("Session refusée : identité ouverte par la méthode « {} », que cette instance n'offre pas.", method);
				end(request);
			}
			else if (expired(request)) {
				end(request);
			}
			else {
				var current = current(method, user);
				if (!current.equals(user)) {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(refreshed(authentication, current));
					SecurityContextHolder.setContext(context);
				}
			}
		}
		chain.doFilter(request, response);
	}

	/** True if the signed-in session has passed its absolute lifetime; starts counting at its first request. */
	private boolean expired(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			// HTTP Basic: each request signs in, whatever session its cookie names
			return false;
		}
		long at = now.getAsLong();
		if (!(session.getAttribute(SIGNED_IN_AT) instanceof Long signedInAt)) {
			session.setAttribute(SIGNED_IN_AT, at);
			return false;
		}
		return at - signedInAt > absoluteLifetimeMillis;
	}

	private static void end(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException alreadyInvalid) {
				// nothing left to end
			}
		}
	}

	/** The identity with the roles in force now. */
	private CurrentUser current(String method, CurrentUser signedIn) {
		if (DEMO.equals(method)) {
			return Objects.requireNonNull(personas, "demo").currentUser(signedIn.username());
		}
		var roles = EnumSet.of(Role.AGENT);
		roles.addAll(grantedRoles.of(signedIn.username()));
		return roles.equals(signedIn.roles()) ? signedIn
				: new CurrentUser(signedIn.username(), signedIn.displayName(), signedIn.email(), roles,
						signedIn.organisation());
	}

	private static Authentication refreshed(Authentication authentication, CurrentUser current) {
		var authorities = SignedInUser.authorities(current);
		if (authentication instanceof OAuth2AuthenticationToken oauth2 && oauth2.getPrincipal() instanceof OidcUser principal) {
			// still an OpenID Connect user: the sign-out reads its ID token to end the session at the provider
			return new OAuth2AuthenticationToken(new RefreshedOidcUser(principal, current), authorities,
					oauth2.getAuthorizedClientRegistrationId());
		}
		var token = UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(current, null), null, authorities);
		token.setDetails(authentication.getDetails());
		return token;
	}

	/** The principal of a ProConnect sign-in, with the identity of this request. */
	private record RefreshedOidcUser(OidcUser signedIn, CurrentUser currentUser) implements OidcUser, CurrentUserPrincipal {

		@Override
		public Map<String, Object> getClaims() {
			return signedIn.getClaims();
		}

		@Override
		public OidcUserInfo getUserInfo() {
			return signedIn.getUserInfo();
		}

		@Override
		public OidcIdToken getIdToken() {
			return signedIn.getIdToken();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return signedIn.getAttributes();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return SignedInUser.authorities(currentUser);
		}

		@Override
		public String getName() {
			return signedIn.getName();
		}
	}
}
