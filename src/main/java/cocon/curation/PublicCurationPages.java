package cocon.curation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.ProposalSupports;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/** Public pages of curation: a published proposal, and the curation funnel of a campaign. */
@Controller
class PublicCurationPages {

	/** A step of the funnel: what is counted (in full for the table, short for the chart's axis), and how many. */
	record Step(String label, String shortLabel, long value) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Campaigns campaigns;
	private final CurationReports reports;
	private final ObjectProvider<ProposalSupports> supports;
	private final Clock clock;
	/** What became of the proposal after curation, told by the modules that know it (ADR 43). */
	private final ObjectProvider<ProposalStory> stories;

	PublicCurationPages(Campaigns campaigns, CurationReports reports, ObjectProvider<ProposalSupports> supports,
			Clock clock, ObjectProvider<ProposalStory> stories) {
		this.campaigns = campaigns;
		this.reports = reports;
		this.supports = supports;
		this.clock = clock;
		this.stories = stories;
	}

	@GetMapping("/propositions/{id}")
	String proposal(@PathVariable UUID id, Model model, @Nullable CurrentUser user) {
		var proposal = reports.proposal(new ProposalId(id)).orElseThrow(this::notFound);
		if (proposal.merged()) {
			return "redirect:/propositions/" + proposal.mergedInto();
		}
		if (!proposal.published()) {
			throw notFound();
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("campaign", campaigns.findById(new CampaignId(proposal.campaignId())).orElse(null));
		// the count and the support button come from voting, through the shared port (absent in a module test)
		var organisation = user == null || !user.hasRole(Role.AGENT) ? null : user.organisation();
		var summary = supports.stream().findFirst()
				.flatMap(port -> port.of(new ProposalId(id), organisation == null ? null : organisation.siren()))
				.orElse(null);
		var now = clock.instant();
		model.addAttribute("supports", summary);
		model.addAttribute("supportsOpen", summary != null && summary.window().contains(now));
		model.addAttribute("supportsAhead", summary != null && summary.window().isAhead(now));
		model.addAttribute("viewerOrganisation", organisation);
		model.addAttribute("signedIn", user != null);
		// the page is the proposal itself: its story starts after curation (shortlist, working group, funding, services)
		var proposalId = new ProposalId(id);
		model.addAttribute("story", ProposalStory.told(stories.orderedStream(), List.of(proposalId))
				.getOrDefault(proposalId, List.of()).stream().filter(step -> step.order() > StoryStep.PROPOSAL).toList());
		return "curation/proposal";
	}

	@GetMapping("/campagnes/{id}/entonnoir")
	String funnel(@PathVariable UUID id, Model model) {
		var campaign = campaigns.findById(new CampaignId(id)).orElseThrow(this::notFound);
		var report = reports.report(campaign.id());
		var steps = List.of(
				new Step("Contributions reçues", "Reçues", report.received()),
				new Step("En attente d'analyse", "En attente", report.pending()),
				new Step("Regroupées en propositions", "Regroupées", report.grouped()),
				new Step("Réorientées", "Réorientées", report.reoriented()),
				new Step("Rejetées", "Rejetées", report.rejected()),
				new Step("Propositions", "Propositions", report.proposals()),
				new Step("Propositions publiées", "Publiées", report.publishedProposals()));
		model.addAttribute("campaign", campaign);
		model.addAttribute("report", report);
		model.addAttribute("steps", steps);
		// DSFR Chart reads its data from attributes (lists of series, as JSON): no script on the page
		model.addAttribute("chartX", JSON.writeValueAsString(List.of(steps.stream().map(Step::shortLabel).toList())));
		model.addAttribute("chartY", JSON.writeValueAsString(List.of(steps.stream().map(Step::value).toList())));
		model.addAttribute("chartName", JSON.writeValueAsString(List.of("Nombre")));
		return "curation/funnel";
	}

	private Refusal notFound() {
		return new Refusal.NotFound("Page introuvable.");
	}
}
