package cocon.governance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cocon.shared.CampaignCalendar;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;

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

	Draft validate() {
		var errors = new InvalidInput.Collector();
		if (title == null || title.isBlank()) {
			errors.add("title", "Le titre est obligatoire.");
		}
		else if (title.strip().length() > 200) {
			errors.add("title", "Le titre ne doit pas dépasser 200 caractères.");
		}
		if (description == null || description.isBlank()) {
			errors.add("description", "La description est obligatoire.");
		}
		if (envelopeEuros == null) {
			errors.add("envelopeEuros", "L'enveloppe en euros est obligatoire.");
		}
		else if (envelopeEuros <= 0) {
			errors.add("envelopeEuros", "L'enveloppe doit être un montant positif en euros.");
		}
		if (themes == null || themes.isEmpty()) {
			errors.add("themes", "Indiquez au moins un thème.");
		}
		else {
			var seen = new java.util.HashSet<String>();
			for (int i = 0; i < themes.size(); i++) {
				var theme = themes.get(i);
				if (theme == null || theme.isBlank()) {
					errors.add("themes[" + i + "]", "Un thème ne peut pas être vide.");
				}
				else if (!seen.add(theme.strip().toLowerCase(java.util.Locale.FRENCH))) {
					errors.add("themes[" + i + "]", "Le thème « " + theme.strip() + " » figure deux fois.");
				}
			}
		}
		var support = kinds(supportKinds, "supportKinds", errors);
		var workingGroups = kinds(workingGroupKinds, "workingGroupKinds", errors);
		if (targetShortlistSize != null && targetShortlistSize <= 0) {
			errors.add("targetShortlistSize", "Le nombre visé de propositions présélectionnées doit être positif.");
		}
		CampaignCalendar parsed = null;
		if (calendar == null) {
			errors.add("calendar", "Le calendrier est obligatoire.");
		}
		else {
			parsed = calendar.toCalendar("calendar", errors);
		}
		errors.throwIfAny();
		return new Draft(title.strip(), description.strip(), Euros.of(envelopeEuros),
				themes.stream().map(String::strip).toList(), support, workingGroups, parsed, targetShortlistSize,
				Boolean.TRUE.equals(contributionTextsPublic));
	}

	private static Set<CollectiviteKind> kinds(List<String> names, String field, InvalidInput.Collector errors) {
		if (names == null || names.isEmpty()) {
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
