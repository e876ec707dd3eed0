package cocon.voting.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;

/**
 * The support window of a campaign closed: the final tally, published once.
 */
public record SupportsClosed(CampaignId campaignId, java.util.List<Tally> tallies, long totalSupports, Instant closedAt) implements org.jmolecules.event.types.DomainEvent {

	/** The final count of one proposal, with its breakdown by kind of collectivité and the population covered. */
	public record Tally(ProposalId proposalId, int supportCount, java.util.Map<CollectiviteKind, Integer> byKind,
			long populationCovered) {
	}
}
