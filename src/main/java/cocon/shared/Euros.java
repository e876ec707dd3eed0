package cocon.shared;


import org.jmolecules.ddd.annotation.ValueObject;

/**
 * An amount of money in whole euros, never negative (envelopes and budgets of public funding).
 *
 * @param amount the number of euros
 */
@ValueObject
public record Euros(long amount) implements Comparable<Euros> {

	public static final Euros ZERO = new Euros(0);

	public Euros {
		if (amount < 0) {
			throw new IllegalArgumentException("Un montant en euros ne peut pas être négatif.");
		}
	}

	public static Euros of(long amount) {
		return new Euros(amount);
	}

	public Euros plus(Euros other) {
		return new Euros(Math.addExact(amount, other.amount));
	}

	/** The difference, refused when it would be negative. */
	public Euros minus(Euros other) {
		return new Euros(amount - other.amount);
	}

	public boolean exceeds(Euros other) {
		return amount > other.amount;
	}

	@Override
	public int compareTo(Euros other) {
		return Long.compare(amount, other.amount);
	}

	/** French formatting, e.g. {@code 30 000 000 €}. */
	public String formatted() {
		return FrenchNumbers.integer(amount) + " €";
	}

	@Override
	public String toString() {
		return formatted();
	}
}
