package cocon.referents.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * The working group of a shortlisted proposal was formed (its call for expressions of interest opened).
 */
public record WorkingGroupFormed(ProposalId proposalId, CampaignId campaignId, String proposalTitle, Instant formedAt) implements org.jmolecules.event.types.DomainEvent {
}
