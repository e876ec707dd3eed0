package cocon.curation;

import java.time.Instant;
import java.util.List;

import cocon.shared.CampaignId;
import cocon.shared.Refusal;

/**
 * What curation knows of a campaign, copied from governance's events: its themes and when the support window
 * closes (proposals can be published, and published proposals merged, until then).
 */
record CampaignCopy(CampaignId id, String title, List<String> themes, Instant supportsOpen, Instant supportsClose) {

	CampaignCopy {
		themes = themes == null ? List.of() : List.copyOf(themes);
	}

	boolean hasTheme(String theme) {
		return themes.contains(theme);
	}

	void requireTheme(String theme) {
		if (!hasTheme(theme)) {
			throw Refusal.Invalid.field("theme", "Le thème « " + theme + " » n'est pas un thème de la campagne ("
					+ String.join(", ", themes) + ").");
		}
	}

	/** Publication opens a proposal for support: refused once the support window has closed. */
	void requireSupportWindowNotClosed(Instant now) {
		if (supportsClose != null && now.isAfter(supportsClose)) {
			throw new IllegalTransition("La période de soutien de la campagne est close : "
					+ "plus aucune proposition ne peut être publiée ni fusionnée avec une proposition publiée.");
		}
	}
}
