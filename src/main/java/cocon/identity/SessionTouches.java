package cocon.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The once-a-minute write of a session's last access when nothing else of it changed ({@link RecentSessions#TOUCH}):
 * the requests only note it, and every {@link #FLUSH_EVERY} one statement writes all the last accesses noted since, in
 * one transaction committed without waiting for the disk ({@code synchronous_commit} off for it only). Spring Session
 * JDBC read the session again and wrote it with a durable commit (ADR 57); then each request that found its session
 * due wrote it in a transaction of its own: 50 a second for 3,000 agents, all due in the same minute when they signed
 * in together (issue 26, ADR 0063). Now the writes are at most one transaction per {@link #FLUSH_EVERY}, whatever the
 * number of sessions and the speed of the requests, and a session noted twice before a flush is written once.
 * <p>
 * Why losing or delaying it is harmless: a crash or a failed write can only lose a last access, never a change of the
 * session (those are written by Spring Session, durably, at once). The session then looks idle since an earlier
 * instant, to the other instances and to the clean-up job, and ends earlier, never later: at most {@code TOUCH} plus
 * {@code FLUSH_EVERY} earlier. A last access is never written backwards. The other instances are told by the table's
 * trigger (V9_1_1), as for any write. The sessions not written (no longer stored, or the write failed) are handed back
 * so that the view in memory forgets them and reads them again.
 */
final class SessionTouches implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(SessionTouches.class);

	/** How often the last accesses noted are written, at most. */
	static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

	/** A last access to write, and the expiry it implies (epoch milliseconds). */
	private record Touch(long lastAccess, long expiry) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Map<String, Touch> noted = new ConcurrentHashMap<>();
	private final ScheduledExecutorService flusher;
	private volatile Consumer<String> notWritten = id -> {
	};

	/** @param every how often to write what was noted; {@literal null}: only when {@link #flush()} is called */
	SessionTouches(DataSource dataSource, Duration every) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		if (every == null) {
			this.flusher = null;
			return;
		}
		this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
			var thread = new Thread(task, "cocon-session-touches");
			thread.setDaemon(true);
			return thread;
		});
		flusher.scheduleWithFixedDelay(this::flushQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Where the sessions whose last access could not be written are told. */
	void notWrittenTo(Consumer<String> receiver) {
		this.notWritten = receiver;
	}

	/** Notes the last access to write at the next flush; the latest of a session's wins. */
	void note(String sessionId, Instant lastAccess, Duration maxInactive) {
		var touch = new Touch(lastAccess.toEpochMilli(), expiry(lastAccess, maxInactive));
		noted.merge(sessionId, touch, (before, now) -> now.lastAccess() >= before.lastAccess() ? now : before);
	}

	/** Writes every last access noted, in one statement; the sessions not written are handed to the receiver. */
	void flush() {
		if (noted.isEmpty()) {
			return;
		}
		var ids = new ArrayList<String>();
		var lastAccesses = new ArrayList<Long>();
		var expiries = new ArrayList<Long>();
		for (var id : List.copyOf(noted.keySet())) {
			var touch = noted.remove(id);
			if (touch != null) {
				ids.add(id);
				lastAccesses.add(touch.lastAccess());
				expiries.add(touch.expiry());
			}
		}
		Set<String> written;
		try {
			written = transactions.execute(status -> {
				jdbc.execute("set local synchronous_commit to off");
				return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
					try (var statement = connection.prepareStatement("""
							update spring_session s set last_access_time = t.last_access, expiry_time = t.expiry
							from unnest(?::text[], ?::bigint[], ?::bigint[]) as t(session_id, last_access, expiry)
							where s.session_id = t.session_id::char(36) and s.last_access_time < t.last_access
							returning s.session_id""")) {
						statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
						statement.setArray(2, connection.createArrayOf("bigint", lastAccesses.toArray()));
						statement.setArray(3, connection.createArrayOf("bigint", expiries.toArray()));
						var updated = new HashSet<String>();
						try (var rows = statement.executeQuery()) {
							while (rows.next()) {
								updated.add(rows.getString(1).strip());
							}
						}
						return updated;
					}
				});
			});
		}
		catch (RuntimeException failure) {
			LOG.debug("Derniers accès de {} sessions non écrits : {}", ids.size(), failure.getMessage());
			written = Set.of();
		}
		for (var id : ids) {
			if (written == null || !written.contains(id)) {
				notWritten.accept(id);
			}
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException unexpected) {
			LOG.warn("Écriture des derniers accès aux sessions : {}", unexpected.toString());
		}
	}

	/** Writes what is still noted, then stops. */
	@Override
	public void close() {
		if (flusher != null) {
			flusher.shutdown();
			try {
				flusher.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		flushQuietly();
	}

	/** As Spring Session JDBC writes it: a negative idle timeout never expires. */
	private static long expiry(Instant lastAccess, Duration maxInactive) {
		return maxInactive.isNegative() ? Long.MAX_VALUE : lastAccess.plus(maxInactive).toEpochMilli();
	}
}
