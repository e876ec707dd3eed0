package cocon.shared.wayfinding;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a campaign stands, for its card on the home page.
 *
 * @param id the campaign's id
 * @param title its title
 * @param phase the phase, in French
 * @param timeLeft how long the phase still lasts ("plus que 12 jours"), or null when it has no end
 * @param envelope the envelope in euros, French format
 * @param figures its key figures
 */
public record CampaignOverview(String id, String title, String phase, @Nullable String timeLeft, String envelope,
		List<CampaignFigure> figures) {
}
