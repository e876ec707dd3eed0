package cocon.platform;

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

/**
 * Scheduled work runs once across instances (ADR 0011): every {@code @Scheduled} method also carries ShedLock's
 * {@code @SchedulerLock}, whose lock is a row of the {@code shedlock} table (Flyway, {@code __root}). Time is the
 * database's, so that instances whose clocks differ still agree on when a lock expires. A lock left by an instance
 * that died is free again after the job's {@code lockAtMostFor} (10 minutes unless the job says otherwise).
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
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.build());
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
