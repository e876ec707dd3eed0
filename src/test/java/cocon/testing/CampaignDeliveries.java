package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

import cocon.shared.CampaignId;

/**
 * Delivers governance's events of a campaign one by one, in the order given: each is published in its own
 * transaction, and the next waits until every listener of the context has completed the previous one (no
 * publication about the campaign left outstanding in the registry). The order of delivery is then the order of
 * the list, not a race between listener threads.
 */
public final class CampaignDeliveries {

	private CampaignDeliveries() {
	}

	public static void oneByOne(Scenario scenario, JdbcClient jdbc, CampaignId campaign, List<?> events) {
		for (var event : events) {
			scenario.publish(event).andWaitForStateChange(() -> outstanding(jdbc, campaign), count -> count == 0)
					.andVerify(count -> assertThat(count).isZero());
		}
	}

	private static long outstanding(JdbcClient jdbc, CampaignId campaign) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + campaign.id() + "%").query(Long.class).single();
	}
}
