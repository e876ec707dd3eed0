package cocon.voting.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The INSEE codes looked up SIREN by SIREN as the rows come (ADR 0069): the same answers as a map, in any order. */
class InseeCodesTests {

	@Test
	void answersAsTheMapWhateverTheOrderOfTheLookups() {
		var random = new Random(69);
		var map = new HashMap<Integer, String>();
		for (int i = 0; i < 3_000; i++) {
			map.put(200_000_000 + random.nextInt(50_000_000), "code-" + i);
		}
		var codes = new SupportsDataset.InseeCodes(map);
		var sirens = map.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		for (int proposal = 0; proposal < 3; proposal++) {
			// a proposal's supports in SIREN order, some SIRENs skipped (close or far), some unknown to the directory
			for (int i = 0; i < sirens.length; i += 1 + random.nextInt(proposal == 0 ? 1 : 20)) {
				assertThat(codes.of(sirens[i])).isEqualTo(map.get(sirens[i]));
				assertThat(codes.of(sirens[i] + 1)).isEqualTo(map.get(sirens[i] + 1));
			}
		}
		for (int i = 0; i < 5_000; i++) {
			int siren = random.nextBoolean() ? sirens[random.nextInt(sirens.length)] : 200_000_000 + random.nextInt(50_000_000);
			assertThat(codes.of(siren)).isEqualTo(map.get(siren));
		}
		assertThat(new SupportsDataset.InseeCodes(new HashMap<>()).of(216_901_231)).isNull();
	}
}
