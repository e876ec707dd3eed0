package cocon.referents.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * A collectivité applied to a shortlisted proposal's call and became a referent territory, member of its working group.
 */
public record ReferentTerritoryJoined(java.util.UUID applicationId, ProposalId proposalId, CampaignId campaignId, Siren siren, String collectiviteName, CollectiviteKind kind, Instant joinedAt) implements org.jmolecules.event.types.DomainEvent {
}
