package cocon.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cocon.shared.FrenchNumbers;

/**
 * A map of France by département, drawn by the server (issue 26): each département a shade of one colour, from none
 * to the largest count, over the outlines of {@code /dsfr-chart/departements.svg} (written at build time from
 * DSFR Chart's map). No chart library in the page: DSFR Chart's map cost a phone 200 KB and two seconds of processor
 * to colour these same shapes. Drawn by the fragment {@code shared/map :: departements(map, indicator)}; the supports'
 * map and a service's map of its adopters use it.
 *
 * @param metropole the départements of metropolitan France, drawn in one picture
 * @param outremer the overseas départements, each drawn in a picture of its own
 * @param legend what each shade stands for, lightest first
 */
public record DepartementsMap(List<Area> metropole, List<Area> outremer, List<Shade> legend) {

	/** The darkest shade; 0 is the shade of a département that gives no support. */
	static final int SHADES = 5;

	/** The départements of the outlines (metropolitan, Corsica, the five overseas), in the order they are drawn. */
	static final List<String> CODES = Stream.concat(
			IntStream.rangeClosed(1, 95).filter(n -> n != 20).mapToObj(n -> String.format("%02d", n)),
			Stream.of("2A", "2B", "971", "972", "973", "974", "976")).toList();

	/** A département and its shade. */
	public record Area(String code, int shade) {
	}

	/** A shade of the legend and the counts it stands for. */
	public record Shade(int shade, String label) {
	}

	/**
	 * The map of these counts by département code: every département of the outlines is drawn, at 0 when it has no
	 * count (the scale then runs from 0); a code the outlines do not hold is left out (it stays in the page's table).
	 */
	public static DepartementsMap of(Map<String, Long> counts) {
		var all = new LinkedHashMap<String, Long>();
		CODES.forEach(code -> all.put(code, counts.getOrDefault(code, 0L)));
		return draw(all);
	}

	private static DepartementsMap draw(Map<String, Long> counts) {
		long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
		var metropole = new ArrayList<Area>();
		var outremer = new ArrayList<Area>();
		counts.forEach((code, count) -> {
			var area = new Area(code, shade(count, max));
			(code.length() == 3 ? outremer : metropole).add(area);
		});
		var legend = new ArrayList<Shade>();
		legend.add(new Shade(0, "0"));
		for (int shade = 1; shade <= SHADES; shade++) {
			long from = max * (shade - 1) / SHADES + 1;
			long to = max * shade / SHADES;
			if (from <= to) {
				legend.add(new Shade(shade, from == to ? FrenchNumbers.integer(from) : FrenchNumbers.integer(from) + " à " + FrenchNumbers.integer(to)));
			}
		}
		return new DepartementsMap(metropole, outremer, legend);
	}

	/** The shade of a count: 0 for none, then the fifth of the largest count it reaches (1 to 5). */
	static int shade(long count, long max) {
		return count <= 0 || max <= 0 ? 0 : (int) Math.max(1, Math.min(SHADES, (SHADES * count + max - 1) / max));
	}
}
