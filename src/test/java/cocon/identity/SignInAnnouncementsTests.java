package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 26 (ADR 0063): HTTP Basic signs in on every request, but its success is announced to the listeners (who act
 * once per person and per method) once per identity and minute; every failure is announced, each wrong password
 * counting against its limits. Same context as {@link DemoSignInTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class SignInAnnouncementsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Test
	void httpBasicAnnouncesASuccessOncePerIdentityAndEveryFailure() throws Exception {
		String agent = "agent-" + freshSiren();
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/me").with(httpBasic(agent, "demo"))).andExpect(status().isOk());
		}
		for (int i = 0; i < 2; i++) {
			mvc.perform(get("/api/me").with(httpBasic(agent, "faux"))).andExpect(status().isUnauthorized());
		}
		assertThat(events.stream(AuthenticationSuccessEvent.class)
				.filter(event -> event.getAuthentication().getName().equals(agent))).hasSize(1);
		assertThat(events.stream(AuthenticationFailureBadCredentialsEvent.class)
				.filter(event -> event.getAuthentication().getName().equals(agent))).hasSize(2);
	}

	@Test
	void aSuccessIsAnnouncedAgainAfterAMinuteAndOtherIdentitiesAtOnce() {
		var published = new ArrayList<Object>();
		var now = new AtomicLong();
		var announcements = new SignInAnnouncements(published::add, now::get);
		var lyon = UsernamePasswordAuthenticationToken.authenticated("agent-216901231", null, List.of());
		var paris = UsernamePasswordAuthenticationToken.authenticated("agent-217500016", null, List.of());

		announcements.publishAuthenticationSuccess(lyon);
		now.addAndGet(Duration.ofSeconds(59).toNanos());
		announcements.publishAuthenticationSuccess(lyon);
		announcements.publishAuthenticationSuccess(paris);
		announcements.publishAuthenticationFailure(new BadCredentialsException("faux"), lyon);
		announcements.publishAuthenticationFailure(new BadCredentialsException("faux"), lyon);
		now.addAndGet(Duration.ofSeconds(2).toNanos());
		announcements.publishAuthenticationSuccess(lyon);

		assertThat(published).map(event -> event.getClass().getSimpleName() + " "
				+ ((AbstractAuthenticationEvent) event).getAuthentication().getName()).containsExactly(
						"AuthenticationSuccessEvent agent-216901231", "AuthenticationSuccessEvent agent-217500016",
						"AuthenticationFailureBadCredentialsEvent agent-216901231",
						"AuthenticationFailureBadCredentialsEvent agent-216901231",
						"AuthenticationSuccessEvent agent-216901231");
	}

	/** A valid SIREN no collectivité of the directory has (none starts with 9): announced nowhere before. */
	private static String freshSiren() {
		while (true) {
			String prefix = "9" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
			for (int check = 0; check < 10; check++) {
				if (cocon.shared.Siren.isValid(prefix + check)) {
					return prefix + check;
				}
			}
		}
	}
}
