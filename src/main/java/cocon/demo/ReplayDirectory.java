package cocon.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.http.HttpMethod;

import cocon.demo.ReplayPlan.Directory;

/**
 * The collectivités the replay draws from, read through the directory's public API as anyone may: communes of every
 * size, groupements, départements, régions, collectivités à statut particulier.
 */
final class ReplayDirectory {

	private ReplayDirectory() {
	}

	/** Once the directory is loaded (a first start loads it in the background). */
	static Directory read(DemoApi api) {
		api.await("l'annuaire des collectivités est chargé", () -> {
			var page = api.call(HttpMethod.GET, "/api/collectivites?kind=COMMUNE&size=1", null, null);
			return page.getStatusCode().value() == 200 && DemoApi.json(page).path("totalElements").asLong() > 1000;
		});
		return new Directory(communes(api), directory(api, "EPCI", 0, 2), directory(api, "DEPARTEMENT", 0, 1),
				directory(api, "REGION", 0), directory(api, "COLLECTIVITE_PARTICULIERE", 0));
	}

	private static List<Org> directory(DemoApi api, String kind, int... pages) {
		var found = new ArrayList<Org>();
		for (int page : pages) {
			for (var c : api.get("/api/collectivites?kind=" + kind + "&size=100&page=" + page, null).path("content")) {
				found.add(new Org(c.get("siren").asString(), c.get("name").asString(), kind,
						c.path("population").asLong(), c.path("departement").asString("")));
			}
		}
		return found;
	}

	/** Communes from the largest cities to villages of a few hundred inhabitants (the directory ranks by population). */
	private static List<Org> communes(DemoApi api) {
		int pages = api.get("/api/collectivites?kind=COMMUNE&size=100", null).path("totalPages").asInt();
		var found = new ArrayList<Org>();
		for (double rank : new double[] { 0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9 }) {
			found.addAll(directory(api, "COMMUNE", (int) Math.min(pages - 1, Math.round(rank * pages))));
		}
		var distinct = new LinkedHashMap<String, Org>();
		found.forEach(o -> distinct.putIfAbsent(o.siren(), o));
		return List.copyOf(distinct.values());
	}
}
