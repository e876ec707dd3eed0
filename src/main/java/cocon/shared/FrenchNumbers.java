package cocon.shared;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole numbers as French writes them: « 12 345 », a narrow no-break space between thousands. */
public final class FrenchNumbers {

	private FrenchNumbers() {
	}

	public static String integer(long value) {
		return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
	}
}
