package cocon.voting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.governance.events.CampaignSnapshot;
import cocon.shared.NewestCopy;

/** Voting's copy of each campaign (title, support kinds, supports window), kept from governance's events. */
@Repository
class CampaignCopies {

	private final JdbcClient jdbc;
	private final Supports supports;

	CampaignCopies(JdbcClient jdbc, Supports supports) {
		this.jdbc = jdbc;
		this.supports = supports;
	}

	/** The newest snapshot of the campaign wins, whatever order the events arrive in (ADR 0018). */
	void keep(CampaignSnapshot campaign) {
		supports.copiesChanged();
		var kinds = campaign.supportKinds().isEmpty() ? VotingCampaign.DEFAULT_SUPPORT_KINDS : campaign.supportKinds();
		NewestCopy.of(jdbc, "voting.campaign", "id", campaign.id().id())
				.set("title", campaign.title())
				.set("support_kinds", kinds.stream().map(Enum::name).sorted().toList())
				.set("supports_open", campaign.calendar().supports().opens())
				.set("supports_close", campaign.calendar().supports().closes())
				.write(campaign.asOf());
	}
}
