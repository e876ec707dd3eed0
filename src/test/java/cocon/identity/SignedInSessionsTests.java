package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * The identity a session brings, decided again at each request (ADR 0034): refused when its sign-in method is not
 * offered here (a session opened as {@code admin} on a demonstration sharing the database), ended after the absolute
 * lifetime, and given the roles in force now. The filter's place in the chain is proven over HTTP by
 * {@code SignedInSessionTests}.
 */
class SignedInSessionsTests {

	private static final CurrentUser ADMIN = new CurrentUser("admin", "Administratrice démo", "admin@demo.cocon.fr",
			EnumSet.of(Role.ADMINISTRATOR), null);

	private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private static void signedIn(CurrentUser user) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated(new SignedInUser(user, null), null, SignedInUser.authorities(user)));
	}

	private MockHttpSession pass(SignedInSessions filter, MockHttpSession session) throws Exception {
		var request = new MockHttpServletRequest("GET", "/api/admin/roles");
		request.setSession(session);
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return session;
	}

	@Test
	void aDemoSessionIsRefusedAndEndedByAnInstanceWithoutTheDemo() throws Exception {
		var filter = new SignedInSessions(Set.of("proconnect"), null, username -> Set.of(), Duration.ofHours(12), now::get);
		signedIn(ADMIN);
		var session = pass(filter, new MockHttpSession());
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aSessionPastItsAbsoluteLifetimeIsEndedHoweverActive() throws Exception {
		var personas = new DemoPersonas(null, username -> Set.of(), new IdentityChanges(Duration.ofSeconds(2)));
		var filter = new SignedInSessions(Set.of("demo"), personas, username -> Set.of(), Duration.ofHours(12), now::get);
		var session = new MockHttpSession();
		signedIn(ADMIN);
		pass(filter, session);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
		now.addAndGet(Duration.ofHours(11).toMillis());
		pass(filter, session);
		assertThat(session.isInvalid()).isFalse();
		now.addAndGet(Duration.ofHours(1).plusSeconds(1).toMillis());
		pass(filter, session);
		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}
}
