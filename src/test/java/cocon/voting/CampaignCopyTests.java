package cocon.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;

import cocon.shared.CollectiviteKind;
import cocon.testing.CampaignDeliveries;

/** Voting's copy of a campaign is the newest snapshot governance sent, whatever order the events arrive in. */
class CampaignCopyTests extends VotingTestSupport {

	@Test
	void keepsTheNewestSnapshotOfEventsDeliveredOutOfOrder(Scenario scenario) {
		var campaign = campaign2021(Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.EPCI));

		CampaignDeliveries.oneByOne(scenario, jdbc, campaign.id(), campaign.deliveredOutOfOrder());

		var copy = jdbc.sql("select title, support_kinds::text as kinds, supports_close from voting.campaign where id = ?")
				.param(campaign.id().id())
				.query((rs, row) -> new Object[] { rs.getString("title"), rs.getString("kinds"),
						rs.getTimestamp("supports_close").toInstant() })
				.single();
		assertThat(copy[2]).isEqualTo(campaign.newestCalendar().supports().closes());
		assertThat(copy[2]).isNotEqualTo(campaign.calendar().supports().closes());
		// the first event was a calendar change: the copy holds the campaign's own title and kinds, not defaults
		assertThat(copy[0]).isEqualTo(campaign.title());
		assertThat(copy[1]).isEqualTo("{COMMUNE,EPCI}");
	}
}
