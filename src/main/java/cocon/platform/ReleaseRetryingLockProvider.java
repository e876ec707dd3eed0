package cocon.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * ShedLock's locks, released even when the database did not answer at the end of the job (ADR 0065). ShedLock gives
 * up a release after a few immediate attempts, all failing while the database is down, and then the row keeps the job
 * locked on every instance until its {@code lockAtMostFor} (minutes): a short outage stalled the jobs that were
 * running. Here a release that failed is kept, and done before this instance next asks for a lock of that name (the
 * job's next tick): the job runs again at its first tick after the database's return.
 * <p>
 * Taking a lock stays ShedLock's. Releasing it is done here, with the same effect as ShedLock's (the row's
 * {@code lock_until} brought back to {@code locked_at + lockAtLeastFor}, or now if that has passed, in the database's
 * time), because ShedLock's release does not always say that it failed: after ten failed commits it only logs. A late
 * release never frees a lock taken since: it touches the row only while it names this instance ({@code locked_by},
 * unique per instance, see {@link ScheduledWorkConfiguration}), and this instance takes no lock of that name before
 * the release has gone through. Once the lock's {@code lockAtMostFor} has passed, the row has expired anyway and the
 * release is dropped.
 */
final class ReleaseRetryingLockProvider implements LockProvider {

	private static final Logger LOG = LoggerFactory.getLogger(ReleaseRetryingLockProvider.class);

	private static final String RELEASE = """
			update shedlock
			set lock_until = greatest(locked_at + make_interval(secs => ?), timezone('utc', current_timestamp))
			where name = ? and locked_by = ?""";

	private final LockProvider locks;
	private final String lockedBy;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate ownTransaction;
	private final Map<String, Held> unreleased = new ConcurrentHashMap<>();

	/**
	 * @param locks ShedLock's provider, on the table {@code shedlock} in the database's time
	 * @param lockedBy the {@code locked_by} value that {@code locks} writes
	 */
	ReleaseRetryingLockProvider(LockProvider locks, String lockedBy, DataSource dataSource) {
		this.locks = locks;
		this.lockedBy = lockedBy;
		this.jdbc = new JdbcTemplate(dataSource);
		// never inside the job's own transaction, which may be rolled back: as ShedLock does
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration configuration) {
		releaseLeftOver(configuration.getName());
		return locks.lock(configuration).map(lock -> new Held(configuration.getName(), lock,
				configuration.getLockAtLeastFor(), configuration.getLockAtMostUntil()));
	}

	/**
	 * Atomic per name, so that two threads asking for the same lock cannot both release: the second one would free
	 * the lock the first has just taken. A failure (the database still down) leaves the release to the next tick and
	 * reaches the scheduler as a failed lock attempt would.
	 */
	private void releaseLeftOver(String name) {
		unreleased.computeIfPresent(name, (key, held) -> {
			if (ClockProvider.now().isAfter(held.lockedAtMostUntil)) {
				return null;
			}
			release(held);
			LOG.info("Verrou de la tâche planifiée « {} » libéré à son passage suivant", name);
			return null;
		});
	}

	private void release(Held held) {
		ownTransaction.executeWithoutResult(status -> jdbc.update(RELEASE,
				held.lockAtLeastFor.toMillis() / 1000.0, held.name, lockedBy));
	}

	private final class Held implements SimpleLock {

		private final String name;
		private final SimpleLock lock;
		private final Duration lockAtLeastFor;
		private final Instant lockedAtMostUntil;

		Held(String name, SimpleLock lock, Duration lockAtLeastFor, Instant lockedAtMostUntil) {
			this.name = name;
			this.lock = lock;
			this.lockAtLeastFor = lockAtLeastFor;
			this.lockedAtMostUntil = lockedAtMostUntil;
		}

		/**
		 * A failure is not thrown: ShedLock calls this in a {@code finally}, where it would hide the job's own
		 * failure, and the release is done later anyway.
		 */
		@Override
		public void unlock() {
			try {
				release(this);
			}
			catch (RuntimeException failure) {
				unreleased.put(name, this);
				if (DatabaseUnavailable.isCause(failure)) {
					LOG.warn("Verrou de la tâche planifiée « {} » non libéré, base de données injoignable : il le sera "
							+ "à son prochain passage ({})", name, failure.toString());
				}
				else {
					LOG.error("Verrou de la tâche planifiée « {} » non libéré : nouvel essai à son prochain passage",
							name, failure);
				}
			}
		}

		@Override
		public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
			return lock.extend(lockAtMostFor, lockAtLeastFor).map(extended -> new Held(name, extended, lockAtLeastFor,
					ClockProvider.now().plus(lockAtMostFor)));
		}
	}
}
