package cocon.voting;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds proposals by the words of a need, as an agent would type them (« inscription cantine », « Démarches en
 * ligne pour la cantine scolaire »): without accents, case or punctuation, the little words of French left out, a
 * plural matching its singular and a word the beginning of a longer one (« inscri » finds « inscriptions »).
 * The proposals holding every word come first; when none holds them all, those holding the most of them, so that a
 * sentence describing the need still finds something. A campaign holds some 67 proposals: searched in memory.
 */
final class ProposalSearch {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** Words too common to say anything of a need. */
	private static final Set<String> LITTLE_WORDS = Set.of("a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de",
			"des", "du", "en", "et", "l", "la", "le", "les", "leur", "leurs", "ma", "mes", "mon", "nos", "notre", "ou",
			"par", "pour", "qu", "que", "qui", "sa", "ses", "son", "sur", "un", "une", "vos", "votre", "nous", "vous",
			"on", "est", "sont", "y", "il", "elle", "ils", "se", "ne", "pas", "plus", "faire", "avoir", "etre");

	/** The outcome of a search: what matches, and whether it only matches some words of the query. */
	record Found<T>(List<T> items, boolean partial) {
	}

	private final List<String> words;

	private ProposalSearch(List<String> words) {
		this.words = words;
	}

	/** The search for the words of {@code query}; blank or only little words: everything matches. */
	static ProposalSearch of(String query) {
		var words = Arrays.stream(normalise(query).split(" ")).filter(w -> !w.isEmpty() && !LITTLE_WORDS.contains(w))
				.map(ProposalSearch::singular).distinct().toList();
		return new ProposalSearch(words);
	}

	boolean isEmpty() {
		return words.isEmpty();
	}

	/**
	 * The items matching, best first (stable otherwise): every word, or failing that, at least one, most words first.
	 *
	 * @param text what is searched of an item (its title, summary and theme)
	 */
	<T> Found<T> in(List<T> items, Function<T, String> text) {
		if (words.isEmpty()) {
			return new Found<>(items, false);
		}
		record Scored<T>(T item, int score) {
		}
		var scored = new ArrayList<Scored<T>>();
		for (var item : items) {
			int score = score(text.apply(item));
			if (score > 0) {
				scored.add(new Scored<>(item, score));
			}
		}
		var all = scored.stream().filter(s -> s.score() == words.size()).map(Scored::item).toList();
		if (!all.isEmpty()) {
			return new Found<>(all, false);
		}
		scored.sort(Comparator.comparingInt((Scored<T> s) -> s.score()).reversed());
		return new Found<>(scored.stream().map(Scored::item).toList(), true);
	}

	/** How many words of the query the text holds (a word of the text beginning with it counts). */
	int score(String text) {
		var textWords = Arrays.stream(normalise(text).split(" ")).filter(w -> !w.isEmpty())
				.map(ProposalSearch::singular).toList();
		int score = 0;
		for (var word : words) {
			if (textWords.stream().anyMatch(candidate -> candidate.startsWith(word))) {
				score++;
			}
		}
		return score;
	}

	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
				.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
		return SEPARATORS.matcher(folded).replaceAll(" ").trim();
	}

	/** A plural read as its singular (« communes », « travaux » → « commune », « travau »), on both sides alike. */
	private static String singular(String word) {
		if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}
}
