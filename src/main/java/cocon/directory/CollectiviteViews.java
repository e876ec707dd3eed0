package cocon.directory;

import java.util.List;

import cocon.shared.CollectiviteKind;

/** What the directory's API and page show of a collectivité. */
final class CollectiviteViews {

	private CollectiviteViews() {
	}

	/** A line of search results. */
	record Summary(String siren, String name, CollectiviteKind kind, String inseeCode, String departement,
			String departementName, String region, String regionName, long population) {

		public String kindLabel() {
			return kind.label();
		}
	}

	/** One collectivité in full: for an EPCI its member communes, for a commune its EPCI. */
	record Detail(String siren, String name, CollectiviteKind kind, String kindLabel, String inseeCode,
			String epciType, String departement, String departementName, String region, String regionName,
			long population, boolean active, Reference epci, Integer memberCount, List<Reference> members) {
	}

	/** Another collectivité, by SIREN and name. */
	record Reference(String siren, String name, String inseeCode) {
	}

	/** A page of results. */
	record ResultPage<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < totalPages;
		}
	}
}
