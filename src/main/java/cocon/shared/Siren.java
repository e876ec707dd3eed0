package cocon.shared;

import java.util.regex.Pattern;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The 9-digit SIREN of an organisation, checked with the Luhn algorithm.
 *
 * @param value the nine digits, without spaces
 */
@ValueObject
public record Siren(String value) implements java.io.Serializable {

	/** La Poste's SIREN: its SIRETs follow a rule of their own (see {@link Siret}). */
	public static final String LA_POSTE = "356000000";

	/** Compiled once: {@code String.matches} compiled it at each call, for every HTTP Basic identity resolved. */
	private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

	public Siren {
		if (value == null) {
			throw new IllegalArgumentException("Le SIREN est obligatoire.");
		}
		value = value.replace(" ", "");
		if (!NINE_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("Le SIREN doit compter exactement 9 chiffres.");
		}
		if (!Luhn.isValid(value)) {
			throw new IllegalArgumentException("Le SIREN " + value + " n'est pas valide (clé de contrôle de Luhn incorrecte).");
		}
	}

	public static Siren of(String value) {
		return new Siren(value);
	}

	/** Whether the given text is a well-formed SIREN, for validation without exceptions. */
	public static boolean isValid(String value) {
		return value != null && NINE_DIGITS.matcher(value).matches() && Luhn.isValid(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
