package cocon.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The calendar of a campaign, in Europe/Paris time: contributions, then supports, then the shortlist decision,
 * the referent applications and the funding decision. A calendar whose windows overlap or come in the wrong
 * order is refused with the reason.
 */
@ValueObject
public record CampaignCalendar(Window contributions, Window supports, Window referentApplications,
		LocalDate shortlistDecision, LocalDate fundingDecision) {

	public CampaignCalendar {
		if (contributions == null || supports == null || referentApplications == null) {
			throw new IllegalArgumentException("Le calendrier doit comporter les périodes de contribution, de soutien et de candidature des territoires référents.");
		}
		if (shortlistDecision == null || fundingDecision == null) {
			throw new IllegalArgumentException("Le calendrier doit comporter les dates de présélection et de financement.");
		}
		if (!contributions.isBefore(supports)) {
			throw new IllegalArgumentException("La période de soutien doit commencer après la clôture des contributions.");
		}
		if (!startOf(shortlistDecision).isAfter(supports.closes())) {
			throw new IllegalArgumentException("La présélection doit être décidée après la clôture des soutiens.");
		}
		if (referentApplications.opens().isBefore(startOf(shortlistDecision))) {
			throw new IllegalArgumentException("Les candidatures des territoires référents doivent ouvrir le jour de la présélection ou après.");
		}
		if (!fundingDecision.isAfter(shortlistDecision)) {
			throw new IllegalArgumentException("Le financement doit être décidé après la présélection.");
		}
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(Window.PARIS).toInstant();
	}

	/** The phase of the campaign at the given instant. */
	public Phase phaseAt(Instant now) {
		if (contributions.isAhead(now)) {
			return Phase.ANNOUNCED;
		}
		if (contributions.contains(now)) {
			return Phase.CONTRIBUTIONS;
		}
		if (supports.isAhead(now)) {
			return Phase.CURATION;
		}
		if (supports.contains(now)) {
			return Phase.SUPPORTS;
		}
		if (now.isBefore(startOf(shortlistDecision))) {
			return Phase.SHORTLIST;
		}
		if (now.isBefore(startOf(fundingDecision))) {
			return referentApplications.contains(now) ? Phase.REFERENT_APPLICATIONS : Phase.WORKING_GROUPS;
		}
		return Phase.FUNDING;
	}

	/** The phases of a campaign, derived from its calendar and the clock. */
	public enum Phase {
		ANNOUNCED("Annoncée"),
		CONTRIBUTIONS("Appel à contributions"),
		CURATION("Analyse des contributions"),
		SUPPORTS("Soutiens des collectivités"),
		SHORTLIST("Présélection par le comité"),
		REFERENT_APPLICATIONS("Candidatures des territoires référents"),
		WORKING_GROUPS("Groupes de travail"),
		FUNDING("Financement des projets");

		private final String label;

		Phase(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
