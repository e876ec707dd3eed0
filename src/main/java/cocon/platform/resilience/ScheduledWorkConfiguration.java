package cocon.platform.resilience;

import javax.sql.DataSource;

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
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledWorkConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.build());
	}
}
