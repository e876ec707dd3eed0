package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 26 (ADR 49): a request sent with a session cookie that changes nothing in its session writes nothing to the
 * sessions' table, and its reads come from the bounded view in memory; what does change a session is written at once,
 * a sign-out ends it at once, and a session deleted from the table (another instance's sign-out) stops within the
 * cache bound.
 */
class RecentSessionsTests extends SecurityTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsThatChangeNothingInTheSessionDoNotWriteIt() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		String id = sessionId(session);
		// the first request stamps the start of the absolute lifetime (a change, written)
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		long written = lastAccess(id);
		for (int i = 0; i < 5; i++) {
			assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		}
		assertThat(lastAccess(id)).as("the session's row was not written again").isEqualTo(written);
	}

	@Test
	void aSignOutEndsTheSessionAtOnceAndAChangeIsWrittenAtOnce() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		// a page with a form creates the session's CSRF token: a change, in the table at once
		String token = Http.csrfToken(http.get("/", "Cookie", "JSESSIONID=" + session));
		assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
				+ " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name like '%CsrfToken%'")
				.param(sessionId(session)).query(Long.class).single()).isEqualTo(1);

		var out = http.postForm("/deconnexion", "_csrf=" + token, "Cookie", "JSESSIONID=" + session);
		assertThat(out.statusCode()).isLessThan(400);
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(401);
	}

	@Test
	void aSessionDeletedFromTheTableStopsWithinTheCacheBound() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		// another instance's sign-out, or the clean-up job
		jdbc.sql("delete from spring_session where session_id = ?").param(sessionId(session)).update();
		await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 401);
	}

	private long lastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(id).query(Long.class)
				.single();
	}

	/** Spring Session's cookie holds the session id in Base64. */
	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}
}
