package cocon.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in the demo profile: the system clock, except while the 2021 replay runs, when it reads
 * the instant the replay has reached. Every module takes "now" from the {@code Clock} bean, so every rule (windows,
 * decision dates) is checked at the replayed instant and every instant stored is the replayed one: a support
 * replayed on 12 April is given, checked and dated on 12 April (ADR 14). Only {@link DemoReplay} moves it, and it
 * exists only in the demo profile with {@code cocon.demo.seed} on.
 */
final class ReplayClock extends Clock {

	private final Clock system;
	private final AtomicReference<Instant> replayed;

	ReplayClock(Clock system) {
		this(system, new AtomicReference<>());
	}

	private ReplayClock(Clock system, AtomicReference<Instant> replayed) {
		this.system = system;
		this.replayed = replayed;
	}

	/** From now on the application lives at this instant (the replay moves forward only). */
	void replayAt(Instant instant) {
		replayed.set(instant);
	}

	/** Back to the system clock. */
	void release() {
		replayed.set(null);
	}

	boolean replaying() {
		return replayed.get() != null;
	}

	/** The system's instant, whatever the replay. */
	Instant systemInstant() {
		return system.instant();
	}

	@Override
	public Instant instant() {
		var at = replayed.get();
		return at != null ? at : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ReplayClock(system.withZone(zone), replayed);
	}
}
