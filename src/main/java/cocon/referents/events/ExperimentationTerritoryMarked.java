package cocon.referents.events;

import java.time.Instant;

import cocon.shared.*;

/**
 * Staff marked a referent territory as an experimentation territory of its proposal: it gets the service first and
 * reports how it went (the deployment module needs it). Published once, at the first mark.
 */
public record ExperimentationTerritoryMarked(java.util.UUID applicationId, ProposalId proposalId, CampaignId campaignId, Siren siren, String collectiviteName, CollectiviteKind kind, Instant markedAt) implements org.jmolecules.event.types.DomainEvent {
}
