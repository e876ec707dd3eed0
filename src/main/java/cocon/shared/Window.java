package cocon.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A non-empty time window, open from {@code opens} (inclusive) to {@code closes} (inclusive), read and shown
 * in Europe/Paris time.
 */
@ValueObject
public record Window(Instant opens, Instant closes) {

	/** The time zone in which every calendar of the consultation is set. */
	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	public Window {
		if (opens == null || closes == null) {
			throw new IllegalArgumentException("Une période doit avoir une date d'ouverture et une date de clôture.");
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("Une période doit se clore après son ouverture.");
		}
	}

	public static Window of(OffsetDateTime opens, OffsetDateTime closes) {
		if (opens == null || closes == null) {
			throw new IllegalArgumentException("Une période doit avoir une date d'ouverture et une date de clôture.");
		}
		return new Window(opens.toInstant(), closes.toInstant());
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(opens) && !instant.isAfter(closes);
	}

	public boolean isOpen(Clock clock) {
		return contains(clock.instant());
	}

	public boolean isOver(Instant instant) {
		return instant.isAfter(closes);
	}

	public boolean isAhead(Instant instant) {
		return instant.isBefore(opens);
	}

	/** Whether this window ends before the other one begins. */
	public boolean isBefore(Window other) {
		return closes.isBefore(other.opens);
	}

	public ZonedDateTime opensInParis() {
		return opens.atZone(PARIS);
	}

	public ZonedDateTime closesInParis() {
		return closes.atZone(PARIS);
	}
}
