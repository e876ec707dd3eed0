package cocon.referents.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * A referent territory left the working group of a shortlisted proposal (it may join again); {@code experimentation}
 * says whether it was one of the group's experimentation territories, which the service's team must then replace.
 */
public record ReferentTerritoryLeft(java.util.UUID applicationId, ProposalId proposalId, CampaignId campaignId,
		Siren siren, String collectiviteName, CollectiviteKind kind, boolean experimentation, Instant leftAt)
		implements org.jmolecules.event.types.DomainEvent {
}
