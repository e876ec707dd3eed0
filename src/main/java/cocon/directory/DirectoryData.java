package cocon.directory;

import java.util.List;

import cocon.shared.CollectiviteKind;

/**
 * One version of the directory, as read from its sources, ready to be loaded.
 *
 * @param packageVersion the version of {@code @etalab/decoupage-administratif}
 * @param csvChecksum the SHA-256 of {@code collectivites-hors-communes.csv}
 * @param entries every collectivité, one per SIREN
 * @param members the communes of each EPCI
 * @param areas names of départements and régions
 */
record DirectoryData(String packageVersion, String csvChecksum, List<Entry> entries, List<Membership> members,
		List<Area> areas) {

	static final String PACKAGE_SOURCE = "decoupage-administratif";
	static final String CSV_SOURCE = "collectivites-hors-communes";

	record Entry(String siren, String name, CollectiviteKind kind, String inseeCode, String epciType,
			String departement, String region, long population, String source) {

		Entry renamed(String newName) {
			return new Entry(siren, newName, kind, inseeCode, epciType, departement, region, population, source);
		}

		Entry as(CollectiviteKind newKind, String newName, String newSource) {
			return new Entry(siren, newName, newKind, inseeCode, epciType, departement, region, population, newSource);
		}
	}

	record Membership(String epciSiren, String communeSiren) {
	}

	record Area(String level, String code, String name, String region) {
	}

	long rowCount(String source) {
		return entries.stream().filter(entry -> entry.source().contains(source)).count();
	}
}
