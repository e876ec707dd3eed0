package cocon.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DepartementsMapTests {

	@Test
	void everyDepartementIsDrawnAndShadedByTheFifthOfTheLargestCountItReaches() {
		var map = DepartementsMap.of(Map.of("69", 14L, "13", 3L, "971", 1L, "99", 40L));
		assertThat(map.metropole()).hasSize(96).extracting(DepartementsMap.Area::code).startsWith("01", "02")
				.contains("2A", "2B").doesNotContain("20", "99");
		assertThat(map.metropole()).filteredOn(area -> area.shade() > 0)
				.extracting(DepartementsMap.Area::code, DepartementsMap.Area::shade)
				.containsExactlyInAnyOrder(tuple("13", 2), tuple("69", 5));
		assertThat(map.outremer()).extracting(DepartementsMap.Area::code, DepartementsMap.Area::shade)
				.containsExactly(tuple("971", 1), tuple("972", 0), tuple("973", 0), tuple("974", 0), tuple("976", 0));
		assertThat(map.legend()).extracting(DepartementsMap.Shade::label)
				.as("a code the outlines do not hold (99) does not set the scale")
				.containsExactly("0", "1 à 2", "3 à 5", "6 à 8", "9 à 11", "12 à 14");
	}

	@Test
	void aSingleCountHasItsOneShadeAndLargeCountsAreWrittenTheFrenchWay() {
		assertThat(DepartementsMap.of(Map.of("69", 1L)).legend()).extracting(DepartementsMap.Shade::label)
				.as("a single support: its one shade, no empty range").containsExactly("0", "1");
		assertThat(DepartementsMap.of(Map.of("75", 35_000L)).legend()).extracting(DepartementsMap.Shade::label)
				.last().isEqualTo("28\u202f001 à 35\u202f000");
		assertThat(DepartementsMap.of(Map.of()).legend()).extracting(DepartementsMap.Shade::label).containsExactly("0");
	}
}
