package cocon.governance.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cocon.shared.*;

/**
 * The calendar of a campaign changed (a window extended or closed early): modules replace their copy.
 */
public record CalendarChanged(CampaignId campaignId, CampaignCalendar calendar, String changedBy, Instant changedAt) implements org.jmolecules.event.types.DomainEvent {
}
