package cocon.deployment;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the French pages write them (a narrow space between thousands). */
final class Numbers {

	private Numbers() {
	}

	static String french(long value) {
		return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
	}

	/** Euros, French format: {@code 1 250 000 €}. */
	static String euros(long value) {
		return french(value) + " €";
	}
}
