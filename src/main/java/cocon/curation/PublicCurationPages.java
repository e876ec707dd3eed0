package cocon.curation;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/** Public pages of curation: a published proposal, and the curation funnel of a campaign. */
@Controller
class PublicCurationPages {

	/** A bar of the funnel picture; {@code width} is in SVG units out of {@link #WIDTH}. */
	record Bar(String label, long value, int width, int y, String colour) {
	}

	static final int WIDTH = 600;

	private final Campaigns campaigns;
	private final CurationReports reports;

	PublicCurationPages(Campaigns campaigns, CurationReports reports) {
		this.campaigns = campaigns;
		this.reports = reports;
	}

	@GetMapping("/propositions/{id}")
	String proposal(@PathVariable UUID id, Model model) {
		var proposal = reports.proposal(new ProposalId(id)).orElseThrow(this::notFound);
		if (proposal.merged()) {
			return "redirect:/propositions/" + proposal.mergedInto();
		}
		if (!proposal.published()) {
			throw notFound();
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("campaign", campaigns.findById(new CampaignId(proposal.campaignId())).orElse(null));
		return "curation/proposal";
	}

	@GetMapping("/campagnes/{id}/entonnoir")
	String funnel(@PathVariable UUID id, Model model) {
		var campaign = campaigns.findById(new CampaignId(id)).orElseThrow(this::notFound);
		var report = reports.report(campaign.id());
		var max = Math.max(1, report.received());
		var values = List.of(
				new Object[] { "Contributions reçues", report.received(), "#000091" },
				new Object[] { "En attente d'analyse", report.pending(), "#666666" },
				new Object[] { "Regroupées en propositions", report.grouped(), "#18753c" },
				new Object[] { "Réorientées", report.reoriented(), "#b34000" },
				new Object[] { "Rejetées", report.rejected(), "#ce0500" },
				new Object[] { "Propositions", report.proposals(), "#6a6af4" },
				new Object[] { "Propositions publiées", report.publishedProposals(), "#000091" });
		var bars = new java.util.ArrayList<Bar>();
		for (int i = 0; i < values.size(); i++) {
			var v = values.get(i);
			var value = (long) v[1];
			bars.add(new Bar((String) v[0], value, value == 0 ? 0 : (int) Math.max(2, value * WIDTH / max), i * 44,
					(String) v[2]));
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("report", report);
		model.addAttribute("bars", bars);
		model.addAttribute("height", bars.size() * 44);
		return "curation/funnel";
	}

	private ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Page introuvable.");
	}
}
