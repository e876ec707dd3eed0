package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.Scenario;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.zaxxer.hikari.HikariDataSource;

import cocon.testing.Identities;

/**
 * An import of 1,000 contributions publishes 1,000 events, each delivered to every module that listens, each delivery
 * in its own transaction: 3,000 deliveries at once, on a pool of 20 connections. They are all delivered on the first
 * attempt, in seconds, and requests keep being answered meanwhile (ADR 0080). Without a bound on the deliveries
 * running at once, hundreds timed out waiting for a connection and stayed undelivered until the resubmission job
 * (off in the tests, a minute or two later in production), and requests answered 503.
 * <p>
 * In production (Java 21 and later) each delivery gets its own virtual thread the moment it is published, all of them
 * at once. On Java 17, which the test JVMs may run, Spring Boot's executor has 8 threads, which bounds the deliveries
 * by chance: this context gives it one thread per delivery, started beforehand, so that the deliveries start at once as
 * they do on virtual threads; and a pool of {@value #POOL} connections.
 */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=" + ContributionImportBurstTests.POOL)
@Import(ContributionImportBurstTests.AllAtOnce.class)
class ContributionImportBurstTests extends IntakeTestSupport {

	static final int ROWS = 1_000;

	static final int POOL = 4;

	@Autowired
	DataSource dataSource;

	@TestConfiguration(proxyBeanMethods = false)
	static class AllAtOnce {

		@Bean(name = "applicationTaskExecutor")
		ThreadPoolTaskExecutor applicationTaskExecutor() {
			var executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(3 * ROWS);
			executor.setPrestartAllCoreThreads(true);
			executor.setAllowCoreThreadTimeOut(true);
			executor.setKeepAliveSeconds(30);
			executor.setThreadNamePrefix("task-");
			return executor;
		}
	}

	@Test
	void everyDeliveryOfAThousandImportedContributionsSucceedsAtOnceWhileRequestsAreAnswered(Scenario scenario)
			throws Exception {
		var campaign = scheduleCampaign(scenario);
		var file = "title;need;theme;authorRole;authorFunction;siren;authorName;authorEmail;submittedAt\r\n"
				+ IntStream.range(0, ROWS)
					.mapToObj(i -> "Besoin importé n° " + i + ";Un besoin recueilli en atelier (" + i
							+ ");Mobilités;AGENT;DSI;216901231;;;")
					.collect(Collectors.joining("\r\n", "", "\r\n"));

		mvc.perform(post("/api/campaigns/{id}/contributions/import", campaign.id()).with(as(Identities.curator()))
				.contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.imported").value(ROWS));

		var pattern = "%" + campaign.id() + "%";
		long published = jdbc.sql("""
				select (select count(*) from event_publication where serialized_event like :p)
				     + (select count(*) from event_publication_archive where serialized_event like :p)""")
				.param("p", pattern).query(Long.class).single();
		assertThat(published).as("one delivery per listening module and contribution").isGreaterThanOrEqualTo(2L * ROWS);

		// while the deliveries run, they leave connections to the requests, which are answered
		var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		var mostActive = new AtomicInteger();
		var watching = new AtomicBoolean(true);
		var watcher = new Thread(() -> {
			while (watching.get()) {
				mostActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
				LockSupport.parkNanos(200_000);
			}
		});
		watcher.start();
		var answers = new ArrayList<Integer>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			answers.add(mvc.perform(get("/api/me/contributions").with(as(Identities.lyon()))).andReturn().getResponse()
					.getStatus());
			assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param(pattern)
					.query(Long.class).single()).as("deliveries not completed yet").isZero();
		});
		watching.set(false);
		watcher.join();
		assertThat(mostActive.get()).as("connections in use at most (deliveries and this test's requests)")
				.isLessThanOrEqualTo(POOL / 2 + 1);
		assertThat(answers).as("answers to the requests sent during the deliveries").isNotEmpty().containsOnly(200);
		assertThat(jdbc.sql("select count(*) from event_publication_archive where serialized_event like ?")
				.param(pattern).query(Long.class).single()).as("every delivery completed").isEqualTo(published);
	}
}
