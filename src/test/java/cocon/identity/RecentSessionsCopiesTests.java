package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.MapSessionRepository;

/**
 * ADR 57: a session answered from memory keeps its security context deserialized once, not at every request; each
 * request still gets its own context (a sign-out clears its own only) and its own copy of any value it could change.
 * Spring Session's in-memory store stands for the table here: what is checked is the view in front of it.
 */
class RecentSessionsCopiesTests {

	@Test
	void eachRequestGetsItsOwnContextAndItsOwnCopyOfWhatItCouldChange() {
		var store = new MapSessionRepository(new java.util.concurrent.ConcurrentHashMap<>());
		var sessions = new RecentSessions(store, Duration.ofSeconds(30), getClass().getClassLoader(), null, null);
		var created = sessions.createSession();
		var authentication = UsernamePasswordAuthenticationToken.authenticated("agent-213105554", null,
				List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
		created.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(authentication));
		created.setAttribute("csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret"));
		var list = new ArrayList<String>(List.of("a"));
		created.setAttribute("list", list);
		sessions.save(created);
		list.add("changed after it was saved");

		var first = sessions.findById(created.getId());
		var second = sessions.findById(created.getId());
		SecurityContext firstContext = first.getAttribute("SPRING_SECURITY_CONTEXT");
		SecurityContext secondContext = second.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(firstContext).isNotSameAs(secondContext).isNotSameAs(created.getAttribute("SPRING_SECURITY_CONTEXT"));
		assertThat(firstContext.getAuthentication().getName()).isEqualTo("agent-213105554");
		// a sign-out clears the authentication of its own request's context
		firstContext.setAuthentication(null);
		assertThat(secondContext.getAuthentication()).isNotNull();
		assertThat(sessions.findById(created.getId()).<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT")
				.getAuthentication().getName()).isEqualTo("agent-213105554");

		assertThat(second.<DefaultCsrfToken>getAttribute("csrf").getToken()).isEqualTo("secret");
		List<String> firstList = first.getAttribute("list");
		assertThat(firstList).containsExactly("a");
		firstList.add("changed by a request");
		assertThat(second.<List<String>>getAttribute("list")).containsExactly("a");
	}

	/**
	 * Issue 26 (ADR 0063): Spring Session saves a session twice in a request whose answer is flushed before the end of
	 * its filter (every JSON answer of the API): once when the answer is committed, once at the end. A session whose
	 * last access came due was written twice, the second save still judging it by the last access stored before the
	 * first; a change was handed to the store twice too.
	 */
	@Test
	void aSessionSavedTwiceInOneRequestIsWrittenOnce() {
		var saves = new java.util.concurrent.atomic.AtomicInteger();
		var map = new MapSessionRepository(new java.util.concurrent.ConcurrentHashMap<>());
		var store = new org.springframework.session.SessionRepository<org.springframework.session.MapSession>() {

			@Override
			public org.springframework.session.MapSession createSession() {
				return map.createSession();
			}

			@Override
			public void save(org.springframework.session.MapSession session) {
				saves.incrementAndGet();
				map.save(session);
			}

			@Override
			public org.springframework.session.MapSession findById(String id) {
				return map.findById(id);
			}

			@Override
			public void deleteById(String id) {
				map.deleteById(id);
			}
		};
		var sessions = new RecentSessions(store, Duration.ofSeconds(30), getClass().getClassLoader(), null, null);
		var created = sessions.createSession();
		created.setAttribute("csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret"));
		sessions.save(created);
		sessions.save(created);
		assertThat(saves).as("a new session").hasValue(1);

		var due = sessions.findById(created.getId());
		due.setLastAccessedTime(due.getLastAccessedTime().plus(RecentSessions.TOUCH).plusSeconds(1));
		sessions.save(due);
		sessions.save(due);
		assertThat(saves).as("a last access come due").hasValue(2);

		var changed = sessions.findById(created.getId());
		changed.setAttribute("csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "other"));
		sessions.save(changed);
		sessions.save(changed);
		assertThat(saves).as("a change").hasValue(3);
		assertThat(sessions.findById(created.getId()).<DefaultCsrfToken>getAttribute("csrf").getToken()).isEqualTo("other");
	}
}
