package cocon.testing;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Import it ({@code @Import(TestClockConfiguration.class)}) to get a {@link MutableClock} as the application's clock.
 * Contexts that import it are cached together, so reset the clock at the start of each test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(Instant.parse("2021-01-25T09:00:00Z"));
	}
}
