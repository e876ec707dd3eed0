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

/** The curators' pages: the triage queue of a campaign and the proposal editor. */
@Controller
@PreAuthorize("hasRole('CURATOR')")
class CurationPages {

	static final int PAGE_SIZE = 10;

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

	@GetMapping("/curation/campagnes/{id}")
	String queue(@PathVariable UUID id, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String siren, @RequestParam(defaultValue = "0") int page, Model model) {
		var campaign = campaign(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("theme", theme);
		model.addAttribute("siren", siren);
		model.addAttribute("queue", queue.pending(campaign.id(), theme, siren, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("proposals", reports.proposals(campaign.id()));
		model.addAttribute("report", reports.report(campaign.id()));
		return "curation/queue";
	}

	@PostMapping("/curation/campagnes/{id}/propositions")
	String newProposal(@PathVariable UUID id, @RequestParam String title, @RequestParam String summary,
			@RequestParam String theme, @RequestParam(required = false) List<UUID> contributionIds, CurrentUser user,
			RedirectAttributes redirect) {
		var back = "redirect:/curation/campagnes/" + id;
		return attempt(redirect, back, () -> {
			var proposal = curation.createProposal(new CampaignId(id), title, summary, theme,
					contributionIds == null ? List.of() : contributionIds.stream().map(ContributionId::new).toList(),
					user.username());
			redirect.addFlashAttribute("succes", "La proposition « " + title.strip() + " » a été créée.");
			return "redirect:/curation/propositions/" + proposal.id();
		});
	}

	@PostMapping("/curation/contributions/{id}/regroupement")
	String group(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam(required = false) UUID proposalId,
			CurrentUser user, RedirectAttributes redirect) {
		return attempt(redirect, "redirect:/curation/campagnes/" + campaignId, () -> {
			if (proposalId == null) {
				throw Refusal.Invalid.field("proposalId", "Choisissez la proposition dans laquelle regrouper la contribution.");
			}
			curation.addContributions(new ProposalId(proposalId), List.of(new ContributionId(id)), user.username());
			redirect.addFlashAttribute("succes", "La contribution a été regroupée.");
			return "redirect:/curation/campagnes/" + campaignId;
		});
	}

	@PostMapping("/curation/contributions/{id}/reorientation")
	String reorient(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam String target,
			@RequestParam String note, @RequestParam(required = false) String confirmation, CurrentUser user,
			RedirectAttributes redirect) {
		return attempt(redirect, "redirect:/curation/campagnes/" + campaignId, () -> {
			confirmed(confirmation, "la réorientation");
			curation.reorient(new ContributionId(id), target, note, user.username());
			redirect.addFlashAttribute("succes", "La contribution a été réorientée vers « " + target.strip() + " ».");
			return "redirect:/curation/campagnes/" + campaignId;
		});
	}

	@PostMapping("/curation/contributions/{id}/rejet")
	String reject(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam String reason,
			@RequestParam(required = false) String confirmation, CurrentUser user, RedirectAttributes redirect) {
		return attempt(redirect, "redirect:/curation/campagnes/" + campaignId, () -> {
			confirmed(confirmation, "le rejet");
			curation.reject(new ContributionId(id), reason, user.username());
			redirect.addFlashAttribute("succes", "La contribution a été rejetée.");
			return "redirect:/curation/campagnes/" + campaignId;
		});
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

	private static void confirmed(String confirmation, String what) {
		Refusal.Invalid.required("confirmation", confirmation, "Cochez la case pour confirmer " + what + ".");
	}

	/** Runs a decision; a refused one comes back to the page with its reason instead of an error page. */
	private static String attempt(RedirectAttributes redirect, String back, java.util.function.Supplier<String> decision) {
		try {
			return decision.get();
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
