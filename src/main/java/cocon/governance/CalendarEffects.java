package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jmolecules.ddd.annotation.Service;

import cocon.shared.FrenchDates;
import cocon.shared.CampaignCalendar;
import cocon.shared.Window;

/**
 * What a calendar does right now that the administrator may not mean: a window under way closed at once, a window
 * moved into the past, a decision day already gone. The pages ask for a confirmation that names each of them.
 */
@Service
final class CalendarEffects {

	private CalendarEffects() {
	}

	/** The effects of replacing {@code before} by {@code after} at {@code now}, in French; empty when none. */
	static List<String> ofChange(CampaignCalendar before, CampaignCalendar after, Instant now) {
		var effects = new ArrayList<String>();
		window(effects, "La période de contributions", before.contributions(), after.contributions(), now);
		window(effects, "La période de soutien", before.supports(), after.supports(), now);
		window(effects, "La période de candidature des territoires référents", before.referentApplications(),
				after.referentApplications(), now);
		day(effects, "Le comité de présélection", before.shortlistDecision(), after.shortlistDecision(), now);
		day(effects, "Le comité de financement", before.fundingDecision(), after.fundingDecision(), now);
		var phaseBefore = before.phaseAt(now);
		var phaseAfter = after.phaseAt(now);
		if (phaseBefore != phaseAfter) {
			effects.add("La campagne passe aussitôt de la phase « " + phaseBefore.label() + " » à la phase « "
					+ phaseAfter.label() + " ».");
		}
		return effects;
	}

	/**
	 * The effects of a new campaign's calendar at {@code now}: every window already past; empty when none (a window
	 * open from today is a campaign that starts now, not a mistake).
	 */
	static List<String> ofNew(CampaignCalendar calendar, Instant now) {
		var effects = new ArrayList<String>();
		if (calendar.phaseAt(now) == CampaignCalendar.Phase.FUNDING) {
			effects.add("Tout le calendrier est déjà passé : la campagne commencerait directement en phase « "
					+ CampaignCalendar.Phase.FUNDING.label() + " », sans contributions ni soutiens possibles.");
			return effects;
		}
		pastWindow(effects, "La période de contributions", calendar.contributions(), now);
		pastWindow(effects, "La période de soutien", calendar.supports(), now);
		pastWindow(effects, "La période de candidature des territoires référents", calendar.referentApplications(), now);
		if (!effects.isEmpty()) {
			effects.add("La campagne commencerait directement en phase « " + calendar.phaseAt(now).label() + " ».");
		}
		return effects;
	}

	private static void window(List<String> effects, String label, Window before, Window after, Instant now) {
		if (before.equals(after)) {
			return;
		}
		if (before.contains(now) && after.isOver(now)) {
			effects.add(label + ", ouverte, serait close aussitôt (clôture le " + when(after.closes())
					+ ", déjà passée, au lieu du " + when(before.closes()) + ").");
		}
		else if (!before.isOver(now) && after.isOver(now)) {
			effects.add(label + " serait entièrement passée (du " + when(after.opens()) + " au " + when(after.closes())
					+ ") : elle n'aurait jamais lieu.");
		}
		else if (before.isAhead(now) && after.contains(now)) {
			effects.add(label + " s'ouvrirait aussitôt (ouverture le " + when(after.opens()) + ", déjà passée).");
		}
	}

	private static void pastWindow(List<String> effects, String label, Window window, Instant now) {
		if (window.isOver(now)) {
			effects.add(label + " est déjà passée (du " + when(window.opens()) + " au " + when(window.closes()) + ").");
		}
	}

	private static void day(List<String> effects, String label, LocalDate before, LocalDate after, Instant now) {
		var today = LocalDate.ofInstant(now, Window.PARIS);
		if (!before.equals(after) && after.isBefore(today) && !before.isBefore(today)) {
			effects.add(label + " serait fixé à une date passée (" + FrenchDates.weekday(after) + ").");
		}
	}

	private static String when(Instant instant) {
		return FrenchDates.weekdayTime(instant);
	}
}
