package cocon.voting;

import java.time.Clock;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import cocon.shared.web.DepartementsMap;
import cocon.shared.FrenchDates;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
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

	/** The campaigns of the collectivité's page, each with its proposals. */
	record CampaignGroup(UUID id, String title, cocon.shared.Window supports, boolean open, boolean ahead,
			List<OwnItem> proposals) {
	}

	/** A proposal on the collectivité's page, with its summary. */
	record OwnItem(OwnView view, String summary) {
	}

	/** A row of the public list: its rank among all the campaign's proposals, with its summary. */
	record RankedItem(Standings.Ranked ranked, String summary) {
	}

	/** Where the button of the collectivité's page sends back without JavaScript: that page, with its filters. */
	private static final java.util.regex.Pattern OWN_PAGE = java.util.regex.Pattern
			.compile("/ma-collectivite(\\?[A-Za-z0-9%=&._~+-]*)?");

	static final String FETCH = "fetch";

	private final Standings standings;
	private final Supporting supporting;
	private final Clock clock;
	private final MessageSource messages;
	private final ProposalListing listing;

	VotingPages(Standings standings, Supporting supporting, Clock clock, MessageSource messages,
			ProposalListing listing) {
		this.standings = standings;
		this.supporting = supporting;
		this.clock = clock;
		this.messages = messages;
		this.listing = listing;
	}

	private String message(String code) {
		return messages.getMessage(code, null, Locale.FRANCE);
	}

	@GetMapping("/campagnes/{id}/propositions")
	String proposals(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String theme, @RequestParam(defaultValue = "0") int page, Model model) {
		var campaign = new CampaignId(id);
		var summary = standings.campaign(campaign);
		if (summary.isEmpty() && !standings.knows(campaign)) {
			throw new Refusal.NotFound("Campagne inconnue");
		}
		model.addAttribute("campaignId", id);
		model.addAttribute("campaign", summary.orElse(null));
		model.addAttribute("open", summary.map(c -> c.supports().contains(clock.instant())).orElse(false));
		var summaries = listing.summaries();
		var ranking = standings.ranking(campaign).stream()
				.map(ranked -> new RankedItem(ranked, summaries.get(ranked.id()))).toList();
		var filters = new ProposalListing.Filters(q, theme, null, page);
		model.addAttribute("filters", filters);
		model.addAttribute("published", ranking.size());
		model.addAttribute("themes", ProposalListing.themes(ranking, item -> item.ranked().theme()));
		model.addAttribute("ranking", ProposalListing.page(ranking, filters, item -> item.ranked().theme(),
				item -> item.ranked().title() + " " + item.summary() + " " + item.ranked().theme(),
				"/campagnes/" + id + "/propositions"));
		return "voting/propositions";
	}

	@GetMapping("/propositions/{id}/soutiens")
	String supporters(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		var proposal = standings.proposal(new ProposalId(id))
				.orElseThrow(() -> new Refusal.NotFound("Proposition inconnue"));
		model.addAttribute("proposal", proposal);
		model.addAttribute("supporters", standings.supporters(new ProposalId(id), proposal.supportCount(),
				Math.max(0, page), 50));
		model.addAttribute("standings", standings);
		return "voting/soutiens";
	}

	@GetMapping("/campagnes/{id}/soutiens-dans-le-temps")
	String overTime(@PathVariable UUID id, Model model) {
		var campaign = standings.campaign(new CampaignId(id))
				.orElseThrow(() -> new Refusal.NotFound("Campagne inconnue"));
		var days = standings.overTime(new CampaignId(id), campaign.supports(), clock.instant());
		model.addAttribute("campaign", campaign);
		model.addAttribute("days", days);
		model.addAttribute("total", days.isEmpty() ? 0 : days.get(days.size() - 1).cumulative());
		// DSFR Chart reads its data from attributes (lists of series, as JSON): no script on the page
		model.addAttribute("chartX", json(List.of(days.stream().map(d -> FrenchDates.axisDay(d.date())).toList())));
		model.addAttribute("chartY", json(List.of(days.stream().map(DailyCount::cumulative).toList())));
		model.addAttribute("chartName", json(List.of(message("voting.overTime.series"))));
		return "voting/soutiens-dans-le-temps";
	}

	@GetMapping("/campagnes/{id}/carte")
	String map(@PathVariable UUID id, Model model) {
		var campaignId = new CampaignId(id);
		var campaign = standings.campaign(campaignId)
				.orElseThrow(() -> new Refusal.NotFound("Campagne inconnue"));
		var departements = standings.supportersByDepartement(campaignId);
		var total = standings.supportingCollectivites(campaignId);
		var mapped = departements.stream().mapToLong(Standings.PlaceCount::collectivites).sum();
		model.addAttribute("campaign", campaign);
		model.addAttribute("departements", departements);
		model.addAttribute("regions", standings.supportersByRegion(campaignId));
		model.addAttribute("total", total);
		model.addAttribute("outside", Math.max(0, total - mapped));
		model.addAttribute("map", DepartementsMap.of(departements.stream()
				.collect(Collectors.toMap(Standings.PlaceCount::code, Standings.PlaceCount::collectivites))));
		return "voting/carte";
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	@GetMapping("/ma-collectivite")
	@PreAuthorize("hasRole('AGENT')")
	String own(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String theme,
			@RequestParam(name = "campagne", required = false) UUID campaign, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("organisation", user.organisation());
		if (user.organisation() != null) {
			var now = clock.instant();
			var summaries = listing.summaries();
			var all = standings.ownView(user.organisation().siren()).stream()
					.map(view -> new OwnItem(view, summaries.get(view.proposalId()))).toList();
			var filters = new ProposalListing.Filters(q, theme, campaign, page);
			var inCampaign = campaign == null ? all
					: all.stream().filter(item -> item.view().campaignId().equals(campaign)).toList();
			var found = ProposalListing.page(inCampaign, filters, item -> item.view().theme(),
					item -> item.view().title() + " " + item.summary() + " " + item.view().theme(), "/ma-collectivite");
			var groups = new LinkedHashMap<UUID, CampaignGroup>();
			for (var item : found.items()) {
				var view = item.view();
				groups.computeIfAbsent(view.campaignId(), key -> new CampaignGroup(key, view.campaignTitle(),
						view.supports(), view.supports().contains(now), view.supports().isAhead(now), new ArrayList<>()))
						.proposals().add(item);
			}
			var campaigns = new LinkedHashMap<UUID, String>();
			all.forEach(item -> campaigns.putIfAbsent(item.view().campaignId(), item.view().campaignTitle()));
			model.addAttribute("filters", filters);
			model.addAttribute("found", found);
			model.addAttribute("campaigns", groups.values());
			model.addAttribute("campaignChoices", campaigns);
			model.addAttribute("themes", ProposalListing.themes(inCampaign, item -> item.view().theme()));
			model.addAttribute("published", all.size());
			model.addAttribute("supported", all.stream().filter(item -> item.view().supported()).toList());
			model.addAttribute("supportedCount", all.stream().filter(item -> item.view().supported()).count());
			model.addAttribute("now", now);
		}
		return "voting/ma-collectivite";
	}

	@PostMapping("/ma-collectivite/propositions/{id}/soutien")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	String support(@PathVariable UUID id, CurrentUser user, Model model, RedirectAttributes flash,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith,
			@RequestParam(name = "depuis", required = false) String from,
			@RequestParam(name = "retour", required = false) String back) {
		return toggle(id, user, true, model, flash, requestedWith, from, back);
	}

	@PostMapping("/ma-collectivite/propositions/{id}/retrait")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	String withdraw(@PathVariable UUID id, CurrentUser user, Model model, RedirectAttributes flash,
			@RequestHeader(name = "X-Requested-With", required = false) String requestedWith,
			@RequestParam(name = "depuis", required = false) String from,
			@RequestParam(name = "retour", required = false) String back) {
		return toggle(id, user, false, model, flash, requestedWith, from, back);
	}

	private String toggle(UUID id, CurrentUser user, boolean support, Model model, RedirectAttributes flash,
			String requestedWith, String from, String back) {
		String message;
		String error = null;
		try {
			if (support) {
				var outcome = supporting.support(new ProposalId(id), user);
				message = message(outcome.created() ? "voting.own.given" : "voting.own.already");
			}
			else {
				supporting.withdraw(new ProposalId(id), user);
				message = message("voting.own.withdrawn");
			}
		}
		catch (SupportRefused refused) {
			message = null;
			error = refused.getMessage();
		}
		if (FETCH.equals(requestedWith)) {
			var views = standings.ownView(user.organisation().siren());
			var view = views.stream().filter(v -> v.proposalId().equals(id)).findFirst()
					.orElseThrow(() -> new Refusal.NotFound("Proposition inconnue"));
			model.addAttribute("view", view);
			// the page's summary ("supports N proposals") follows the click, not only the button
			model.addAttribute("supportedCount", views.stream().filter(OwnView::supported).count());
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
		// from the public proposal page, back to it; otherwise to the proposal on the collectivité's page
		// from the public proposal page, back to it; otherwise to the proposal on the collectivité's page, with the
		// search, filters and page the agent was on
		if ("proposition".equals(from)) {
			return "redirect:/propositions/" + id;
		}
		var page = back != null && OWN_PAGE.matcher(back).matches() ? back : "/ma-collectivite";
		return "redirect:" + page + "#proposition-" + id;
	}
}
