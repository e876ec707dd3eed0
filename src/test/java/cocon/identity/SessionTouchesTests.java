package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 26 (ADR 0063): the last accesses of the sessions only used are noted by the requests and written together,
 * one statement in one transaction per flush, whatever the number of sessions and of requests: a session noted twice
 * is written once, with its latest last access and the expiry it implies; a last access is never written backwards;
 * a session no longer stored is handed back (the view in memory then forgets it). Real PostgreSQL, the sessions' own
 * table; same context as {@link DemoSignInTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionTouchesTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLastAccessesNotedAreWrittenTogetherOnceEachNeverBackwards() {
		var touches = new SessionTouches(dataSource, null);
		var notWritten = new ArrayList<String>();
		touches.notWrittenTo(notWritten::add);
		long before = System.currentTimeMillis() - 120_000;
		String first = stored(before);
		String second = stored(before);
		String gone = UUID.randomUUID().toString();
		var maxInactive = Duration.ofMinutes(30);
		Instant now = Instant.ofEpochMilli(before + 120_000);
		try {
			touches.note(first, now.minusSeconds(5), maxInactive);
			touches.note(second, now, maxInactive);
			touches.note(first, now, maxInactive);
			touches.note(first, now.minusSeconds(3), maxInactive);
			touches.note(gone, now, maxInactive);
			touches.flush();

			assertThat(notWritten).containsExactly(gone);
			for (var id : new String[] { first, second }) {
				assertThat(lastAccess(id)).isEqualTo(now.toEpochMilli());
				assertThat(jdbc.sql("select expiry_time from spring_session where session_id = ?").param(id)
						.query(Long.class).single()).isEqualTo(now.plus(maxInactive).toEpochMilli());
			}
			assertThat(jdbc.sql("select count(distinct xmin::text) from spring_session where session_id in (?, ?)")
					.params(first, second).query(Long.class).single()).as("one transaction for both").isEqualTo(1);

			notWritten.clear();
			touches.note(first, now.minusSeconds(10), maxInactive);
			touches.flush();
			assertThat(lastAccess(first)).as("never backwards").isEqualTo(now.toEpochMilli());
			assertThat(notWritten).containsExactly(first);

			notWritten.clear();
			touches.flush();
			assertThat(notWritten).as("nothing noted, nothing written").isEmpty();
		}
		finally {
			touches.close();
			jdbc.sql("delete from spring_session where session_id in (?, ?)").params(first, second).update();
		}
	}

	private String stored(long lastAccess) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				    max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 1800, ?, null)""")
				.params(UUID.randomUUID().toString(), id, lastAccess, lastAccess, lastAccess + 1_800_000).update();
		return id;
	}

	private long lastAccess(String id) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(id)
				.query(Long.class).single();
	}
}
