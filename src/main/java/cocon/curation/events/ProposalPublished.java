package cocon.curation.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * A proposal was published: it is open for support. Published once per proposal.
 */
public record ProposalPublished(ProposalId proposalId, CampaignId campaignId, String title, String summary, String theme, java.util.List<Siren> contributorOrganisations, Instant publishedAt) implements org.jmolecules.event.types.DomainEvent {
}
