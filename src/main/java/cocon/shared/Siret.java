package cocon.shared;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The 14-digit SIRET of an establishment: its first nine digits are the organisation's {@link Siren}. Checked
 * with the Luhn algorithm, except for La Poste's establishments, whose digits must add up to a multiple of 5.
 *
 * @param value the fourteen digits, without spaces
 */
@ValueObject
public record Siret(String value) {

	public Siret {
		if (value == null) {
			throw new IllegalArgumentException("Le SIRET est obligatoire.");
		}
		value = value.replace(" ", "");
		if (!value.matches("\\d{14}")) {
			throw new IllegalArgumentException("Le SIRET doit compter exactement 14 chiffres.");
		}
		if (!isValidChecksum(value)) {
			throw new IllegalArgumentException("Le SIRET " + value + " n'est pas valide (clé de contrôle incorrecte).");
		}
	}

	public static boolean isValid(String value) {
		return value != null && value.matches("\\d{14}") && isValidChecksum(value);
	}

	private static boolean isValidChecksum(String value) {
		if (value.startsWith(Siren.LA_POSTE) && !value.equals("35600000000048")) {
			return value.chars().map(c -> c - '0').sum() % 5 == 0;
		}
		return Luhn.isValid(value);
	}

	public Siren siren() {
		return new Siren(value.substring(0, 9));
	}

	@Override
	public String toString() {
		return value;
	}
}
