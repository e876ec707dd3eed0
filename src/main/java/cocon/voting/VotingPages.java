package cocon.voting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.shared.web.RateLimited;
import cocon.voting.Standings.DailyCount;
import cocon.voting.Standings.OwnView;

/**
 * The voting pages: a campaign's proposals with their counts and ranking, a proposal's supporters, supports over
 * time, and the collectivité's own page where one click supports or withdraws (the button shows the new state at
 * once, with or without JavaScript).
 */
@Controller
class VotingPages {

	/** One bar of the supports-over-time chart, in SVG user units. */
	record Bar(DailyCount day, double x, double y, double width, double height) {
	}

	/** The campaigns of the collectivité's page, each with its proposals. */
	record CampaignGroup(UUID id, String title, cocon.shared.Window supports, boolean open, List<OwnView> proposals) {
	}

	static final String FETCH = "fetch";

	private final Standings standings;
	private final Supporting supporting;
	private final Clock clock;

	VotingPages(Standings standings, Supporting supporting, Clock clock) {
		this.standings = standings;
		this.supporting = supporting;
		this.clock = clock;
	}

	@GetMapping("/campagnes/{id}/propositions")
	String proposals(@PathVariable UUID id, Model model) {
		var campaign = new CampaignId(id);
		var summary = standings.campaign(campaign);
		if (summary.isEmpty() && !standings.knows(campaign)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Campagne inconnue");
		}
		model.addAttribute("campaignId", id);
		model.addAttribute("campaign", summary.orElse(null));
		model.addAttribute("open", summary.map(c -> c.supports().contains(clock.instant())).orElse(false));
		model.addAttribute("proposals", standings.proposals(campaign));
		model.addAttribute("ranking", standings.ranking(campaign));
		model.addAttribute("standings", standings);
		return "voting/propositions";
	}

	@GetMapping("/propositions/{id}/soutiens")
	String supporters(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		var proposal = standings.proposal(new ProposalId(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Proposition inconnue"));
		model.addAttribute("proposal", proposal);
		model.addAttribute("supporters", standings.supporters(new ProposalId(id), proposal.supportCount(),
				Math.max(0, page), 50));
		model.addAttribute("standings", standings);
		return "voting/soutiens";
	}

	@GetMapping("/campagnes/{id}/soutiens-dans-le-temps")
	String overTime(@PathVariable UUID id, Model model) {
		var campaign = standings.campaign(new CampaignId(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Campagne inconnue"));
		var days = standings.overTime(new CampaignId(id), campaign.supports(), clock.instant());
		long max = Math.max(1, days.stream().mapToLong(DailyCount::supports).max().orElse(1));
		double width = 600.0 / Math.max(1, days.size());
		var bars = new ArrayList<Bar>();
		for (int i = 0; i < days.size(); i++) {
			double height = 200.0 * days.get(i).supports() / max;
			bars.add(new Bar(days.get(i), 40 + i * width, 220 - height, Math.max(1, width - 2), height));
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("days", days);
		model.addAttribute("bars", bars);
		model.addAttribute("max", max);
		model.addAttribute("total", days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative());
		return "voting/soutiens-dans-le-temps";
	}

	@GetMapping("/ma-collectivite")
	@PreAuthorize("hasRole('AGENT')")
	String own(CurrentUser user, Model model) {
		model.addAttribute("organisation", user.organisation());
		if (user.organisation() != null) {
			var now = clock.instant();
			var groups = new LinkedHashMap<UUID, CampaignGroup>();
			for (var view : standings.ownView(user.organisation().siren())) {
				groups.computeIfAbsent(view.campaignId(), key -> new CampaignGroup(key, view.campaignTitle(),
						view.supports(), view.supports().contains(now), new ArrayList<>())).proposals().add(view);
			}
			model.addAttribute("campaigns", groups.values());
			model.addAttribute("supportedCount", groups.values().stream().flatMap(g -> g.proposals().stream())
					.filter(OwnView::supported).count());
		}
		return "voting/ma-collectivite";
	}

	@PostMapping("/ma-collectivite/propositions/{id}/soutien")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	String support(@PathVariable UUID id, CurrentUser user, Model model, RedirectAttributes flash,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith) {
		return toggle(id, user, true, model, flash, requestedWith);
	}

	@PostMapping("/ma-collectivite/propositions/{id}/retrait")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	String withdraw(@PathVariable UUID id, CurrentUser user, Model model, RedirectAttributes flash,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith) {
		return toggle(id, user, false, model, flash, requestedWith);
	}

	private String toggle(UUID id, CurrentUser user, boolean support, Model model, RedirectAttributes flash,
			String requestedWith) {
		String message;
		String error = null;
		try {
			if (support) {
				var outcome = supporting.support(new ProposalId(id), user);
				message = outcome.created() ? "Soutien enregistré." : "Votre collectivité soutenait déjà cette proposition.";
			}
			else {
				supporting.withdraw(new ProposalId(id), user);
				message = "Soutien retiré.";
			}
		}
		catch (SupportRefused refused) {
			message = null;
			error = refused.getMessage();
		}
		if (FETCH.equals(requestedWith)) {
			var view = standings.ownView(user.organisation().siren()).stream()
					.filter(v -> v.proposalId().equals(id)).findFirst()
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Proposition inconnue"));
			model.addAttribute("view", view);
			model.addAttribute("open", view.supports().contains(clock.instant()));
			model.addAttribute("message", message);
			model.addAttribute("error", error);
			return "voting/ma-collectivite :: bouton";
		}
		if (error != null) {
			flash.addFlashAttribute("error", error);
		}
		else {
			flash.addFlashAttribute("message", message);
		}
		return "redirect:/ma-collectivite#proposition-" + id;
	}
}
