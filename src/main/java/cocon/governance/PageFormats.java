package cocon.governance;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cocon.shared.Window;

/**
 * How the governance pages write what the API gives as ISO text or binary numbers: dates and times in French,
 * Europe/Paris, numbers with a decimal comma. Used from the templates as {@code @governanceFormats}.
 */
@Component("governanceFormats")
class PageFormats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
			.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(Window.PARIS);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

	/** An ISO instant or offset date-time as a French date and time in Paris: 3 mai 2021 à 10h00. */
	public String dateTime(String iso) {
		if (iso == null || iso.isBlank()) {
			return "";
		}
		return DATE_TIME.format(OffsetDateTime.parse(iso).toInstant());
	}

	/** An ISO date as a French date: 5 juillet 2021. */
	public String day(String iso) {
		if (iso == null || iso.isBlank()) {
			return "";
		}
		return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).format(DAY);
	}

	/** A number with one decimal at most and a French decimal comma: 86,7 or 60. */
	public String decimal(double value) {
		var format = NumberFormat.getNumberInstance(Locale.FRANCE);
		format.setMaximumFractionDigits(1);
		format.setMinimumFractionDigits(0);
		return format.format(value);
	}
}
