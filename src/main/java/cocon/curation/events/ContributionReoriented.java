package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;

/**
 * A curator reoriented a contribution to an existing programme or service, with a note.
 */
public record ContributionReoriented(ContributionId contributionId, CampaignId campaignId, String target, String note, String decidedBy, Instant decidedAt) implements org.jmolecules.event.types.DomainEvent {
}
