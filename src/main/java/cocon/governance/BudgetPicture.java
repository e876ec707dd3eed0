package cocon.governance;

import cocon.shared.Euros;

/** The budget-use picture of the decision pages: the share funded in percent and its text alternative. */
record BudgetPicture(double fundedPercent, String funded, String remaining, String envelope, String description) {

	static BudgetPicture of(long envelope, long funded) {
		var percent = envelope == 0 ? 0 : Math.min(100, 100.0 * funded / envelope);
		var rounded = Math.round(percent * 10) / 10.0;
		var f = Euros.of(funded).formatted();
		var r = Euros.of(Math.max(0, envelope - funded)).formatted();
		var e = Euros.of(envelope).formatted();
		return new BudgetPicture(rounded, f, r, e, "Budget engagé : " + f + " sur une enveloppe de " + e + " ("
				+ FrenchFormats.decimal(rounded) + " %) ; reste " + r + ".");
	}
}
