package cocon.deployment;

import java.time.Instant;
import java.time.LocalDate;

import cocon.shared.FrenchDates;

/** Dates as the French pages and timeline write them: {@link FrenchDates}, the one helper. */
final class Dates {

	private Dates() {
	}

	static String day(LocalDate date) {
		return FrenchDates.day(date);
	}

	static String day(Instant instant) {
		return FrenchDates.day(instant);
	}
}
