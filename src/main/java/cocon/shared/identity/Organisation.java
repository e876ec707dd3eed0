package cocon.shared.identity;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;

/**
 * The organisation a signed-in person acts for, as the directory knows it at sign-in.
 *
 * @param siren the organisation's SIREN (from the SIRET of the identity provider, or the demo persona)
 * @param name its name, from the directory (or as declared when the directory does not know it)
 * @param kind its kind, from the directory ({@link CollectiviteKind#OTHER} when unknown)
 * @param verified whether the directory knows it or an administrator verified it
 * @param departement the INSEE code of its département, when it has one
 * @param region the INSEE code of its région, when it has one
 * @param population the population it covers (0 when not applicable)
 */
public record Organisation(Siren siren, String name, CollectiviteKind kind, boolean verified, String departement,
		String region, long population) implements java.io.Serializable {

	public Organisation {
		if (siren == null) {
			throw new IllegalArgumentException("Une organisation a un SIREN.");
		}
		if (kind == null) {
			kind = CollectiviteKind.OTHER;
		}
	}
}
