package cocon.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import cocon.shared.FrenchDates;
import cocon.shared.Window;

/**
 * {@link FrenchDates} for the templates: {@code ${@dates.day(x)}}, {@code ${@dates.dateTime(x)}},
 * {@code ${@dates.time(x)}}, {@code ${@dates.weekday(x)}}, whichever temporal type the page holds (instants and
 * zoned values are shown in Paris time).
 */
@Component("dates")
public class TemplateDates {

	public String day(Object value) {
		return FrenchDates.day(localDate(value));
	}

	public String weekday(Object value) {
		return FrenchDates.weekday(localDate(value));
	}

	public String time(Object value) {
		return FrenchDates.time(localTime(value));
	}

	public String dateTime(Object value) {
		return FrenchDates.dateTime(inParis(value));
	}

	private static LocalDate localDate(Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		var at = inParis(value);
		return at == null ? null : at.toLocalDate();
	}

	private static LocalTime localTime(Object value) {
		if (value instanceof LocalTime time) {
			return time;
		}
		var at = inParis(value);
		return at == null ? null : at.toLocalTime();
	}

	/** A date and time as read in Paris: instants and zoned values are converted, local ones taken as they are. */
	private static LocalDateTime inParis(Object value) {
		if (value == null || value instanceof LocalDateTime) {
			return (LocalDateTime) value;
		}
		if (value instanceof Instant instant) {
			return instant.atZone(Window.PARIS).toLocalDateTime();
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(Window.PARIS).toLocalDateTime();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(Window.PARIS).toLocalDateTime();
		}
		throw new IllegalArgumentException("Pas une date : " + value.getClass().getSimpleName());
	}
}
