package cocon.governance;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cocon.shared.Window;

/**
 * Every French format of governance, in one place that the model and the pages share: dates and times in
 * Europe/Paris, numbers with a decimal comma. Domain code reads it here, never from a controller.
 */
final class FrenchFormats {

	/** A day and time with its weekday, as the calendar shows it: jeudi 1 avril 2021 à 00h00. */
	private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
			Locale.FRENCH).withZone(Window.PARIS);

	/** A day with its weekday: lundi 3 mai 2021. */
	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

	/** A day and time as a decision is dated: 3 mai 2021 à 10h00. */
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
			.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(Window.PARIS);

	/** A day as a milestone is due: 5 juillet 2021. */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

	private FrenchFormats() {
	}

	/** jeudi 1 avril 2021 à 00h00, in Paris. */
	static String weekdayTime(Instant instant) {
		return WEEKDAY_TIME.format(instant);
	}

	/** lundi 3 mai 2021. */
	static String weekday(LocalDate day) {
		return day.format(WEEKDAY);
	}

	/** 3 mai 2021 à 10h00, in Paris. */
	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}

	/** 5 juillet 2021. */
	static String date(LocalDate day) {
		return day.format(DATE);
	}

	/**
	 * An amount in euros as a chart or a short sentence says it, in French: « 1,5 M€ », « 450 k€ », « 800 € » (one
	 * decimal at most, a decimal comma, a no-break space before the unit).
	 */
	static String compactEuros(long euros) {
		if (euros >= 1_000_000) {
			return decimal(Math.round(euros / 100_000.0) / 10.0) + "\u00a0M€";
		}
		if (euros >= 1_000) {
			var thousands = Math.round(euros / 100.0) / 10.0;
			return thousands >= 1000 ? "1\u00a0M€" : decimal(thousands) + "\u00a0k€";
		}
		return euros + "\u00a0€";
	}

	/** A number with one decimal at most and a decimal comma: 86,7 or 60. */
	static String decimal(double value) {
		var format = NumberFormat.getNumberInstance(Locale.FRANCE);
		format.setMaximumFractionDigits(1);
		format.setMinimumFractionDigits(0);
		return format.format(value);
	}
}
