package cocon.voting.events;

import java.time.Instant;

import cocon.shared.*;

/**
 * A collectivité withdrew its support before the window closed. Published within {@link SupportsRecorded}.
 */
public record SupportWithdrawn(ProposalId proposalId, CampaignId campaignId, Siren siren, Instant withdrawnAt) implements org.jmolecules.event.types.DomainEvent {
}
