package cocon.testing;

import static cocon.testing.ApiRequests.eventually;
import static cocon.testing.ApiRequests.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign whose supports are open, prepared through the API of running instances of the application as its users
 * would (the crash and many-instance tests): the administrator creates it with its contributions open, an agent of
 * each of the directory's first communes contributes a need, the curator makes each need a proposal and publishes
 * it, and the administrator moves the calendar so that the supports are open at once.
 */
public final class SupportsOpen {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SupportsOpen() {
	}

	/** The API of one running instance: a request as a demo identity (anonymous when null), with a JSON body or none. */
	public interface Api {
		HttpResponse<String> send(String method, String path, String user, JsonNode body) throws Exception;
	}

	/**
	 * Prepares the campaign, each request sent to the next of {@code instances} in turn (every module learns of the
	 * others by asynchronous events: a request is sent again while it is answered 404 or 409); returns its id once
	 * every instance lists its proposals with the supports open.
	 */
	public static String prepare(String title, String description, int proposals, List<Api> instances)
			throws Exception {
		var turn = new int[1];
		Supplier<Api> next = () -> instances.get(turn[0]++ % instances.size());
		var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var contributionsOpen = now.minusHours(1);
		var body = JSON.createObjectNode()
				.put("title", title)
				.put("description", description)
				.put("envelopeEuros", 1_000_000L);
		body.putArray("themes").add("Dématérialisation");
		body.putArray("supportKinds").add("COMMUNE");
		body.set("calendar", ApiCalendars.calendar(contributionsOpen, now.plusDays(1), now.plusDays(2), now.plusDays(9)));
		var campaign = json(expect(next.get().send("POST", "/api/campaigns", "admin", body), 201)).get("id").asString();
		var agents = communes(next.get(), proposals);
		for (int i = 0; i < proposals; i++) {
			var agent = "agent-" + agents.get(i);
			var contribution = JSON.createObjectNode()
					.put("title", "Besoin n° " + (i + 1))
					.put("need", "Un service numérique partagé entre collectivités.")
					.put("theme", "Dématérialisation")
					.put("authorRole", "AGENT")
					.put("authorFunction", "Chargée de mission numérique");
			var contributed = next.get();
			var id = json(eventually(() -> contributed.send("POST", "/api/campaigns/" + campaign + "/contributions",
					agent, contribution), 201)).get("id").asString();
			var proposal = JSON.createObjectNode()
					.put("title", "Proposition n° " + (i + 1))
					.put("summary", "Proposition de la campagne « " + title + " ».")
					.put("theme", "Dématérialisation");
			proposal.putArray("contributionIds").add(id);
			var curated = next.get();
			var proposalId = json(eventually(() -> curated.send("POST", "/api/campaigns/" + campaign + "/proposals",
					"curator", proposal), 201)).get("id").asString();
			var published = next.get();
			eventually(() -> published.send("POST", "/api/proposals/" + proposalId + "/publication", "curator", null),
					204);
		}
		var moved = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var opened = ApiCalendars.calendar(contributionsOpen, moved.minusSeconds(2), moved.minusSeconds(1),
				moved.plusDays(7));
		expect(next.get().send("PUT", "/api/campaigns/" + campaign + "/calendar", "admin", opened), 200);
		for (var instance : instances) {
			Awaitility.await("le vote voit les propositions et la période de soutien ouverte")
					.atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
						var listed = instance.send("GET", "/api/campaigns/" + campaign + "/proposals", null, null);
						var window = instance.send("GET", "/api/campaigns/" + campaign + "/supports-over-time", null,
								null);
						return listed.statusCode() == 200 && JSON.readTree(listed.body()).size() == proposals
								&& window.statusCode() == 200 && !OffsetDateTime.parse(JSON.readTree(window.body())
										.get("opens").asString()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
					});
		}
		return campaign;
	}

	/** The SIRENs of the directory's first {@code wanted} communes (most populated first). */
	public static List<String> communes(Api api, int wanted) throws Exception {
		var sirens = new ArrayList<String>();
		for (int page = 0; sirens.size() < wanted; page++) {
			var content = json(expect(api.send("GET", "/api/collectivites?kind=COMMUNE&size=100&page=" + page, null,
					null), 200)).get("content");
			assertThat(content).as("assez de communes dans l'annuaire").isNotEmpty();
			content.forEach(commune -> sirens.add(commune.get("siren").asString()));
		}
		return sirens.subList(0, wanted);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
