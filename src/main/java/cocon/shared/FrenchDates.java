package cocon.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way every page, mail and message writes a date or a time (issue 25, point 7): « 1er avril 2021 »,
 * « 6 décembre 2026 », « 14 h 05 », « 6 décembre 2026 à 14 h 05 », « lundi 3 mai 2021 », in Paris time. The
 * French typographic usage: an ordinal for the first day of a month, a spaced « h » between hours and minutes.
 * In the shared kernel so that domain code (a refusal's message, a mail) and pages write alike; templates reach it
 * through the {@code @dates} bean of the web module. Null gives an empty text.
 */
public final class FrenchDates {

	private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.FRENCH);

	private FrenchDates() {
	}

	/** 6 décembre 2026, 1er avril 2021. */
	public static String day(LocalDate date) {
		if (date == null) {
			return "";
		}
		return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
	}

	/** The day of an instant in Paris. */
	public static String day(Instant instant) {
		return instant == null ? "" : day(paris(instant).toLocalDate());
	}

	/** 3 mai, 12 avr.: a chart's axis label, where a whole date would overlap its neighbours. */
	public static String axisDay(LocalDate date) {
		return date == null ? "" : date.getDayOfMonth() + " " + SHORT_MONTH.format(date);
	}

	/** lundi 3 mai 2021. */
	public static String weekday(LocalDate date) {
		return date == null ? "" : WEEKDAY.format(date) + " " + day(date);
	}

	/** lundi 3 mai 2021, in Paris. */
	public static String weekday(Instant instant) {
		return instant == null ? "" : weekday(paris(instant).toLocalDate());
	}

	/** 14 h 05, 9 h 00. */
	public static String time(LocalTime time) {
		return time == null ? "" : time.getHour() + " h " + String.format("%02d", time.getMinute());
	}

	/** The time of an instant in Paris. */
	public static String time(Instant instant) {
		return instant == null ? "" : time(paris(instant).toLocalTime());
	}

	/** 6 décembre 2026 à 14 h 05, in Paris. */
	public static String dateTime(Instant instant) {
		return instant == null ? "" : dateTime(paris(instant).toLocalDateTime());
	}

	/** 6 décembre 2026 à 14 h 05. */
	public static String dateTime(LocalDateTime at) {
		return at == null ? "" : day(at.toLocalDate()) + " à " + time(at.toLocalTime());
	}

	/** jeudi 1er avril 2021 à 0 h 00, in Paris. */
	public static String weekdayTime(Instant instant) {
		return instant == null ? "" : weekday(instant) + " à " + time(instant);
	}

	private static ZonedDateTime paris(Instant instant) {
		return instant.atZone(Window.PARIS);
	}
}
