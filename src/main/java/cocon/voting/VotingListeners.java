package cocon.voting;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.governance.events.CampaignEvent;

/**
 * Keeps voting's copy of campaigns and published proposals from governance's and curation's events. Every
 * listener is idempotent and tolerates events delivered out of order: an older calendar or content never
 * overwrites a newer one.
 */
@Component
class VotingListeners {

	private final CampaignCopies campaigns;
	private final Proposals proposals;
	private final Supports supports;
	private final SupportFeed feed;

	VotingListeners(CampaignCopies campaigns, Proposals proposals, Supports supports, SupportFeed feed) {
		this.campaigns = campaigns;
		this.proposals = proposals;
		this.supports = supports;
		this.feed = feed;
	}

	/** A campaign scheduled or its calendar changed: both carry the whole campaign (ADR 0018). */
	@ApplicationModuleListener
	void on(CampaignEvent event) {
		campaigns.keep(event.campaign());
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
