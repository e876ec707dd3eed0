package cocon.voting;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.CampaignSnapshot;
import cocon.shared.NewestCopy;

/**
 * Keeps voting's copy of campaigns and published proposals from governance's and curation's events. Every
 * listener is idempotent and tolerates events delivered out of order: an older calendar or content never
 * overwrites a newer one.
 */
@Component
class VotingListeners {

	private final JdbcClient jdbc;
	private final Proposals proposals;
	private final Supports supports;
	private final SupportFeed feed;

	VotingListeners(JdbcClient jdbc, Proposals proposals, Supports supports, SupportFeed feed) {
		this.jdbc = jdbc;
		this.proposals = proposals;
		this.supports = supports;
		this.feed = feed;
	}

	/** A campaign scheduled or its calendar changed: both carry the whole campaign (ADR 0018). */
	@ApplicationModuleListener
	void on(CampaignEvent event) {
		keep(event.campaign());
	}

	/** The newest snapshot of the campaign wins, whatever order the events arrive in (ADR 0018). */
	private void keep(CampaignSnapshot campaign) {
		supports.copiesChanged();
		var kinds = campaign.supportKinds().isEmpty() ? VotingCampaign.DEFAULT_SUPPORT_KINDS : campaign.supportKinds();
		NewestCopy.of(jdbc, "voting.campaign", "id", campaign.id().id())
				.set("title", campaign.title())
				.set("support_kinds", kinds.stream().map(Enum::name).sorted().toList())
				.set("supports_open", campaign.calendar().supports().opens())
				.set("supports_close", campaign.calendar().supports().closes())
				.write(campaign.asOf());
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		proposals.keep(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		proposals.keep(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.revisedAt());
	}

	/**
	 * Moves the supports of the absorbed proposal to the survivor (a collectivité that supported both counts once),
	 * and publishes the new counts of both: the other modules learn them from voting only.
	 */
	@ApplicationModuleListener
	void on(ProposalsMerged event) {
		if (event.survivorId().equals(event.absorbedId())) {
			return;
		}
		if (supports.merge(event.survivorId(), event.absorbedId(), event.campaignId(), event.mergedBy(),
				event.mergedAt())) {
			feed.publishCounts(event.campaignId(), List.of(event.survivorId(), event.absorbedId()));
		}
	}
}
