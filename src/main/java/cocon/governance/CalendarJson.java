package cocon.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import cocon.shared.CampaignCalendar;
import cocon.shared.Refusal;
import cocon.shared.Window;

/**
 * The calendar as the API reads and writes it: windows as ISO offset date-times (shown in Europe/Paris time),
 * decision dates as ISO dates. Parsing reports every field at fault.
 */
record CalendarJson(WindowJson contributions, WindowJson supports, WindowJson referentApplications,
		String shortlistDecision, String fundingDecision) {

	record WindowJson(String opens, String closes) {

		static WindowJson of(Window window) {
			return new WindowJson(format(window.opens()), format(window.closes()));
		}
	}

	static CalendarJson of(CampaignCalendar calendar) {
		return new CalendarJson(WindowJson.of(calendar.contributions()), WindowJson.of(calendar.supports()),
				WindowJson.of(calendar.referentApplications()), calendar.shortlistDecision().toString(),
				calendar.fundingDecision().toString());
	}

	static String format(Instant instant) {
		return OffsetDateTime.ofInstant(instant, Window.PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * How the API reports a rule between two dates of {@link CampaignCalendar}: on the calendar as a whole, its
	 * contract since issue 3 ({@code "field": "calendar"}); the forms report it on the field at fault, as the calendar
	 * names it ({@code calendar.supports.opens}), to show it under that input.
	 */
	enum RuleErrors {
		ON_THE_CALENDAR, ON_THE_FIELD
	}

	/** The calendar, or the fields at fault collected in {@code errors} (prefixed with {@code prefix}), for the API. */
	CampaignCalendar toCalendar(String prefix, Refusal.Collector errors) {
		return toCalendar(prefix, errors, RuleErrors.ON_THE_CALENDAR);
	}

	/**
	 * The calendar, or the fields at fault collected in {@code errors} (prefixed with {@code prefix}); the ordering
	 * rules of {@link CampaignCalendar} answer with their French reason where {@code rules} says.
	 */
	CampaignCalendar toCalendar(String prefix, Refusal.Collector errors, RuleErrors rules) {
		var c = window(contributions, prefix + ".contributions", errors);
		var s = window(supports, prefix + ".supports", errors);
		var r = window(referentApplications, prefix + ".referentApplications", errors);
		var shortlist = date(shortlistDecision, prefix + ".shortlistDecision", errors);
		var funding = date(fundingDecision, prefix + ".fundingDecision", errors);
		if (c == null || s == null || r == null || shortlist == null || funding == null) {
			return null;
		}
		try {
			return new CampaignCalendar(c, s, r, shortlist, funding);
		}
		catch (Refusal.Invalid e) {
			e.errors().forEach(error -> errors.add(rules == RuleErrors.ON_THE_FIELD ? prefix + "." + error.field() : prefix,
					error.message()));
			return null;
		}
	}

	/** A campaign happens in our century: a year 1900 or 9999 is a typing error, refused rather than stored. */
	static final int FIRST_YEAR = 2000;
	static final int LAST_YEAR = 2100;
	private static final String YEARS = "La date doit tomber entre " + FIRST_YEAR + " et " + LAST_YEAR + ".";

	static boolean outOfRange(int year) {
		return year < FIRST_YEAR || year > LAST_YEAR;
	}

	private static Window window(WindowJson json, String field, Refusal.Collector errors) {
		if (json == null) {
			errors.add(field, "La période est obligatoire.");
			return null;
		}
		var opens = instant(json.opens(), field + ".opens", errors);
		var closes = instant(json.closes(), field + ".closes", errors);
		if (opens == null || closes == null) {
			return null;
		}
		try {
			return new Window(opens, closes);
		}
		catch (IllegalArgumentException e) {
			errors.add(field, e.getMessage());
			return null;
		}
	}

	private static Instant instant(String text, String field, Refusal.Collector errors) {
		var parsed = parsed(text, field, errors, OffsetDateTime::parse, OffsetDateTime::getYear,
				"La date et l'heure sont obligatoires.",
				"Date et heure invalides : attendu par exemple 2021-01-25T00:00:00+01:00.");
		return parsed == null ? null : parsed.toInstant();
	}

	private static LocalDate date(String text, String field, Refusal.Collector errors) {
		return parsed(text, field, errors, LocalDate::parse, LocalDate::getYear, "La date est obligatoire.",
				"Date invalide : attendu par exemple 2021-05-03.");
	}

	/** A date or a date and time of the body; missing, invalid or out of the years allowed, the field's error and null. */
	private static <T> T parsed(String text, String field, Refusal.Collector errors, Function<String, T> parser,
			ToIntFunction<T> year, String missing, String invalid) {
		if (text == null || text.isBlank()) {
			errors.add(field, missing);
			return null;
		}
		try {
			var parsed = parser.apply(text.strip());
			if (outOfRange(year.applyAsInt(parsed))) {
				errors.add(field, YEARS);
				return null;
			}
			return parsed;
		}
		catch (DateTimeParseException e) {
			errors.add(field, invalid);
			return null;
		}
	}
}
