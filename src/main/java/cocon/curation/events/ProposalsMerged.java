package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * A curator merged the absorbed proposal into the survivor: every contribution and every support of the absorbed one now counts for the survivor.
 */
public record ProposalsMerged(ProposalId survivorId, ProposalId absorbedId, CampaignId campaignId, String mergedBy, Instant mergedAt) implements org.jmolecules.event.types.DomainEvent {
}
