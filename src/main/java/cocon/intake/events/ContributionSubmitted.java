package cocon.intake.events;

import java.time.Instant;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;

/**
 * A contribution was received (submitted in the window or imported): what curation needs to triage it. The author's name, e-mail and function stay in intake.
 */
public record ContributionSubmitted(ContributionId contributionId, CampaignId campaignId, String title, String need, String theme, String authorRole, Siren organisationSiren, String organisationName, CollectiviteKind organisationKind, Instant submittedAt) implements org.jmolecules.event.types.DomainEvent {
}
