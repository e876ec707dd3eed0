package cocon.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The map of supports by département, drawn by the server (issue 26): each département a shade of one colour, from
 * none to the most supported, over the outlines of {@code /dsfr-chart/departements.svg} (written at build time from
 * DSFR Chart's map). No chart library in the page: DSFR Chart's map cost a phone 200 KB and two seconds of processor
 * to colour these same shapes.
 *
 * @param metropole the départements of metropolitan France, drawn in one picture
 * @param outremer the overseas départements, each drawn in a picture of its own
 * @param legend what each shade stands for, lightest first
 */
record DepartementsMap(List<Area> metropole, List<Area> outremer, List<Shade> legend) {

	/** The darkest shade; 0 is the shade of a département that gives no support. */
	static final int SHADES = 5;

	/** A département and its shade. */
	record Area(String code, int shade) {
	}

	/** A shade of the legend and the counts it stands for. */
	record Shade(int shade, String label) {
	}

	/** The map of these counts by département code (every département of the map, at 0 when none supports). */
	static DepartementsMap of(Map<String, Long> counts) {
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
				legend.add(new Shade(shade, from == to ? String.valueOf(from) : from + " à " + to));
			}
		}
		return new DepartementsMap(metropole, outremer, legend);
	}

	/** The shade of a count: 0 for none, then the fifth of the largest count it reaches (1 to 5). */
	static int shade(long count, long max) {
		return count <= 0 || max <= 0 ? 0 : (int) Math.max(1, Math.min(SHADES, (SHADES * count + max - 1) / max));
	}
}
