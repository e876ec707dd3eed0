package cocon.shared.directory;

import org.jspecify.annotations.Nullable;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;

/**
 * A collectivité (or groupement) of the official administrative map, as the directory holds it.
 *
 * @param siren its SIREN
 * @param name its official name
 * @param kind its kind
 * @param inseeCode its COG code (commune, département or région code; EPCI: its SIREN)
 * @param departement the INSEE code of its département (communes and départements), else {@literal null}
 * @param region the INSEE code of its région, when it has a single one, else {@literal null}
 * @param population its population (municipal population for communes, total for EPCI; 0 when unknown)
 * @param epci the SIREN of the EPCI à fiscalité propre (or métropole) a commune is a member of, else {@literal null}
 */
public record Collectivite(Siren siren, String name, CollectiviteKind kind, String inseeCode, String departement,
		String region, long population, @Nullable Siren epci) {
}
