package cocon.testing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches off, in every test context, the scheduled check of voting that closes the campaigns whose support window
 * is over. The Spring contexts of a test run stay alive in the context cache and share one database: a context whose
 * clock is past April 2021 (the system clock of most contexts, a test clock moved forward in others) would otherwise,
 * at its next minute, close the 2021 campaigns another test is still filling, publishing a wrong final tally. Tests
 * call the check themselves, or switch it back on for their own context (lowest precedence: any test property wins).
 * <p>
 * Likewise the resubmission of failed event publications and Spring Modulith's staleness monitor are off: in a shared
 * database, a context would deliver to its own listeners the publications another context is still delivering (the
 * contexts' clocks differ by years). The tests of that mechanism switch them on. ShedLock's minimum lock times are
 * zero, so that a test may run a job twice in a row.
 */
public class TestSchedulingDefaults implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("test-scheduling-defaults",
				Map.of("cocon.voting.close-check.cron", "-",
						"cocon.voting.close-check.lock-at-least", "PT0S",
						"cocon.voting.feed.sweep-lock-at-least", "PT0S",
						"cocon.events.resubmission.cron", "-",
						"cocon.personal-data.retention.cron", "-",
						"cocon.notifications.cron", "-",
						"cocon.events.resubmission.lock-at-least", "PT0S",
						"cocon.events.staleness.published", "0s",
						"cocon.events.staleness.processing", "0s",
						"cocon.events.staleness.resubmission", "0s")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
