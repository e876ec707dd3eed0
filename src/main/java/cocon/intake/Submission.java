package cocon.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contributor writes (form, API or a CSV row), before it is checked against the campaign. Its checks give
 * every problem at once, field by field, in French, so that the form, the API and the import say the same.
 */
record Submission(String title, String need, String theme, String authorRole, String authorFunction) {

	static final int TITLE_MAX = 200;
	static final int NEED_MAX = 5000;
	static final int FUNCTION_MAX = 200;

	Submission {
		title = strip(title);
		need = strip(need);
		theme = strip(theme);
		authorRole = strip(authorRole);
		authorFunction = strip(authorFunction);
	}

	/** The problems of this submission for the given campaign, by field (empty when it is acceptable). */
	Map<String, String> problems(Campaign campaign) {
		var problems = new LinkedHashMap<String, String>();
		required(problems, "title", title, "Le titre est obligatoire.");
		if (title != null && title.length() > TITLE_MAX) {
			problems.put("title", "Le titre ne doit pas dépasser " + TITLE_MAX + " caractères (il en compte " + title.length() + ").");
		}
		required(problems, "need", need, "La description du besoin est obligatoire.");
		if (need != null && need.length() > NEED_MAX) {
			problems.put("need", "La description du besoin ne doit pas dépasser " + NEED_MAX + " caractères (elle en compte " + need.length() + ").");
		}
		required(problems, "theme", theme, "Le thème est obligatoire.");
		if (theme != null && campaign.theme(theme).isEmpty()) {
			problems.put("theme", "Le thème « " + theme + " » n'est pas un thème de la campagne. Thèmes possibles : "
					+ String.join(", ", campaign.themes()) + ".");
		}
		required(problems, "authorRole", authorRole, "Le rôle de l'auteur est obligatoire (" + AuthorRole.expected() + ").");
		if (authorRole != null && AuthorRole.parse(authorRole).isEmpty()) {
			problems.put("authorRole", "Le rôle « " + authorRole + " » est inconnu : " + AuthorRole.expected() + " attendu.");
		}
		required(problems, "authorFunction", authorFunction, "La fonction de l'auteur est obligatoire.");
		if (authorFunction != null && authorFunction.length() > FUNCTION_MAX) {
			problems.put("authorFunction", "La fonction ne doit pas dépasser " + FUNCTION_MAX + " caractères.");
		}
		return problems;
	}

	private static void required(Map<String, String> problems, String field, String value, String message) {
		if (value == null) {
			problems.put(field, message);
		}
	}

	private static String strip(String text) {
		if (text == null) {
			return null;
		}
		var stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
