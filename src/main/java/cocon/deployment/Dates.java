package cocon.deployment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cocon.shared.Window;

/** Dates as the French pages and timeline write them. */
final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private Dates() {
	}

	static String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	static String day(Instant instant) {
		return instant == null ? "" : DAY.format(instant.atZone(Window.PARIS));
	}
}
