package cocon.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The calendar of a campaign, in Europe/Paris time: contributions, then supports, then the shortlist decision,
 * the referent applications and the funding decision. A calendar whose windows are missing, overlap or come in the
 * wrong order is refused as {@link Refusal.Invalid}, each reason on the field at fault, named as in the calendar
 * ({@code supports.opens}, {@code shortlistDecision}, …): a form puts the reason under its input without reading it.
 */
@ValueObject
public record CampaignCalendar(Window contributions, Window supports, Window referentApplications,
		LocalDate shortlistDecision, LocalDate fundingDecision) {

	public CampaignCalendar {
		var errors = new Refusal.Collector();
		var windows = "Le calendrier doit comporter les périodes de contribution, de soutien et de candidature des territoires référents.";
		if (contributions == null) {
			errors.add("contributions", windows);
		}
		else if (supports == null) {
			errors.add("supports", windows);
		}
		else if (referentApplications == null) {
			errors.add("referentApplications", windows);
		}
		else if (shortlistDecision == null || fundingDecision == null) {
			errors.add(shortlistDecision == null ? "shortlistDecision" : "fundingDecision",
					"Le calendrier doit comporter les dates de présélection et de financement.");
		}
		// an ordering rule names the later of its two fields: the one that comes too early
		else if (!contributions.isBefore(supports)) {
			errors.add("supports.opens", "La période de soutien doit commencer après la clôture des contributions.");
		}
		else if (!startOf(shortlistDecision).isAfter(supports.closes())) {
			errors.add("shortlistDecision", "La présélection doit être décidée après la clôture des soutiens.");
		}
		else if (referentApplications.opens().isBefore(startOf(shortlistDecision))) {
			errors.add("referentApplications.opens",
					"Les candidatures des territoires référents doivent ouvrir le jour de la présélection ou après.");
		}
		else if (!fundingDecision.isAfter(shortlistDecision)) {
			errors.add("fundingDecision", "Le financement doit être décidé après la présélection.");
		}
		errors.throwIfAny();
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
