package cocon.shared.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cocon.shared.CollectiviteKind;

class DatasetRowsTests {

	@Test
	void everyKindOfCollectiviteHasItsOwnCodeAmongThoseTheSchemasAllow() {
		var codes = Arrays.stream(CollectiviteKind.values()).map(kind -> DatasetRows.kind(kind.name())).toList();
		assertThat(codes).containsExactlyElementsOf(DatasetRows.KINDS).doesNotHaveDuplicates();
		assertThat(DatasetRows.kind("COLLECTIVITE_PARTICULIERE")).isEqualTo("collectivite-statut-particulier");
	}

	@Test
	void aCountedVersionIsTheCountsThenTheLastUpdateAndChangesWithAnyCount() {
		var last = Instant.parse("2021-07-05T13:00:00Z");
		var snapshot = Snapshot.counting(last, 3, 3, 20, 1, 4);
		assertThat(snapshot.version()).isEqualTo("3-20-1-4-1625490000000");
		assertThat(snapshot.rowCount()).isEqualTo(3);
		assertThat(snapshot.lastUpdate()).isEqualTo(last);
		assertThat(Snapshot.counting(last, 3, 3, 21, 1, 4).version()).isNotEqualTo(snapshot.version());
		assertThat(Snapshot.counting(last, 0).version()).isEqualTo("1625490000000");
		assertThat(new Snapshot(last, 2).version()).isEqualTo("1625490000000-2");
	}
}
