package cocon.governance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;

/**
 * What the committee sees side by side before deciding: supports (final tally once closed, live count before),
 * breakdown by kind, average maturity and the score
 * {@code score = 100 × (ws × supports / max supports + wm × (maturity − 1) / 3) / (ws + wm)}; an unassessed
 * proposal counts as maturity 1. The committee is not bound by the score.
 */
record DecisionInputs(UUID campaignId, String supportsSource, double supportsWeight, double maturityWeight,
		String formula, Integer targetShortlistSize, List<Row> proposals) {

	/** Default weights of the score: supports count a little more than maturity. */
	static final double DEFAULT_SUPPORTS_WEIGHT = 0.6;
	static final double DEFAULT_MATURITY_WEIGHT = 0.4;

	/** The largest weight of the score: beyond it, the other weight no longer counts. */
	static final double WEIGHT_MAX = 100;

	static final String FORMULA = "score = 100 × (poidsSoutiens × soutiens ÷ soutiens maximum + poidsMaturité × "
			+ "(maturité moyenne − 1) ÷ 3) ÷ (poidsSoutiens + poidsMaturité)";

	record Row(UUID proposalId, String title, String theme, int supports, Map<CollectiviteKind, Integer> byKind,
			long populationCovered, Double averageMaturity, int maturityAssessments, double score, int rank,
			List<String> membersInConflict, boolean shortlisted) {

		Row withRank(int rank) {
			return new Row(proposalId, title, theme, supports, byKind, populationCovered, averageMaturity,
					maturityAssessments, score, rank, membersInConflict, shortlisted);
		}
	}

	/** Refuses weights that are not numbers from 0 to {@link #WEIGHT_MAX}, at least one of them positive. */
	static void checkWeights(double supportsWeight, double maturityWeight) {
		// NaN and infinities pass every comparison below the wrong way (NaN < 0 is false): refused first, by name.
		var errors = new Refusal.Collector();
		weight(supportsWeight, "supportsWeight", errors);
		weight(maturityWeight, "maturityWeight", errors);
		errors.throwIfAny();
		if (supportsWeight + maturityWeight <= 0) {
			throw Refusal.Invalid.field("supportsWeight", "Les poids sont positifs ou nuls, et l'un d'eux au moins est positif.");
		}
	}

	private static void weight(double value, String field, Refusal.Collector errors) {
		if (!Double.isFinite(value) || value < 0 || value > WEIGHT_MAX) {
			errors.add(field, "Le poids est un nombre de 0 à 100 (par exemple 0.6).");
		}
	}

	/** The standing proposals of the campaign ranked by score, with what the committee knows of each. */
	static DecisionInputs of(Campaign campaign, Committee committee, List<ProposalBook.KnownProposal> standing,
			Map<UUID, ProposalBook.Tally> tallies, boolean supportsClosed, double supportsWeight,
			double maturityWeight) {
		checkWeights(supportsWeight, maturityWeight);
		var maturity = committee == null ? Map.<ProposalId, Committee.AverageMaturity>of() : committee.averageMaturity();
		var shortlisted = committee == null ? java.util.Set.<ProposalId>of() : committee.shortlisted();
		var max = standing.stream().mapToInt(p -> supportsOf(tallies, p.id())).max().orElse(0);
		var rows = new ArrayList<Row>();
		for (var p : standing) {
			var supports = supportsOf(tallies, p.id());
			var tally = tallies.get(p.id().id());
			var m = maturity.get(p.id());
			var normalisedSupports = max == 0 ? 0 : (double) supports / max;
			var normalisedMaturity = m == null ? 0 : Maturity.normalised(m.average());
			var score = 100 * (supportsWeight * normalisedSupports + maturityWeight * normalisedMaturity)
					/ (supportsWeight + maturityWeight);
			rows.add(new Row(p.id().id(), p.title(), p.theme(), supports, tally == null ? Map.of() : tally.byKind(),
					tally == null ? 0 : tally.population(), m == null ? null : Math.round(m.average() * 100) / 100.0,
					m == null ? 0 : m.assessments(), Math.round(score * 10) / 10.0, 0,
					committee == null ? List.of() : committee.membersInConflict(p.id()), shortlisted.contains(p.id())));
		}
		rows.sort(Comparator.comparingDouble(Row::score).reversed()
				.thenComparing(Comparator.comparingInt(Row::supports).reversed())
				.thenComparing(Row::title));
		var ranked = new ArrayList<Row>();
		for (int i = 0; i < rows.size(); i++) {
			ranked.add(rows.get(i).withRank(i + 1));
		}
		return new DecisionInputs(campaign.getId().id(), supportsClosed ? "FINAL" : "LIVE", supportsWeight,
				maturityWeight, FORMULA, campaign.targetShortlistSize(), ranked);
	}

	private static int supportsOf(Map<UUID, ProposalBook.Tally> tallies, ProposalId id) {
		var tally = tallies.get(id.id());
		return tally == null ? 0 : tally.count();
	}
}
