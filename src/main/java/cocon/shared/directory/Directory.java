package cocon.shared.directory;

import java.util.Optional;

import cocon.shared.Siren;

/**
 * Read-only lookup of the collectivités directory (reference data loaded from the official open data). Every
 * module may ask it; none may change it.
 */
public interface Directory {

	/** The collectivité with the given SIREN, if the directory knows it. */
	Optional<Collectivite> find(Siren siren);

	/** The name of a département or région from its INSEE code, if known (e.g. {@code 84} → Auvergne-Rhône-Alpes). */
	Optional<String> regionName(String code);

	Optional<String> departementName(String code);
}
