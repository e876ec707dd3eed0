package cocon.shared.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cocon.shared.Siren;

/**
 * Read-only lookup of the collectivités directory (reference data loaded from the official open data). Every
 * module may ask it; none may change it.
 */
public interface Directory {

	/** The collectivité with the given SIREN, if the directory knows it. */
	Optional<Collectivite> find(Siren siren);

	/**
	 * The collectivités of the directory among the given SIRENs, in one lookup (the unknown ones are absent).
	 * The default looks them up one by one; the directory answers in one query.
	 */
	default Map<Siren, Collectivite> findAll(Collection<Siren> sirens) {
		var found = new HashMap<Siren, Collectivite>();
		sirens.forEach(siren -> find(siren).ifPresent(c -> found.put(siren, c)));
		return found;
	}

	/**
	 * The communes members of an EPCI (or of the Métropole de Lyon), as the current version of the open data lists
	 * them; empty for any other SIREN. The default knows none.
	 */
	default List<Siren> epciMembers(Siren epci) {
		return List.of();
	}

	/** The name of a département or région from its INSEE code, if known (e.g. {@code 84} → Auvergne-Rhône-Alpes). */
	Optional<String> regionName(String code);

	Optional<String> departementName(String code);
}
