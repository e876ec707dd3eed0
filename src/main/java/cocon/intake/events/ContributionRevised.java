package cocon.intake.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;

/**
 * Its author corrected a contribution that was still waiting to be triaged, inside the contribution window: the new
 * text replaces the old one for curation (the same content {@link ContributionSubmitted} carries; the author's name,
 * e-mail and function stay in intake).
 */
public record ContributionRevised(ContributionId contributionId, CampaignId campaignId, String title, String need,
		String theme, String authorRole, Instant revisedAt) implements org.jmolecules.event.types.DomainEvent {
}
