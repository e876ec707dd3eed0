package cocon.intake;

import java.util.List;
import java.util.Optional;

import java.time.Instant;

import org.jmolecules.ddd.annotation.Entity;
import org.jmolecules.ddd.annotation.Identity;

import cocon.shared.CampaignId;
import cocon.shared.Window;

/**
 * Intake's own copy of a campaign, learned from governance's {@code CampaignScheduled} and {@code CalendarChanged}:
 * what a contribution needs to be accepted (its themes and the contribution window).
 */
@Entity
record Campaign(@Identity CampaignId id, String title, List<String> themes, Window contributions) {

	Campaign {
		themes = List.copyOf(themes);
	}

	boolean acceptsContributionsAt(Instant instant) {
		return contributions.contains(instant);
	}

	/** The campaign's spelling of the given theme, matched without regard to case or surrounding spaces. */
	Optional<String> theme(String text) {
		if (text == null) {
			return Optional.empty();
		}
		var wanted = text.strip();
		return themes.stream().filter(theme -> theme.equalsIgnoreCase(wanted)).findFirst();
	}
}
