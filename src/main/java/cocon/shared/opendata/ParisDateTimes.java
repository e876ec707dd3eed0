package cocon.shared.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;

/**
 * An instant as the datasets write it, ISO 8601 to the second with the Europe/Paris offset: the text of
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, written directly for the years 1000 to 9999 (2.3 million dates in
 * {@code soutiens}: the formatter's generic steps were a fifth of the CSV's time), by the formatter otherwise.
 */
final class ParisDateTimes {

	private ParisDateTimes() {
	}

	static String iso(Instant instant) {
		var offset = offset(instant.getEpochSecond());
		long local = instant.getEpochSecond() + offset.getTotalSeconds();
		long day = Math.floorDiv(local, 86_400);
		int second = (int) Math.floorMod(local, 86_400);
		var date = LocalDate.ofEpochDay(day);
		if (date.getYear() < 1000 || date.getYear() > 9999 || offset.getTotalSeconds() % 60 != 0
				|| offset.getTotalSeconds() == 0) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(PARIS));
		}
		// what ISO_OFFSET_DATE_TIME writes for such a date, without its formatter's generic steps (a fifth of the
		// CSV's time on 2.3 million rows)
		var text = new char[25];
		digits(text, 0, date.getYear(), 4);
		text[4] = '-';
		digits(text, 5, date.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, second / 3600, 2);
		text[13] = ':';
		digits(text, 14, second / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, second % 60, 2);
		int minutes = offset.getTotalSeconds() / 60;
		text[19] = minutes < 0 ? '-' : '+';
		digits(text, 20, Math.abs(minutes) / 60, 2);
		text[22] = ':';
		digits(text, 23, Math.abs(minutes) % 60, 2);
		return new String(text);
	}

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final ZoneRules PARIS_RULES = PARIS.getRules();

	/** The offset in force from {@code from} (included) to {@code until} (excluded), in seconds since the epoch. */
	private record Window(long from, long until, ZoneOffset offset) {
	}

	private static volatile Window last = new Window(0, 0, ZoneOffset.UTC);

	/**
	 * The offset of Paris at this second, from the period between two changes of time last looked up: the rules'
	 * lookup (a map of the years after 1996, boxed) was three quarters of the CSV's writing.
	 */
	private static ZoneOffset offset(long second) {
		var window = last;
		if (second >= window.from() && second < window.until()) {
			return window.offset();
		}
		var at = Instant.ofEpochSecond(second);
		var previous = PARIS_RULES.previousTransition(at.plusSeconds(1)); // the last change at or before this second
		var next = PARIS_RULES.nextTransition(at); // the first change after it
		var offset = PARIS_RULES.getOffset(at);
		last = new Window(previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
				next == null ? Long.MAX_VALUE : next.toEpochSecond(), offset);
		return offset;
	}

	private static void digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}
}
