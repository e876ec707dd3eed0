package cocon.governance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jmolecules.ddd.annotation.ValueObject;

import cocon.shared.Refusal;

/**
 * How ready a proposal is, as a committee member assesses it: 1 an idea, 2 a confirmed need, 3 an existing solution
 * to adapt, 4 a solution ready to deploy. Refused outside that scale, on the field {@code level}.
 */
@ValueObject
record Maturity(int level) {

	static final int LOWEST = 1;
	static final int HIGHEST = 4;

	Maturity {
		if (level < LOWEST || level > HIGHEST) {
			throw Refusal.Invalid.field("level", "Le niveau de maturité va de 1 (idée) à 4 (solution prête à déployer).");
		}
	}

	/** The level given, refused when missing. */
	static Maturity of(Integer level) {
		if (level == null) {
			throw Refusal.Invalid.field("level", "Le niveau de maturité va de 1 (idée) à 4 (solution prête à déployer).");
		}
		return new Maturity(level);
	}

	/** The level as the scale names it: « 3 — Solution existante à adapter ». */
	String label() {
		return switch (level) {
			case 1 -> "1 — Idée";
			case 2 -> "2 — Besoin confirmé";
			case 3 -> "3 — Solution existante à adapter";
			default -> "4 — Solution prête à déployer";
		};
	}

	/** Every level of the scale with its label, from the lowest. */
	static Map<Integer, String> scale() {
		var scale = new LinkedHashMap<Integer, String>();
		for (int level = LOWEST; level <= HIGHEST; level++) {
			scale.put(level, new Maturity(level).label());
		}
		return scale;
	}

	/** Where an average level stands between the lowest and the highest, from 0 to 1 (the score's maturity term). */
	static double normalised(double average) {
		return (average - LOWEST) / (HIGHEST - LOWEST);
	}
}
