package cocon.voting.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;

/**
 * The supports given and withdrawn in a campaign since the previous publication, and the count of every proposal
 * they touched. Voting stores each support and withdrawal with a line of its feed in the same transaction, and
 * publishes the feed in batches a fraction of a second later, in the transaction that removes those lines (ADR
 * 0008): every change is published exactly once, also across a crash. Each change carries its own instant, so a
 * listener may apply them in any order: the most recent change of a collectivité for a proposal wins.
 * <p>
 * Voting is the only module that counts supports (ADR 0019). The counts are read in the publishing transaction,
 * after the position was taken: a batch with a higher position was read later and counts at least every change a
 * lower one counts. A listener that keeps counts keeps, per proposal, the count of the highest position it was
 * told, whatever the order of delivery. A merge publishes the new counts of the survivor and of the absorbed
 * proposal in a batch without changes.
 *
 * @param campaignId the campaign of every change in this batch
 * @param given the supports given, in the order they were stored
 * @param withdrawn the supports withdrawn, in the order they were withdrawn
 * @param counts the count of each proposal of the batch (its changes, or the two proposals of a merge)
 * @param position the order of the counts: higher is newer, across instances and restarts
 * @param publishedAt when the batch was published
 */
public record SupportsRecorded(CampaignId campaignId, List<SupportGiven> given, List<SupportWithdrawn> withdrawn,
		List<Count> counts, long position, Instant publishedAt) implements org.jmolecules.event.types.DomainEvent {

	/**
	 * The count of a proposal as of the batch's position, with its breakdown by kind of collectivité (kinds with no
	 * support left are absent) and the population covered.
	 */
	public record Count(ProposalId proposalId, int supportCount, Map<CollectiviteKind, Integer> byKind,
			long populationCovered) {

		public Count {
			byKind = byKind == null ? Map.of() : Map.copyOf(byKind);
		}
	}

	public SupportsRecorded {
		given = List.copyOf(given);
		withdrawn = List.copyOf(withdrawn);
		counts = counts == null ? List.of() : List.copyOf(counts);
	}

	/** A batch of changes that carries no count (for a listener that only follows who supports what). */
	public SupportsRecorded(CampaignId campaignId, List<SupportGiven> given, List<SupportWithdrawn> withdrawn,
			Instant publishedAt) {
		this(campaignId, given, withdrawn, List.of(), 0, publishedAt);
	}
}
