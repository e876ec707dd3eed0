package cocon.voting.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * A collectivité supported a proposal: a new support was stored. Published within {@link SupportsRecorded}.
 */
public record SupportGiven(ProposalId proposalId, CampaignId campaignId, Siren siren, String collectiviteName, CollectiviteKind kind, Instant supportedAt) implements org.jmolecules.event.types.DomainEvent {
}
