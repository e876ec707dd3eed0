package cocon.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * French text in the form every search compares: without accents or case, ligatures spelt out, hyphens,
 * apostrophes and other punctuation read as spaces ({@code Saint-Étienne} and {@code saint etienne} both give
 * {@code saint etienne}; {@code Démarches} matches {@code demarches}). Computed in Java rather than with PostgreSQL's
 * {@code unaccent}, so that a stored column and the query agree on any server.
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	/** The text normalised: lower case, no accent, words separated by one space; empty for null. */
	public static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
				.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
		return SEPARATORS.matcher(folded).replaceAll(" ").trim();
	}

	/** The words of a normalised text. */
	public static List<String> words(String normalised) {
		return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
	}

	/** Whether every word of the query is found in the text (a word may be the start or a part of a longer one). */
	public static boolean matches(String text, String query) {
		var haystack = " " + normalise(text) + " ";
		for (var word : words(normalise(query))) {
			if (!haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}
}
