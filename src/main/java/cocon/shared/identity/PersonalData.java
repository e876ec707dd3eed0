package cocon.shared.identity;

import java.time.Instant;
import java.util.Map;

/**
 * What a module keeps about a person, for the person's rights under the RGPD (ADR 13, ADR 39): each module that stores
 * personal data implements it as a bean, and the identity module collects them for « Mes données » (download and
 * erasure) and for the retention periods the personal-data page states. The identity module never reads a module's
 * tables; a module never learns who else holds data.
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

	/**
	 * Erases, as {@link #erase} would, the personal data kept longer than the period the personal-data page states
	 * for it, as of {@code now}. Called by one instance once a day; repeating it changes nothing more.
	 *
	 * @return what was erased, by kind of record, for the audit row
	 */
	default Map<String, Integer> eraseExpired(Instant now) {
		return Map.of();
	}
}
