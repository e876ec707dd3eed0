package cocon.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.voting.SupportRefused.Reason;

/** The rules of a support, without Spring nor database: who may support what, and when. */
class SupportRulesTests {

	private static final Instant OPENS = Instant.parse("2021-03-31T22:00:00Z");
	private static final Instant CLOSES = Instant.parse("2021-04-30T21:59:59Z");
	private static final Instant DURING = Instant.parse("2021-04-15T10:00:00Z");
	private static final CampaignId CAMPAIGN = CampaignId.random();
	private static final VotingCampaign CAMPAIGN_2021 = new VotingCampaign(CAMPAIGN, "Coconstruction 2021", Set.of(),
			new Window(OPENS, CLOSES));
	private static final VotingProposal PROPOSAL = new VotingProposal(ProposalId.random(), CAMPAIGN, "Un guichet",
			"Mobilités", null);

	private static CurrentUser agentOf(CollectiviteKind kind, boolean verified) {
		var organisation = new Organisation(new Siren("216901231"), "Lyon", kind, verified, "69", "84", 522_250);
		return new CurrentUser("agent-lyon", "Agent de Lyon", null, Set.of(), organisation);
	}

	@Test
	void anEligibleCollectiviteSupportsDuringTheWindowAndTheSupportRemembersIt() {
		var support = Support.give(PROPOSAL, CAMPAIGN_2021, agentOf(CollectiviteKind.COMMUNE, true), DURING);

		assertThat(support.getId()).isEqualTo(new Support.SupportId(PROPOSAL.getId(), new Siren("216901231")));
		assertThat(support.campaignId()).isEqualTo(CAMPAIGN);
		assertThat(support.supporter().name()).isEqualTo("Lyon");
		assertThat(support.supporter().population()).isEqualTo(522_250);
		assertThat(support.supportedBy()).isEqualTo("agent-lyon");
		assertThat(support.supportedAt()).isEqualTo(DURING);
		assertThat(support.stripe()).isBetween(0, Support.STRIPES - 1).isEqualTo(216901231 % Support.STRIPES);
	}

	@Test
	void theWindowIsCheckedAtBothEnds() {
		var agent = agentOf(CollectiviteKind.COMMUNE, true);
		assertThat(reason(() -> Support.give(PROPOSAL, CAMPAIGN_2021, agent, OPENS.minusSeconds(1))))
				.isEqualTo(Reason.NOT_OPEN_YET);
		assertThat(reason(() -> Support.give(PROPOSAL, CAMPAIGN_2021, agent, CLOSES.plusSeconds(1))))
				.isEqualTo(Reason.CLOSED);
		assertThat(Support.give(PROPOSAL, CAMPAIGN_2021, agent, OPENS).supportedAt()).isEqualTo(OPENS);
	}

	@Test
	void onlyTheKindsOfTheCampaignSupportAndAnEpciIsNotOneByDefault() {
		assertThat(reason(() -> Support.give(PROPOSAL, CAMPAIGN_2021, agentOf(CollectiviteKind.EPCI, true), DURING)))
				.isEqualTo(Reason.NOT_ELIGIBLE);
		var withEpci = new VotingCampaign(CAMPAIGN, "Avec EPCI", Set.of(CollectiviteKind.EPCI), new Window(OPENS, CLOSES));
		assertThat(Support.give(PROPOSAL, withEpci, agentOf(CollectiviteKind.EPCI, true), DURING)).isNotNull();
	}

	@Test
	void aMergedProposalTakesNoSupportAndAnUnverifiedOrAbsentCollectiviteIsRefused() {
		var merged = new VotingProposal(ProposalId.random(), CAMPAIGN, "Fusionnée", "Mobilités", PROPOSAL.getId());
		assertThat(reason(() -> Support.give(merged, CAMPAIGN_2021, agentOf(CollectiviteKind.COMMUNE, true), DURING)))
				.isEqualTo(Reason.UNKNOWN_PROPOSAL);
		assertThat(reason(() -> VotingCampaign.checkVerified(agentOf(CollectiviteKind.COMMUNE, false).organisation())))
				.isEqualTo(Reason.UNVERIFIED);
		assertThat(reason(() -> VotingCampaign.checkVerified(null))).isEqualTo(Reason.NO_ORGANISATION);
	}

	@Test
	void aWithdrawalIsRefusedOnceTheWindowClosed() {
		CAMPAIGN_2021.admitWithdrawal(CLOSES);
		assertThat(reason(() -> CAMPAIGN_2021.admitWithdrawal(CLOSES.plusSeconds(1)))).isEqualTo(Reason.CLOSED);
	}

	private static Reason reason(Runnable refused) {
		var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SupportRefused.class, refused::run);
		assertThat(thrown).as("refusé").isNotNull();
		return thrown.reason();
	}
}
