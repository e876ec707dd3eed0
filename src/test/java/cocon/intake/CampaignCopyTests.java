package cocon.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import cocon.testing.CampaignDeliveries;

/** Intake's copy of a campaign is the newest snapshot governance sent, whatever order the events arrive in. */
class CampaignCopyTests extends IntakeTestSupport {

	@Autowired
	Campaigns campaigns;

	@Test
	void keepsTheNewestSnapshotOfEventsDeliveredOutOfOrder(Scenario scenario) {
		var campaign = campaign2021();

		CampaignDeliveries.oneByOne(scenario, jdbc, campaign.id(), campaign.deliveredOutOfOrder());

		var copy = campaigns.find(campaign.id()).orElseThrow();
		assertThat(copy.contributions()).isEqualTo(campaign.newestCalendar().contributions());
		assertThat(copy.contributions()).isNotEqualTo(campaign.calendar().contributions());
		assertThat(copy.title()).isEqualTo(campaign.title());
		assertThat(copy.themes()).containsExactlyElementsOf(THEMES);
	}
}
