package cocon.identity;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The once-a-minute write of a session's last access when nothing else of it changed ({@link RecentSessions#TOUCH}):
 * one statement, committed without waiting for the disk ({@code synchronous_commit} off for this transaction only).
 * Spring Session JDBC read the session again and wrote it with a durable commit: at 650 supports a second from 3,000
 * agents, those 50 flushes a second were the tail of the session path (issue 26, acceptance 1; ADR 57).
 * <p>
 * Why losing it is harmless: a crash can only lose a last access, never a change of the session (those are written
 * by Spring Session, durably, at once). The session then looks idle since an earlier instant, and ends earlier,
 * never later. The other instances are told by the table's trigger (V9_1_1), as for any write.
 */
final class SessionTouches {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	SessionTouches(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Writes the last access and the expiry it implies; false if the session is no longer stored. */
	boolean write(String sessionId, Instant lastAccess, Duration maxInactive) {
		Integer updated = transactions.execute(status -> {
			jdbc.sql("set local synchronous_commit to off").update();
			return jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
					.params(lastAccess.toEpochMilli(), expiry(lastAccess, maxInactive), sessionId)
					.update();
		});
		return updated != null && updated > 0;
	}

	/** As Spring Session JDBC writes it: a negative idle timeout never expires. */
	private static long expiry(Instant lastAccess, Duration maxInactive) {
		return maxInactive.isNegative() ? Long.MAX_VALUE : lastAccess.plus(maxInactive).toEpochMilli();
	}
}
