package cocon.deployment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * French text as the catalogue compares it: without accents, case or punctuation ({@code Démarches} and
 * {@code demarches} match). The catalogue holds one row per funded project, so it is searched in memory.
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
				.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
		return SEPARATORS.matcher(folded).replaceAll(" ").trim();
	}

	/** Whether every word of the query is found in the text. */
	static boolean matches(String text, String query) {
		var haystack = " " + normalise(text) + " ";
		for (var word : normalise(query).split(" ")) {
			if (!word.isEmpty() && !haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}
}
