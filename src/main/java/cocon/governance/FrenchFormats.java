package cocon.governance;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Governance's French numbers, in one place that the model and the pages share: a decimal comma, compact euros.
 * Dates and times are written by {@link cocon.shared.FrenchDates}, like everywhere else.
 */
final class FrenchFormats {

	private FrenchFormats() {
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
