package cocon.curation;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;

/** The curators' pages: the triage queue of a campaign (its decisions: {@link QueueActions}) and the proposal editor. */
@Controller
@PreAuthorize("hasRole('CURATOR')")
class CurationPages {

	private final Curation curation;
	private final Campaigns campaigns;
	private final TriageQueue queue;
	private final CurationReports reports;
	private final History history;

	CurationPages(Curation curation, Campaigns campaigns, TriageQueue queue, CurationReports reports, History history) {
		this.curation = curation;
		this.campaigns = campaigns;
		this.queue = queue;
		this.reports = reports;
		this.history = history;
	}

	/** The queue under the filter of the address; a page emptied by the last decisions shows the last one left. */
	@GetMapping("/curation/campagnes/{id}")
	String queue(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String siren,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) UUID decider,
			@RequestParam(required = false) String geste, Model model) {
		var campaign = campaign(id);
		var filter = QueueFilter.ofPage(q, theme, siren, status, page, size);
		var shown = queue.page(campaign.id(), filter);
		if (shown.items().isEmpty() && filter.page() > 0 && shown.totalPages() > 0) {
			filter = filter.atPage(shown.totalPages() - 1);
			shown = queue.page(campaign.id(), filter);
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("filter", filter);
		model.addAttribute("sizes", QueueFilter.SIZES);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("queue", shown);
		model.addAttribute("proposals", reports.proposals(campaign.id()));
		model.addAttribute("report", reports.report(campaign.id()));
		if (!model.containsAttribute("selection")) {
			model.addAttribute("selection", List.of());
		}
		// the card whose decision is open: from its link, or back from a refused decision (flash attributes)
		if (decider != null || !model.containsAttribute("decider")) {
			model.addAttribute("decider", decider);
			model.addAttribute("geste", geste);
		}
		return "curation/queue";
	}

	@GetMapping("/curation/propositions/{id}")
	String editor(@PathVariable UUID id, Model model) {
		var proposal = reports.proposal(new ProposalId(id))
				.orElseThrow(() -> new Refusal.NotFound("Proposition inconnue."));
		var campaign = campaigns.get(new CampaignId(proposal.campaignId()));
		model.addAttribute("proposal", proposal);
		model.addAttribute("campaign", campaign);
		model.addAttribute("contributions", reports.contributions(new ProposalId(id)));
		model.addAttribute("others", reports.proposals(campaign.id()).stream().filter(p -> !p.id().equals(id)).toList());
		model.addAttribute("history", history.ofProposal(id));
		return "curation/editor";
	}

	@PostMapping("/curation/propositions/{id}")
	String revise(@PathVariable UUID id, @RequestParam String title, @RequestParam String summary,
			@RequestParam String theme, CurrentUser user, RedirectAttributes redirect) {
		var back = "redirect:/curation/propositions/" + id;
		return attempt(redirect, back, () -> {
			curation.revise(new ProposalId(id), title, summary, theme, user.username());
			redirect.addFlashAttribute("succes", "La proposition a été enregistrée.");
			return back;
		});
	}

	/** Undoes a grouping from the proposal's page: the contribution goes back to the queue. */
	@PostMapping("/curation/propositions/{id}/retrait")
	String ungroup(@PathVariable UUID id, @RequestParam(required = false) UUID contributionId,
			@RequestParam(required = false) String confirmation, CurrentUser user, RedirectAttributes redirect) {
		var back = "redirect:/curation/propositions/" + id;
		return attempt(redirect, back, () -> {
			if (contributionId == null) {
				throw Refusal.Invalid.field("contributionId", "Choisissez la contribution à retirer.");
			}
			confirmed(confirmation, "le retrait de la contribution");
			curation.ungroup(new ContributionId(contributionId), new ProposalId(id), user.username());
			redirect.addFlashAttribute("succes", "La contribution est retirée de la proposition : elle est de nouveau en attente dans la file de tri.");
			return back;
		});
	}

	@PostMapping("/curation/propositions/{id}/fusion")
	String merge(@PathVariable UUID id, @RequestParam(required = false) UUID proposalId,
			@RequestParam(required = false) String confirmation, CurrentUser user, RedirectAttributes redirect) {
		var back = "redirect:/curation/propositions/" + id;
		return attempt(redirect, back, () -> {
			if (proposalId == null) {
				throw Refusal.Invalid.field("proposalId", "Choisissez la proposition à absorber.");
			}
			confirmed(confirmation, "la fusion");
			curation.merge(new ProposalId(id), new ProposalId(proposalId), user.username());
			redirect.addFlashAttribute("succes", "Les deux propositions ont été fusionnées : toutes les contributions sont ici.");
			return back;
		});
	}

	@PostMapping("/curation/propositions/{id}/publication")
	String publish(@PathVariable UUID id, @RequestParam(required = false) String confirmation, CurrentUser user,
			RedirectAttributes redirect) {
		var back = "redirect:/curation/propositions/" + id;
		return attempt(redirect, back, () -> {
			confirmed(confirmation, "la publication");
			curation.publish(new ProposalId(id), user.username());
			redirect.addFlashAttribute("succes", "La proposition est publiée : les collectivités peuvent la soutenir.");
			return back;
		});
	}

	private CampaignCopy campaign(UUID id) {
		return campaigns.findById(new CampaignId(id)).orElseThrow(
				() -> new Refusal.NotFound("Campagne inconnue."));
	}

	static void confirmed(String confirmation, String what) {
		Refusal.Invalid.required("confirmation", confirmation, "Cochez la case pour confirmer " + what + ".");
	}

	/** Runs a decision; a refused one comes back to the page with its reason instead of an error page. */
	static String attempt(RedirectAttributes redirect, String back, java.util.function.Supplier<String> decision) {
		try {
			var next = decision.get();
			// done: the next card shows no decision open (a refusal comes back to the one that was open)
			redirect.getFlashAttributes().remove("decider");
			redirect.getFlashAttributes().remove("geste");
			return next;
		}
		catch (Refusal e) {
			redirect.addFlashAttribute("erreur", e.getMessage());
			return back;
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("erreur", "Une autre décision a été prise entre-temps : vérifiez et recommencez.");
			return back;
		}
	}
}
