package cocon.deployment.events;

import java.time.Instant;
import java.util.UUID;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/**
 * A service changed phase: {@code EN_CONSTRUCTION} when its project was funded (no previous phase), then
 * {@code EN_EXPERIMENTATION}, {@code DISPONIBLE}, {@code GENERALISE}, or {@code ARRETE} with the reason. Carries no
 * person: who changed it stays in the module.
 *
 * @param previousPhase the phase before, or {@literal null} for a new service
 * @param reason why the service was stopped, or {@literal null}
 */
public record ServicePhaseChanged(UUID serviceId, CampaignId campaignId, ProposalId proposalId, String serviceTitle,
		String phase, String previousPhase, String reason, Instant changedAt)
		implements org.jmolecules.event.types.DomainEvent {
}
