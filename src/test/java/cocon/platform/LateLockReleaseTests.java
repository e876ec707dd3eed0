package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * A ShedLock lock whose release failed is released at the next lock attempt of its name on that instance, never
 * freeing a lock another instance took since (ADR 0065). The release fails for real: the test holds the
 * {@code shedlock} table while this instance's connections give up waiting for it ({@code lock_timeout}); the outage
 * itself is {@code DatabaseOutageTests}'. « Another instance » is ShedLock's provider as configured before, on the same
 * host.
 */
@SpringBootTest
class LateLockReleaseTests {

	@Autowired
	DataSource dataSource;

	private HikariDataSource impatient;

	private final String name = "test-late-release-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void dropTheRowAndThePool() {
		new JdbcTemplate(dataSource).update("delete from shedlock where name = ?", name);
		if (impatient != null) {
			impatient.close();
		}
	}

	@Test
	void aReleaseThatFailedIsDoneAtTheNextAttemptOfThatLockHere() {
		var here = thisInstance();
		var other = anotherInstance();
		var first = here.lock(config()).orElseThrow();

		releaseWhileTheTableIsHeld(first);
		assertThat(other.lock(config())).as("le verrou non libéré reste tenu").isEmpty();

		// the job's next tick here: the release is done first, then the lock is taken as usual
		var second = here.lock(config());
		assertThat(second).as("verrou repris par cette instance à son passage suivant").isPresent();
		assertThat(other.lock(config())).isEmpty();
		second.get().unlock();
		var others = other.lock(config());
		assertThat(others).as("libéré normalement ensuite").isPresent();
		others.get().unlock();
	}

	@Test
	void aLateReleaseNeverFreesALockAnotherInstanceTookSince() {
		var here = thisInstance();
		var other = anotherInstance();
		var first = here.lock(config()).orElseThrow();
		releaseWhileTheTableIsHeld(first);

		// the lock expires in the database's time (its lockAtMostFor, or clocks apart) and another instance takes it
		var jdbc = new JdbcTemplate(dataSource);
		jdbc.update("update shedlock set lock_until = timezone('utc', current_timestamp) where name = ?", name);
		var others = other.lock(config()).orElseThrow();
		var heldUntil = lockUntil();

		assertThat(here.lock(config())).as("pris par l'autre instance : rien pour celle-ci").isEmpty();
		assertThat(lockUntil()).as("le verrou de l'autre instance n'est pas libéré").isEqualTo(heldUntil)
				.isAfter(jdbc.queryForObject("select timezone('utc', current_timestamp)", Timestamp.class));
		others.unlock();
	}

	@Test
	void aReleaseKeepsTheLockUntilItsMinimumAsShedLocksDoes() {
		var here = thisInstance();
		var other = anotherInstance();
		here.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ofMinutes(1)))
				.orElseThrow().unlock();

		assertThat(new JdbcTemplate(dataSource).queryForObject(
				"select extract(epoch from lock_until - locked_at) from shedlock where name = ?", Double.class, name))
				.as("libéré à locked_at + lockAtLeastFor").isEqualTo(60.0);
		assertThat(other.lock(config())).isEmpty();
	}

	private LockConfiguration config() {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
	}

	/** This instance's provider, on connections that wait at most 300 ms for a lock. */
	private LockProvider thisInstance() {
		var hikari = (HikariDataSource) dataSource;
		impatient = new HikariDataSource();
		impatient.setJdbcUrl(hikari.getJdbcUrl());
		impatient.setUsername(hikari.getUsername());
		impatient.setPassword(hikari.getPassword());
		impatient.setMaximumPoolSize(2);
		impatient.setConnectionInitSql("set lock_timeout = '300ms'");
		return new ScheduledWorkConfiguration().lockProvider(impatient);
	}

	private LockProvider anotherInstance() {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
	}

	/** The release at the end of the job, while the table is held: it fails, quietly, and the row stays locked. */
	private void releaseWhileTheTableIsHeld(SimpleLock lock) {
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
			new JdbcTemplate(dataSource).execute("lock table shedlock in exclusive mode");
			lock.unlock();
		});
	}

	private Timestamp lockUntil() {
		return new JdbcTemplate(dataSource).queryForObject("select lock_until from shedlock where name = ?",
				Timestamp.class, name);
	}
}
