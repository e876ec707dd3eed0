package cocon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

	@Test
	void foldsAccentsCaseLigaturesAndPunctuation() {
		assertThat(SearchText.normalise("Saint-Étienne")).isEqualTo("saint etienne");
		assertThat(SearchText.normalise("  L'Œuvre  de la Straße ")).isEqualTo("l oeuvre de la strasse");
		assertThat(SearchText.normalise(null)).isEmpty();
		assertThat(SearchText.words("")).isEmpty();
	}

	@Test
	void matchesWhenEveryWordOfTheQueryIsFound() {
		assertThat(SearchText.matches("Démarches en ligne des familles", "demarches FAMILLE")).isTrue();
		assertThat(SearchText.matches("Démarches en ligne des familles", "démarches cantine")).isFalse();
		assertThat(SearchText.matches("Démarches", "  ")).isTrue();
	}
}
