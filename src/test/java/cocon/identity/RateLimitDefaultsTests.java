package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import io.github.bucket4j.TimeMeter;

/**
 * The default rate limits, as {@code application.properties} sets them, against the traffic of the supports benchmark
 * (README « Performance ») replayed on a simulated clock: 3 000 collectivités round-robin over the proposals from one
 * address at 650 supports/s for a minute, and at the 1 330/s of the capacity run, are never refused; one identity that
 * fires 200 supports in a second is.
 */
class RateLimitDefaultsTests {

	final AtomicLong nanos = new AtomicLong();

	final TimeMeter time = new TimeMeter() {
		@Override
		public long currentTimeNanos() {
			return nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}
	};

	RateLimits defaults() throws IOException {
		var environment = new StandardEnvironment();
		new PropertiesPropertySourceLoader().load("application", new ClassPathResource("application.properties"))
				.forEach(environment.getPropertySources()::addLast);
		var properties = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()),
				new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment))
				.bind("cocon.rate-limits", RateLimitProperties.class).get();
		return new RateLimits(properties, time, new StaticMessageSource());
	}

	long replay(RateLimits limits, int perSecond, int seconds, int identities) {
		long refused = 0;
		long step = 1_000_000_000L / perSecond;
		for (int i = 0; i < perSecond * seconds; i++) {
			nanos.addAndGet(step);
			if (limits.take("supports", "agent-" + (i % identities), "127.0.0.1") > 0) {
				refused++;
			}
		}
		return refused;
	}

	@Test
	void theBenchmarksLegitimateTrafficIsNeverRefused() throws IOException {
		var limits = defaults();
		assertThat(limits.enabled()).isTrue();
		assertThat(replay(limits, 650, 60, 3_000)).isZero();
		assertThat(replay(limits, 1_330, 45, 3_000)).isZero();
	}

	@Test
	void oneIdentityFiringTwoHundredSupportsInASecondIsCut() throws IOException {
		var limits = defaults();
		assertThat(replay(limits, 200, 1, 1)).isBetween(130L, 140L);
		// one a second comes back: a person clicking through the proposals never notices
		nanos.addAndGet(1_000_000_000L);
		assertThat(limits.take("supports", "agent-0", "127.0.0.1")).isZero();
	}

	@Test
	void tenWrongPasswordsBlockTheIdentityForFifteenMinutes() throws IOException {
		var limits = defaults();
		for (int i = 0; i < 10; i++) {
			assertThat(limits.signInWait("agent-x", "192.0.2.1")).isZero();
			limits.signInFailed("agent-x", "192.0.2.1");
		}
		assertThat(limits.signInWait("Agent-X ", "192.0.2.99")).isEqualTo(900);
		assertThat(limits.signInWait("agent-y", "192.0.2.1")).isZero();
		nanos.addAndGet(java.time.Duration.ofMinutes(15).toNanos());
		assertThat(limits.signInWait("agent-x", "192.0.2.1")).isZero();
	}
}
