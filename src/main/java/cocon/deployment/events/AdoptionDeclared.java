package cocon.deployment.events;

import java.time.Instant;
import java.util.UUID;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;

/**
 * A collectivité declared a new adoption status for a service: {@code INTERESSEE}, {@code EN_TEST},
 * {@code EN_SERVICE} or {@code ABANDONNEE}. Published once per change (declaring the same status again publishes
 * nothing). The organisation is public; the agent who declared it and the note are not carried.
 *
 * @param previousStatus the status before, or {@literal null} for the collectivité's first declaration
 */
public record AdoptionDeclared(UUID serviceId, CampaignId campaignId, Siren siren, String collectiviteName,
		CollectiviteKind kind, String departement, String status, String previousStatus, Instant declaredAt)
		implements org.jmolecules.event.types.DomainEvent {
}
