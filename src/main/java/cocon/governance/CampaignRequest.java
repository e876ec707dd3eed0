package cocon.governance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cocon.shared.CampaignCalendar;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;
import cocon.shared.Refusal;

/** The body of {@code POST /api/campaigns} (and of the administrator's form), checked field by field. */
record CampaignRequest(String title, String description, Long envelopeEuros, List<String> themes,
		List<String> supportKinds, List<String> workingGroupKinds, CalendarJson calendar,
		Integer targetShortlistSize, Boolean contributionTextsPublic) {

	CampaignRequest(String title, String description, Long envelopeEuros, List<String> themes,
			List<String> supportKinds, List<String> workingGroupKinds, CalendarJson calendar,
			Integer targetShortlistSize) {
		this(title, description, envelopeEuros, themes, supportKinds, workingGroupKinds, calendar, targetShortlistSize,
				null);
	}

	/** What a valid request asks for. */
	record Draft(String title, String description, Euros envelope, List<String> themes,
			Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar,
			Integer targetShortlistSize, boolean contributionTextsPublic) {
	}

	static final int DESCRIPTION_MAX = 10_000;
	static final int THEMES_MAX = 50;
	static final int THEME_MAX = 100;
	static final long ENVELOPE_MAX = 100_000_000_000L;

	/** The request checked for the API: a rule between two dates of the calendar is reported on {@code calendar}. */
	Draft validate() {
		return validate(CalendarJson.RuleErrors.ON_THE_CALENDAR);
	}

	/** The request checked, a rule between two dates of the calendar reported as {@code rules} says. */
	Draft validate(CalendarJson.RuleErrors rules) {
		var errors = new Refusal.Collector();
		errors.requireText("title", title, 200, "Le titre est obligatoire.",
				"Le titre ne doit pas dépasser 200 caractères.");
		if (description == null || description.isBlank()) {
			errors.add("description", "La description est obligatoire.");
		}
		else if (description.strip().length() > DESCRIPTION_MAX) {
			// the description goes out with every campaign list: a bounded size keeps those answers small
			errors.add("description", "La description ne doit pas dépasser 10 000 caractères (elle en compte "
					+ description.strip().length() + ").");
		}
		if (envelopeEuros == null) {
			errors.add("envelopeEuros", "L'enveloppe en euros est obligatoire.");
		}
		else if (envelopeEuros <= 0) {
			errors.add("envelopeEuros", "L'enveloppe doit être un montant positif en euros.");
		}
		else if (envelopeEuros > ENVELOPE_MAX) {
			errors.add("envelopeEuros", "L'enveloppe ne peut pas dépasser 100 milliards d'euros.");
		}
		if (themes == null || themes.isEmpty()) {
			errors.add("themes", "Indiquez au moins un thème.");
		}
		else if (themes.size() > THEMES_MAX) {
			errors.add("themes", "Une campagne compte au plus " + THEMES_MAX + " thèmes.");
		}
		else {
			var seen = new java.util.HashSet<String>();
			for (int i = 0; i < themes.size(); i++) {
				var theme = themes.get(i);
				if (errors.requireText("themes[" + i + "]", theme, THEME_MAX, "Un thème ne peut pas être vide.",
						"Un thème compte au plus " + THEME_MAX + " caractères.")
						&& !seen.add(theme.strip().toLowerCase(java.util.Locale.FRENCH))) {
					errors.add("themes[" + i + "]", "Le thème « " + theme.strip() + " » figure deux fois.");
				}
			}
		}
		var support = kinds(supportKinds, "supportKinds", errors);
		var workingGroups = kinds(workingGroupKinds, "workingGroupKinds", errors);
		if (targetShortlistSize != null && (targetShortlistSize <= 0 || targetShortlistSize > 1000)) {
			errors.add("targetShortlistSize", "Le nombre visé de propositions présélectionnées va de 1 à 1 000.");
		}
		CampaignCalendar parsed = null;
		if (calendar == null) {
			errors.add("calendar", "Le calendrier est obligatoire.");
		}
		else {
			parsed = calendar.toCalendar("calendar", errors, rules);
		}
		errors.throwIfAny();
		return new Draft(title.strip(), description.strip(), Euros.of(envelopeEuros),
				themes.stream().map(String::strip).toList(), support, workingGroups, parsed, targetShortlistSize,
				Boolean.TRUE.equals(contributionTextsPublic));
	}

	/**
	 * The kinds named, or null when the field is absent (the campaign's default applies); an empty list would let
	 * nobody support or join, and is refused.
	 */
	private static Set<CollectiviteKind> kinds(List<String> names, String field, Refusal.Collector errors) {
		if (names == null) {
			return null;
		}
		if (names.isEmpty()) {
			errors.add(field, "Indiquez au moins un type de collectivité, ou omettez le champ pour garder la valeur "
					+ "par défaut.");
			return null;
		}
		var kinds = EnumSet.noneOf(CollectiviteKind.class);
		for (var name : names) {
			try {
				kinds.add(CollectiviteKind.valueOf(name == null ? "" : name.strip()));
			}
			catch (IllegalArgumentException e) {
				errors.add(field, "Type de collectivité inconnu : « " + name
						+ " » (attendu COMMUNE, EPCI, DEPARTEMENT, REGION, COLLECTIVITE_PARTICULIERE ou OTHER).");
			}
		}
		return kinds;
	}
}
