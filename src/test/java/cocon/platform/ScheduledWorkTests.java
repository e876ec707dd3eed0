package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Scheduled work runs once across instances (ADR 0011): ShedLock's lock lives in the real PostgreSQL, so a run that
 * starts while another holds the lock — on this instance or on another one — does nothing.
 */
@SpringBootTest
@Import(ScheduledWorkTests.Jobs.class)
class ScheduledWorkTests {

	@Autowired
	CountingJob job;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Test
	void twoConcurrentRunsOfAJobOnOneDatabaseRunItsBodyOnce() throws Exception {
		job.reset();
		var executor = Executors.newSingleThreadExecutor();
		try {
			var first = executor.submit(() -> {
				job.run();
				return null;
			});
			assertThat(job.awaitEntered()).isTrue();

			job.run(); // the second run, while the first holds the lock: skipped, at once

			assertThat(job.runs()).isEqualTo(1);
			job.release();
			first.get(10, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
		job.run(); // the lock was released with the end of the first run: the next tick runs
		assertThat(job.runs()).isEqualTo(2);
		assertThat(new JdbcTemplate(dataSource).queryForObject(
				"select count(*) from shedlock where name = 'test-counting-job'", Integer.class)).isEqualTo(1);
	}

	@Test
	void aJobWhoseLockAnotherInstanceHoldsDoesNotRunHere() throws Exception {
		job.reset();
		job.release();
		// another instance: its own lock provider and connection pool on the same database
		var otherInstance = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
		var held = otherInstance.lock(new LockConfiguration(Instant.now(), "test-counting-job", Duration.ofMinutes(1),
				Duration.ZERO)).orElseThrow();
		try {
			job.run();
			assertThat(job.runs()).isZero();
		}
		finally {
			held.unlock();
		}
		job.run();
		assertThat(job.runs()).isEqualTo(1);
	}

	@Test
	void everyScheduledMethodOfTheApplicationRunsUnderASchedulerLock() {
		var scheduled = new ArrayList<String>();
		for (var name : context.getBeanDefinitionNames()) {
			var bean = context.getBean(name);
			var type = AopUtils.getTargetClass(bean);
			if (!type.getName().startsWith("cocon.")) {
				continue;
			}
			ReflectionUtils.doWithMethods(type, method -> {
				if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
					scheduled.add(type.getSimpleName() + "." + method.getName());
					assertThat(method.getAnnotation(SchedulerLock.class))
							.as("%s.%s runs on every instance without a @SchedulerLock", type.getSimpleName(),
									method.getName())
							.isNotNull();
					assertThat(AopUtils.isAopProxy(bean)).as("%s is proxied by ShedLock", name).isTrue();
				}
			});
		}
		assertThat(scheduled).contains("SupportsClosing.closeDueCampaigns", "SupportFeed.sweep",
				"EventResubmission.resubmitFailedPublications", "Sending.retryDueMails");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		CountingJob countingJob() {
			return new CountingJob();
		}
	}

	/**
	 * A job whose body counts its runs and, once entered, waits until the test lets it finish. ShedLock proxies it:
	 * the test reaches its state through methods, which the proxy hands on.
	 */
	static class CountingJob {

		private final AtomicInteger runs = new AtomicInteger();
		private volatile CountDownLatch entered = new CountDownLatch(1);
		private volatile CountDownLatch release = new CountDownLatch(1);

		public void reset() {
			runs.set(0);
			entered = new CountDownLatch(1);
			release = new CountDownLatch(1);
		}

		public int runs() {
			return runs.get();
		}

		public boolean awaitEntered() throws InterruptedException {
			return entered.await(10, TimeUnit.SECONDS);
		}

		public void release() {
			release.countDown();
		}

		@SchedulerLock(name = "test-counting-job", lockAtMostFor = "PT1M", lockAtLeastFor = "PT0S")
		public void run() throws InterruptedException {
			runs.incrementAndGet();
			entered.countDown();
			release.await(10, TimeUnit.SECONDS);
		}
	}
}
