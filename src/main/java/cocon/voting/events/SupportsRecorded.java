package cocon.voting.events;

import java.time.Instant;
import java.util.List;

import cocon.shared.CampaignId;

/**
 * The supports given and withdrawn in a campaign since the previous publication. Voting stores each support and
 * withdrawal with a line of its feed in the same transaction, and publishes the feed in batches a fraction of a
 * second later, in the transaction that removes those lines (ADR 0008): every change is published exactly once,
 * also across a crash. Each change carries its own instant, so a listener may apply them in any order: the most
 * recent change of a collectivité for a proposal wins.
 *
 * @param campaignId the campaign of every change in this batch
 * @param given the supports given, in the order they were stored
 * @param withdrawn the supports withdrawn, in the order they were withdrawn
 * @param publishedAt when the batch was published
 */
public record SupportsRecorded(CampaignId campaignId, List<SupportGiven> given, List<SupportWithdrawn> withdrawn,
		Instant publishedAt) implements org.jmolecules.event.types.DomainEvent {

	public SupportsRecorded {
		given = List.copyOf(given);
		withdrawn = List.copyOf(withdrawn);
	}
}
