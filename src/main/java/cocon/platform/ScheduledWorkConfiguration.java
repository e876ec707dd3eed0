package cocon.platform;

import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;

/**
 * Scheduled work runs once across instances (ADR 0011): every {@code @Scheduled} method also carries ShedLock's
 * {@code @SchedulerLock}, whose lock is a row of the {@code shedlock} table (Flyway, {@code __root}). Time is the
 * database's, so that instances whose clocks differ still agree on when a lock expires. A lock left by an instance
 * that died is free again after the job's {@code lockAtMostFor} (10 minutes unless the job says otherwise); one whose
 * release failed because the database was down is released at the job's first tick after its return (ADR 0065).
 * <p>
 * While the database is down, a job cannot even take its lock: that failure is logged in one line, not as a stack
 * trace at every tick; the job runs at the next tick once the database is back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledWorkConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(ScheduledWorkConfiguration.class);

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		var lockedBy = instanceName();
		return new ReleaseRetryingLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
				.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.withLockedByValue(lockedBy)
				.build()), lockedBy, dataSource);
	}

	/**
	 * What {@code locked_by} says: the host, then what tells this instance from another on the same host (several
	 * instances per machine, containers that all run as process 1). ShedLock's default, the host alone, would let a
	 * late release by one instance free the lock another one on the same host took since (ADR 0065).
	 */
	private static String instanceName() {
		var host = Utils.getHostname();
		var instance = "#" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
		return host.substring(0, Math.min(host.length(), 200)) + instance;
	}

	/** The scheduler of virtual threads ({@code spring.threads.virtual.enabled}). */
	@Bean
	SimpleAsyncTaskSchedulerCustomizer quietWhileTheDatabaseIsDown() {
		return scheduler -> scheduler.setErrorHandler(ScheduledWorkConfiguration::handle);
	}

	/** The scheduler of platform threads, when virtual threads are off. */
	@Bean
	ThreadPoolTaskSchedulerCustomizer quietWhileTheDatabaseIsDownOnPlatformThreads() {
		return scheduler -> scheduler.setErrorHandler(ScheduledWorkConfiguration::handle);
	}

	private static void handle(Throwable failure) {
		if (DatabaseUnavailable.isCause(failure)) {
			LOG.warn("Tâche planifiée reportée, base de données injoignable : {}", failure.toString());
		}
		else {
			LOG.error("Échec d'une tâche planifiée", failure);
		}
	}
}
