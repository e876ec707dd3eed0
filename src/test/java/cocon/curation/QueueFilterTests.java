package cocon.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The queue's filter as the address and the forms carry it, without Spring nor database. */
class QueueFilterTests {

	@Test
	void whatAFormCarriesBackIsTheSameFilter() {
		var filter = QueueFilter.ofPage("école C++ & 100 %", "Éducation et jeunesse", "213 105 554", "grouped", 3, 50);

		var carried = QueueFilter.carried(filter.query());

		assertThat(carried).isEqualTo(filter);
		assertThat(carried.status()).isEqualTo("GROUPED");
		assertThat(carried.siren()).isEqualTo("213105554");
		assertThat(filter.address("c", "contribution-1")).startsWith("/curation/campagnes/c?q=").endsWith("#contribution-1");
	}

	@Test
	void anAddressEditedByHandFallsBackToWhatTheQueueShowsFirst() {
		var filter = QueueFilter.ofPage(" ", null, null, "PERDU", -2, 7);
		assertThat(filter).isEqualTo(new QueueFilter(null, null, null, "PENDING", 0, 25));
		assertThat(filter.query()).isEmpty();
		assertThat(QueueFilter.carried("//ailleurs.example/?page=x")).isEqualTo(filter);
		assertThat(QueueFilter.carried(null)).isEqualTo(filter);
	}

	@Test
	void theWordsTypedReachTheSearchWithoutAccentsAndWithoutTheSyntaxOfAQuery() {
		var filter = QueueFilter.ofPage("L'ÉCOLE numérique & cœur | !x:*", null, null, null, 0, 25);
		assertThat(filter.textQuery()).isEqualTo("ecole:* & numerique:* & coeur:*");
		assertThat(filter.phrase()).isEqualTo("%l'ecole numerique & coeur | !x:*%");
		assertThat(QueueFilter.ofPage("50%_", null, null, null, 0, 25).phrase()).isEqualTo("%50\\%\\_%");
		assertThat(QueueFilter.ofPage("a", null, null, null, 0, 25).textQuery()).isNull();
	}
}
