package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * A published proposal's title, summary or theme was edited.
 */
public record ProposalRevised(ProposalId proposalId, CampaignId campaignId, String title, String summary, String theme, Instant revisedAt) implements org.jmolecules.event.types.DomainEvent {
}
