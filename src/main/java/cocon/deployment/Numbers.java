package cocon.deployment;

import cocon.shared.FrenchNumbers;

/** Numbers as the French pages write them (a narrow space between thousands). */
final class Numbers {

	private Numbers() {
	}

	static String french(long value) {
		return FrenchNumbers.integer(value);
	}

	/** Euros, French format: {@code 1 250 000 €}. */
	static String euros(long value) {
		return french(value) + " €";
	}
}
