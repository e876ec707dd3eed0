package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.MockMvc;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * An instance without the demo profile records the first ProConnect sign-in on its database for good, so that a
 * demonstration's reset refuses that database (ADR 0034). Same context as {@link DemoProfileOffTests}.
 */
@SpringBootTest(properties = "cocon.test.demo-profile=false")
@AutoConfigureMockMvc
class SignInHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInHistory history;

	@Test
	void aProConnectSignInIsRecordedForGoodOnTheDatabase() {
		try {
			var idToken = new OidcIdToken("jeton", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "abc"));
			var principal = new DefaultOidcUser(SignedInUser.authorities(new CurrentUser("abc", "Agent", null,
					EnumSet.of(Role.AGENT), null)), idToken);
			events.publishEvent(new AuthenticationSuccessEvent(
					new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "proconnect")));
			assertThat(history.realSignInSeen()).isTrue();
		}
		finally {
			// the shared test database serves demonstrations too
			jdbc.sql("delete from platform.sign_in_method_seen").update();
		}
	}
}
