package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25, acceptance 3: after any demo reset, at every moment where supports are counted, the committee's counts
 * equal the public counts, proposal by proposal — what the committee decides on (its decision inputs, and its page)
 * against the public ranking. The context of {@link DemonstrationBrowserTests} (same settings, so one context for
 * both): the moment it holds is checked first without a reset, then a reset to each other moment, the last one to
 * « funding », the moment that context starts at. In the package of the demonstration, whose replay it drives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cocon.demo.seed=true", "cocon.demo.moment=funding", "cocon.test.database=demo_replay" })
class CommitteeCountsAfterEveryResetTests {

	/** The moments at which supports exist, in the order of 2021. */
	static final List<Moment> COUNTED = List.of(Moment.SUPPORTS, Moment.SHORTLIST, Moment.REFERENTS, Moment.FUNDING);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	DemoReplay demo;

	@LocalServerPort
	int port;

	@Test
	void theCommitteeCountsWhatThePublicRankingCountsAfterEveryResetAtEveryMoment() throws Exception {
		demo.completion().get(3, TimeUnit.MINUTES);
		var held = demo.status().map(DemoReplay.Status::moment).orElseThrow();
		var sequence = new ArrayList<Moment>();
		COUNTED.stream().filter(m -> m != held).forEach(sequence::add);
		if (held == Moment.FUNDING) {
			sequence.add(Moment.FUNDING); // leave the shared context at the moment it starts at
		}
		if (COUNTED.contains(held)) {
			theCommitteeCountsWhatThePublicCounts(held);
		}
		for (var moment : sequence) {
			assertThat(demo.reset(moment)).as("reset to %s", moment).isTrue();
			var result = demo.completion().get(3, TimeUnit.MINUTES);
			assertThat(result.supports()).as("supports replayed at %s", moment).isPositive();
			theCommitteeCountsWhatThePublicCounts(moment);
		}
	}

	private void theCommitteeCountsWhatThePublicCounts(Moment moment) throws Exception {
		var campaign = demo.status().orElseThrow().campaignId().toString();
		var ranking = new TreeMap<String, Integer>();
		String leader = null;
		for (var row : JSON.readTree(get("/api/campaigns/" + campaign + "/ranking?size=500").body())) {
			ranking.put(row.get("id").asString(), row.get("supportCount").asInt());
			leader = leader == null ? row.get("id").asString() : leader;
		}
		assertThat(ranking.values().stream().mapToInt(Integer::intValue).sum()).as("public supports at %s", moment)
				.isPositive();
		var publicLeader = leader;
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			var committee = new TreeMap<String, Integer>();
			var inputs = get("/api/campaigns/" + campaign + "/decision-inputs");
			assertThat(inputs.statusCode()).isEqualTo(200);
			for (var row : JSON.readTree(inputs.body()).get("proposals")) {
				committee.put(row.get("proposalId").asString(), row.get("supports").asInt());
			}
			assertThat(committee).as("the committee's counts against the public ranking at %s", moment)
					.isEqualTo(ranking);
			// and its page says the same of the public leader, in the row's supports column
			var page = get("/campagnes/" + campaign + "/comite?vue=toutes&supportsWeight=1&maturityWeight=0").body();
			var row = page.substring(page.indexOf("<tr id=\"proposition-" + publicLeader + "\""));
			row = row.substring(0, row.indexOf("</tr>"));
			assertThat(row).as("the row of the public leader at %s", moment)
					.contains("<td><span>" + ranking.get(publicLeader) + "</span>");
		});
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
