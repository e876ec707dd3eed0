package cocon.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cocon.shared.Window;

/**
 * A clock that tests set and move: time-dependent rules are tested by moving this clock, never by sleeping.
 * Declare it as a {@code @TestConfiguration} bean named {@code clock} (see {@link TestClockConfiguration}).
 */
public class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	public void set(String isoOffsetDateTime) {
		this.now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
	}

	public void advance(Duration duration) {
		this.now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return Window.PARIS;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}
}
