package cocon.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cocon.shared.CampaignId;
import cocon.shared.Euros;

/**
 * The public page of budget use: how much of the envelope the committee's funding decisions engage, in total and
 * by shortlisted proposal, as DSFR charts with their data tables.
 */
@Controller
class BudgetPages {

	/** A shortlisted proposal and what its funded projects engage. */
	record ProposalBudget(UUID proposalId, String title, int projects, long euros, String amount, String share) {

		/** The amount as the chart writes it beside its bar: « 1,5 M€ ». */
		public String compact() {
			return FrenchFormats.compactEuros(euros);
		}
	}

	/**
	 * A bar of the chart by proposal, drawn by the server (issue 25, point 7): its length relative to the largest, and
	 * its amount written in French beside it, on a line of its own, so that no label overlaps another.
	 */
	record Bar(String title, String amount, double length) {
	}

	private final SteeringCommittee committee;
	private final CampaignManagement campaigns;
	private final Clock clock;

	BudgetPages(SteeringCommittee committee, CampaignManagement campaigns, Clock clock) {
		this.committee = committee;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@GetMapping("/campagnes/{id}/budget")
	String budget(@PathVariable CampaignId id, Model model) {
		var campaign = campaigns.get(id);
		var decisions = committee.decisions(id);
		long envelope = decisions.envelopeEuros();
		long funded = decisions.totalFundedEuros();
		var byProposal = new LinkedHashMap<UUID, long[]>();
		var titles = new LinkedHashMap<UUID, String>();
		decisions.shortlist().forEach(p -> {
			byProposal.put(p.proposalId(), new long[2]);
			titles.put(p.proposalId(), p.title());
		});
		for (var project : decisions.fundedProjects()) {
			titles.putIfAbsent(project.proposalId(), project.proposalTitle());
			var sums = byProposal.computeIfAbsent(project.proposalId(), key -> new long[2]);
			sums[0]++;
			sums[1] += project.budgetEuros();
		}
		var rows = new ArrayList<ProposalBudget>();
		byProposal.forEach((proposal, sums) -> rows.add(new ProposalBudget(proposal, titles.get(proposal),
				(int) sums[0], sums[1], Euros.of(sums[1]).formatted(), percent(sums[1], envelope))));
		rows.sort((a, b) -> Long.compare(b.euros(), a.euros()));
		var fundedRows = rows.stream().filter(row -> row.euros() > 0).toList();

		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("rows", rows);
		model.addAttribute("funded", Euros.of(funded).formatted());
		model.addAttribute("remaining", Euros.of(Math.max(0, envelope - funded)).formatted());
		model.addAttribute("envelope", Euros.of(envelope).formatted());
		model.addAttribute("fundedPercent", percent(funded, envelope));
		model.addAttribute("anyFunded", funded > 0);
		// the envelope drawn by the server (a ring of circumference 100, no chart library to download: issue 26)
		double share = envelope == 0 ? 0 : Math.min(100.0, 100.0 * funded / envelope);
		model.addAttribute("fundedDash", String.format(Locale.ROOT, "%.2f %.2f", share, 100 - share));
		long largest = fundedRows.stream().mapToLong(ProposalBudget::euros).max().orElse(1);
		model.addAttribute("bars", fundedRows.stream().map(row -> new Bar(row.title(), row.compact(),
				Math.max(0.5, Math.round(1000.0 * row.euros() / largest) / 10.0))).toList());
		model.addAttribute("envelopeCompact", FrenchFormats.compactEuros(envelope));
		return "governance/budget";
	}

	/** The percent of the whole, with one decimal at most and a French decimal comma (12,5). */
	static String percent(long part, long whole) {
		return FrenchFormats.decimal(whole == 0 ? 0 : 100.0 * part / whole);
	}
}
