package cocon.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.bucket4j.TimeMeter;

/**
 * The time of the rate limits in the security tests: real time, plus what a test {@link #advance advances} it by,
 * so that a test sees a 15-minute window pass without waiting for it; {@link #freeze frozen} when a test counts.
 */
final class ManualTimeMeter implements TimeMeter {

	private final AtomicLong offset = new AtomicLong();
	private volatile Long frozenAt;

	@Override
	public long currentTimeNanos() {
		Long frozen = frozenAt;
		return (frozen == null ? System.nanoTime() : frozen) + offset.get();
	}

	/** Stops the clock (no refill at all) until {@link #run()}: a count does not depend on the machine's speed. */
	void freeze() {
		frozenAt = System.nanoTime();
	}

	void run() {
		frozenAt = null;
	}

	@Override
	public boolean isWallClockBased() {
		return false;
	}

	void advance(Duration duration) {
		offset.addAndGet(duration.toNanos());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		ManualTimeMeter rateLimitTime() {
			return new ManualTimeMeter();
		}
	}
}
