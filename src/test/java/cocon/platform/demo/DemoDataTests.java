package cocon.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demonstration data, seeded through the public API after start-up, in a database of its own (an empty
 * instance): both campaigns, six published proposals with supports in the second one, and nothing more the next time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cocon.demo.seed=true", "cocon.test.database=demo_data" })
class DemoDataTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DemoData demoData;

	@LocalServerPort
	int port;

	@Test
	void seedsBothCampaignsOnceThroughTheApi() throws Exception {
		assertThat(demoData.completion().get(2, TimeUnit.MINUTES)).as("seeded after start-up").isTrue();

		var campaigns = get("/api/campaigns");
		var titles = new ArrayList<String>();
		campaigns.forEach(c -> titles.add(c.get("title").asString()));
		assertThat(titles).containsExactlyInAnyOrder(DemoData.OPEN_CAMPAIGN, DemoData.SUPPORTS_CAMPAIGN);
		for (var campaign : campaigns) {
			if (campaign.get("title").asString().equals(DemoData.OPEN_CAMPAIGN)) {
				assertThat(campaign.get("phase").asString()).isEqualTo("CONTRIBUTIONS");
				assertThat(campaign.get("themes").size()).isEqualTo(13);
			}
			else {
				assertThat(campaign.get("phase").asString()).isEqualTo("SUPPORTS");
				var proposals = get("/api/campaigns/" + campaign.get("id").asString() + "/proposals");
				assertThat(proposals.size()).isEqualTo(6);
				proposals.forEach(p -> assertThat(p.get("supportCount").asLong()).as(p.get("title").asString()).isPositive());
			}
		}

		assertThat(demoData.seedIfEmpty(port)).as("a second run").isFalse();
		assertThat(get("/api/campaigns").size()).isEqualTo(2);
	}

	private JsonNode get(String path) {
		return JSON.readTree(RestClient.create("http://localhost:" + port).get().uri(path).retrieve().body(String.class));
	}
}
