package cocon.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpMethod;

import cocon.demo.ReplayPlan.Directory;
import tools.jackson.databind.JsonNode;

/**
 * The collectivités the replay draws from, read through the directory's public API as anyone may: communes of every
 * size, groupements, départements, régions, collectivités à statut particulier.
 */
final class ReplayDirectory {

	/** The communes' pages read, by rank in the directory (largest first). */
	private static final double[] COMMUNE_RANKS = { 0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9 };

	private static final String COMMUNES = "/api/collectivites?kind=COMMUNE&size=100&page=";

	private ReplayDirectory() {
	}

	/** Once the directory is loaded (a first start loads it in the background). */
	static Directory read(DemoApi api) {
		// the directory's lookups wait for its first load, which starts before the server answers: this first page
		// comes once it is done (the check stays for a directory loaded otherwise)
		var loaded = new AtomicReference<JsonNode>();
		api.await("l'annuaire des collectivités est chargé", () -> {
			var page = api.call(HttpMethod.GET, COMMUNES + 0, null, null);
			if (page.getStatusCode().value() == 200 && DemoApi.json(page).path("totalElements").asLong() > 1000) {
				loaded.set(DemoApi.json(page));
			}
			return loaded.get() != null;
		});
		var first = loaded.get();
		int communePages = first.path("totalPages").asInt();
		var largest = orgs(first, "COMMUNE");
		var reads = Executors.newFixedThreadPool(Replay.IN_FLIGHT);
		try {
			var communes = new ArrayList<CompletableFuture<List<Org>>>();
			for (double rank : COMMUNE_RANKS) {
				int page = (int) Math.min(communePages - 1, Math.round(rank * communePages));
				communes.add(page == 0 ? CompletableFuture.completedFuture(largest)
						: CompletableFuture.supplyAsync(() -> page(api, "COMMUNE", page), reads));
			}
			var epci = pages(api, reads, "EPCI", 0, 2);
			var departements = pages(api, reads, "DEPARTEMENT", 0, 1);
			var regions = pages(api, reads, "REGION", 0);
			var particular = pages(api, reads, "COLLECTIVITE_PARTICULIERE", 0);
			var distinct = new LinkedHashMap<String, Org>();
			communes.forEach(page -> page.join().forEach(o -> distinct.putIfAbsent(o.siren(), o)));
			return new Directory(List.copyOf(distinct.values()), epci.join(), departements.join(), regions.join(),
					particular.join());
		}
		catch (CompletionException failed) {
			throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
		}
		finally {
			reads.shutdownNow();
		}
	}

	/** The pages of one kind, in order, read alongside the others. */
	private static CompletableFuture<List<Org>> pages(DemoApi api, Executor reads, String kind,
			int... pages) {
		var read = new ArrayList<CompletableFuture<List<Org>>>();
		for (int page : pages) {
			read.add(CompletableFuture.supplyAsync(() -> page(api, kind, page), reads));
		}
		return CompletableFuture.allOf(read.toArray(CompletableFuture[]::new)).thenApply(done -> {
			var found = new ArrayList<Org>();
			read.forEach(one -> found.addAll(one.join()));
			return found;
		});
	}

	private static List<Org> page(DemoApi api, String kind, int page) {
		return orgs(api.get("/api/collectivites?kind=" + kind + "&size=100&page=" + page, null), kind);
	}

	private static List<Org> orgs(JsonNode page, String kind) {
		var found = new ArrayList<Org>();
		for (var c : page.path("content")) {
			found.add(new Org(c.get("siren").asString(), c.get("name").asString(), kind,
					c.path("population").asLong(), c.path("departement").asString("")));
		}
		return found;
	}
}
