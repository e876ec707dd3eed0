package cocon.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.bucket4j.TimeMeter;

/**
 * The time of the rate limits in the security tests: real time, plus what a test {@link #advance advances} it by,
 * so that a test sees a 15-minute window pass without waiting for it.
 */
final class ManualTimeMeter implements TimeMeter {

	private final AtomicLong offset = new AtomicLong();

	@Override
	public long currentTimeNanos() {
		return System.nanoTime() + offset.get();
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
