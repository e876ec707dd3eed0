package cocon.voting.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * A collectivité withdrew its support before the window closed. Published within {@link SupportsRecorded}.
 */
public record SupportWithdrawn(ProposalId proposalId, CampaignId campaignId, Siren siren, Instant withdrawnAt) implements org.jmolecules.event.types.DomainEvent {
}
