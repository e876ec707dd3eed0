package cocon.shared.identity;

import java.util.Map;

/**
 * What a module keeps about a person, for the person's rights under the RGPD (ADR 13): each module that stores
 * personal data implements it as a bean, and the platform collects them for « Mes données » (download and
 * erasure). The platform never reads a module's tables; a module never learns who else holds data.
 */
public interface PersonalData {

	/** The name of the module's part of the download, e.g. {@code contributions}. */
	String section();

	/** Everything the module keeps about this person, as plain values (maps, lists, texts, numbers). */
	Object export(CurrentUser user);

	/**
	 * Erases this person's personal data and keeps what others rely on, anonymised (a contribution stays with its
	 * outcome); repeating it changes nothing more.
	 *
	 * @return what was erased, by kind of record, for the audit row and the person's confirmation
	 */
	Map<String, Integer> erase(CurrentUser user);
}
