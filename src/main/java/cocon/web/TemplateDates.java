package cocon.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import cocon.shared.FrenchDates;

/**
 * {@link FrenchDates} for the templates: {@code ${@dates.day(x)}}, {@code ${@dates.dateTime(x)}},
 * {@code ${@dates.time(x)}}, {@code ${@dates.weekday(x)}}, whichever temporal type the page holds (instants and
 * zoned values are shown in Paris time).
 */
@Component("dates")
public class TemplateDates {

	public String day(Object value) {
		if (value instanceof LocalDate date) {
			return FrenchDates.day(date);
		}
		if (value instanceof LocalDateTime at) {
			return FrenchDates.day(at.toLocalDate());
		}
		return FrenchDates.day(instant(value));
	}

	public String weekday(Object value) {
		if (value instanceof LocalDate date) {
			return FrenchDates.weekday(date);
		}
		if (value instanceof LocalDateTime at) {
			return FrenchDates.weekday(at.toLocalDate());
		}
		return FrenchDates.weekday(instant(value));
	}

	public String time(Object value) {
		if (value instanceof LocalTime time) {
			return FrenchDates.time(time);
		}
		if (value instanceof LocalDateTime at) {
			return FrenchDates.time(at.toLocalTime());
		}
		return FrenchDates.time(instant(value));
	}

	public String dateTime(Object value) {
		if (value instanceof LocalDateTime at) {
			return FrenchDates.dateTime(at);
		}
		return FrenchDates.dateTime(instant(value));
	}

	private static Instant instant(Object value) {
		if (value == null || value instanceof Instant) {
			return (Instant) value;
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		throw new IllegalArgumentException("Pas une date : " + value.getClass().getSimpleName());
	}
}
