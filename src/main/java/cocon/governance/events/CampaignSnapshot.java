package cocon.governance.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jmolecules.ddd.annotation.ValueObject;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;

/**
 * The whole campaign as governance holds it at {@code asOf}: what every module copies. {@link CampaignScheduled} and
 * {@link CalendarChanged} both carry it, so a module that learns of a campaign by either event holds all of it, and
 * keeps the snapshot with the newest {@code asOf} whatever order the events arrive in (ADR 0018).
 */
@ValueObject
public record CampaignSnapshot(CampaignId id, String title, List<String> themes, Set<CollectiviteKind> supportKinds,
		Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar, long envelopeEuros,
		boolean contributionTextsPublic, Instant asOf) {

	public CampaignSnapshot {
		if (id == null || calendar == null || asOf == null) {
			throw new IllegalArgumentException("Un instantané de campagne a un identifiant, un calendrier et une date.");
		}
		themes = themes == null ? List.of() : List.copyOf(themes);
		supportKinds = supportKinds == null ? Set.of() : Set.copyOf(supportKinds);
		workingGroupKinds = workingGroupKinds == null ? Set.of() : Set.copyOf(workingGroupKinds);
	}

	/** The same campaign with another calendar, as of the given instant. */
	public CampaignSnapshot withCalendar(CampaignCalendar newCalendar, Instant newAsOf) {
		return new CampaignSnapshot(id, title, themes, supportKinds, workingGroupKinds, newCalendar, envelopeEuros,
				contributionTextsPublic, newAsOf);
	}
}
