package cocon.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import cocon.shared.FrenchDates;

/**
 * How the governance pages write what the API gives as ISO text or binary numbers: dates and times in French and
 * Europe/Paris ({@link FrenchDates}), numbers with a decimal comma ({@link FrenchFormats}). Used from the templates as
 * {@code @governanceFormats}.
 */
@Component("governanceFormats")
class PageFormats {

	/** An ISO instant or offset date-time as a French date and time in Paris: 3 mai 2021 à 10 h 00. */
	public String dateTime(String iso) {
		if (iso == null || iso.isBlank()) {
			return "";
		}
		return FrenchDates.dateTime(OffsetDateTime.parse(iso).toInstant());
	}

	/** An ISO date as a French date: 5 juillet 2021. */
	public String day(String iso) {
		if (iso == null || iso.isBlank()) {
			return "";
		}
		return FrenchDates.day(LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso));
	}

	/** A number with one decimal at most and a French decimal comma: 86,7 or 60. */
	public String decimal(double value) {
		return FrenchFormats.decimal(value);
	}
}
