package cocon.demo;

import java.time.Clock;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in the demo profile: the system clock, except while the 2021 replay runs, when it reads
 * the instant the replay has reached. Every module takes "now" from the {@code Clock} bean, so every rule (windows,
 * decision dates) is checked at the replayed instant and every instant stored is the replayed one: a support
 * replayed on 12 April is given, checked and dated on 12 April (ADR 14). Only {@link DemoReplay} moves it, and it
 * exists only in the demo profile with {@code cocon.demo.seed} on.
 * <p>
 * Steps that the story allows in parallel (the contributions, the supports: issue 26) are sent together, each at its
 * own instant: the request then carries its instant ({@link ReplayInstantFilter}) and this clock reads it on the
 * thread that serves the request, before the instant the replay has reached.
 */
final class ReplayClock extends Clock {

	private final Clock system;
	private final AtomicReference<Instant> replayed;
	private final ThreadLocal<Instant> ofRequest;
	/** Known to this JVM only: a request says its instant with it, and only while the replay runs. */
	private final String secret;

	ReplayClock(Clock system) {
		this(system, new AtomicReference<>(), new ThreadLocal<>(), UUID.randomUUID().toString());
	}

	private ReplayClock(Clock system, AtomicReference<Instant> replayed, ThreadLocal<Instant> ofRequest, String secret) {
		this.system = system;
		this.replayed = replayed;
		this.ofRequest = ofRequest;
		this.secret = secret;
	}

	String secret() {
		return secret;
	}

	/** Whether a request may set its own instant: the replay runs and the request knows the secret. */
	boolean accepts(String token) {
		return replaying() && token != null
				&& MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
	}

	/** The serving of one replayed request at this instant, on this thread only, until the scope is closed. */
	Scope servingAt(Instant instant) {
		var before = ofRequest.get();
		ofRequest.set(instant);
		return () -> {
			if (before == null) {
				ofRequest.remove();
			}
			else {
				ofRequest.set(before);
			}
		};
	}

	/** A scope that closes without a checked exception. */
	interface Scope extends AutoCloseable {
		@Override
		void close();
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
		var own = ofRequest.get();
		if (own != null) {
			return own;
		}
		var at = replayed.get();
		return at != null ? at : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ReplayClock(system.withZone(zone), replayed, ofRequest, secret);
	}
}
