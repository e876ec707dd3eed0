package cocon.directory;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which names are compared: without accents or case, hyphens, apostrophes and other punctuation
 * read as spaces ({@code Saint-Étienne} and {@code saint etienne} both give {@code saint etienne}). Computed in
 * Java rather than with PostgreSQL's {@code unaccent}, so the stored column and the query agree on any server.
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
		String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
		folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT)
				.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
		return SEPARATORS.matcher(folded).replaceAll(" ").trim();
	}

	static List<String> words(String normalised) {
		return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
	}
}
