package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 26 (ADR 49): a request sent with a session cookie that changes nothing in its session writes nothing to the
 * sessions' table, and its reads come from the bounded view in memory; what does change a session is written at once,
 * a sign-out ends it at once, and a session deleted from the table (another instance's sign-out) stops within the
 * cache bound.
 */
class RecentSessionsTests extends SecurityTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void requestsThatChangeNothingInTheSessionDoNotWriteIt() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		String id = Http.sessionId(session);
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
				.param(Http.sessionId(session)).query(Long.class).single()).isEqualTo(1);

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
		jdbc.sql("delete from spring_session where session_id = ?").param(Http.sessionId(session)).update();
		await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 401);
	}

	/**
	 * ADR 57: while the instance listens to the announced changes of the sessions, a session it holds stays in memory
	 * beyond the cache bound (an agent who comes back every 3 s is not read from the table each time). The row is
	 * changed here without its trigger (as no instance ever does): read from the table, the session would be expired.
	 */
	@Test
	void whileListeningASessionIsServedFromMemoryBeyondTheBound() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		// past the bound, whatever was held before: read again now that every notice of the sign-in is through
		await().pollDelay(Duration.ofMillis(2100)).atMost(Duration.ofSeconds(5))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 200);
		expireUnannounced(Http.sessionId(session));
		await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(6))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 200);
	}

	/** A change of the session's row by another instance (here: it expired) is seen at once, through its notice. */
	@Test
	void aSessionChangedInTheTableIsSeenThroughItsNotice() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		jdbc.sql("update spring_session set last_access_time = 0, max_inactive_interval = 1 where session_id = ?")
				.param(Http.sessionId(session)).update();
		await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 401);
	}

	/**
	 * When the listening connection is lost, a change may have gone unheard: what was held before is trusted within the
	 * cache bound only, and the instance listens again.
	 */
	@Test
	void whenTheListeningConnectionIsLostTheBoundAppliesAgain() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		expireUnannounced(Http.sessionId(session));
		assertThat(jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")
				.param("cocon-session-changes").query(Long.class).single()).isPositive();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
				.until(() -> http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode() == 401);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
				.until(() -> jdbc.sql("select count(*) from pg_stat_activity where application_name = ?")
						.param("cocon-session-changes").query(Long.class).single() > 0);
	}

	@Test
	void aSessionOnlyUsedHasItsLastAccessAndExpiryWrittenOnceAMinuteAndKeepsItsAttributes() throws Exception {
		var http = new Http(port);
		String session = http.signIn("agent-" + SecurityFixtures.freshSiren());
		String id = Http.sessionId(session);
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
		long attributes = attributes(id);
		// the last access stored two minutes ago (announced: the instance reads the row again)
		long before = System.currentTimeMillis() - 120_000;
		jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000"
				+ " where session_id = ?").params(before, before, id).update();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
			assertThat(lastAccess(id)).as("the last access written again").isGreaterThan(before + 60_000);
		});
		assertThat(jdbc.sql("select expiry_time - last_access_time - max_inactive_interval * 1000::bigint"
				+ " from spring_session where session_id = ?").param(id).query(Long.class).single())
				.as("the expiry follows the last access").isZero();
		assertThat(attributes(id)).as("nothing else of the session changed").isEqualTo(attributes);
		assertThat(http.get("/api/me", "Cookie", "JSESSIONID=" + session).statusCode()).isEqualTo(200);
	}

	private long attributes(String id) {
		return jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
				+ " on s.primary_id = a.session_primary_id where s.session_id = ?").param(id).query(Long.class).single();
	}

	/** Expires the session in the table without announcing it ({@code session_replication_role}: no trigger). */
	private void expireUnannounced(String id) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("update spring_session set last_access_time = 0, max_inactive_interval = 1 where session_id = ?")
					.param(id).update();
		});
	}

	private long lastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(id).query(Long.class)
				.single();
	}
}
