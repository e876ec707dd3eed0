package cocon.governance;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.FrenchDates;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/** The committee's decision page and the public results page of a campaign. */
@Controller
class CommitteePages {

	/** The documented maturity scale, by level. */
	static final Map<Integer, String> MATURITY_SCALE = Maturity.scale();

	private final SteeringCommittee committee;
	private final CampaignManagement campaigns;
	private final CommitteeMembers members;
	private final Clock clock;

	CommitteePages(SteeringCommittee committee, CampaignManagement campaigns, CommitteeMembers members, Clock clock) {
		this.committee = committee;
		this.campaigns = campaigns;
		this.members = members;
		this.clock = clock;
	}

	/** Where the board was: its filter and page, kept through each action so that the member comes back to it. */
	record Place(String vue, Integer page, String supportsWeight, String maturityWeight) {

		CommitteeBoard.Filter filter() {
			return CommitteeBoard.Filter.of(vue);
		}

		int pageOr1() {
			return page == null ? 1 : page;
		}

		/**
		 * The board's address at that place, on the message in the row of that proposal when there is one: a browser
		 * focuses the target of the address, so that a screen reader says the message where the person is.
		 */
		String board(CampaignId id, int page, UUID row) {
			return org.springframework.web.util.UriComponentsBuilder.fromPath("/campagnes/" + id + "/comite")
					.queryParam("vue", filter().key()).queryParam("page", page)
					.queryParamIfPresent("supportsWeight", java.util.Optional.ofNullable(supportsWeight))
					.queryParamIfPresent("maturityWeight", java.util.Optional.ofNullable(maturityWeight))
					.fragment(row == null ? null : "message-" + row).encode().build().toUriString();
		}

		/**
		 * The board's address with that filter, at that page (none when 0), the weights only when given: the links
		 * of the page carry no empty parameter (issue 26: every byte of a signed-in page is sent uncompressed).
		 */
		public String link(Object id, CommitteeBoard.Filter filter, int page) {
			var link = org.springframework.web.util.UriComponentsBuilder.fromPath("/campagnes/" + id + "/comite")
					.queryParam("vue", filter.key());
			return withWeights(page > 0 ? link.queryParam("page", page) : link);
		}

		/**
		 * The address of an action on the board (maturite, conflits), the place to come back to in its query rather
		 * than in hidden fields repeated by each row's form.
		 */
		public String action(Object id, String action, CommitteeBoard board, UUID proposal) {
			var link = org.springframework.web.util.UriComponentsBuilder
					.fromPath("/campagnes/" + id + "/comite/" + action)
					.queryParamIfPresent("proposalId", java.util.Optional.ofNullable(proposal))
					.queryParam("vue", board.filter().key()).queryParam("page", board.page());
			return withWeights(link);
		}

		private String withWeights(org.springframework.web.util.UriComponentsBuilder link) {
			return link.queryParamIfPresent("supportsWeight", java.util.Optional.ofNullable(supportsWeight))
					.queryParamIfPresent("maturityWeight", java.util.Optional.ofNullable(maturityWeight)).encode()
					.build().toUriString();
		}
	}

	@GetMapping("/campagnes/{id}/comite")
	String board(@PathVariable CampaignId id,
			@RequestParam(required = false) String supportsWeight, @RequestParam(required = false) String maturityWeight,
			@RequestParam(required = false) String vue, @RequestParam(required = false) Integer page,
			@RequestParam(name = "conflit", required = false) String conflict,
			@RequestParam(name = "evaluer", required = false) String opened,
			@RequestParam(name = "financer", required = false) String funding, CurrentUser user, Model model) {
		model.addAttribute("place", new Place(vue, page, supportsWeight, maturityWeight));
		// the proposal whose row's link « Déclarer un conflit » was followed, chosen in the page's one form
		model.addAttribute("conflictChosen", conflict);
		// the row whose assessment form is asked for (its link, without the page's script), the others showing the
		// member's level and that link: the form is drawn in one row at a time (issue 26, ADR 60)
		model.addAttribute("opened", opened);
		model.addAttribute("fundingOpen", funding != null);
		return board(id, weight(supportsWeight, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT),
				weight(maturityWeight, SteeringCommittee.DEFAULT_MATURITY_WEIGHT), user, new FundingForm(), List.of(), model);
	}

	/**
	 * A weight as people type it in French (0,6) or as a browser sends a number (0.6); anything else is refused by
	 * the committee's rule on weights (a negative weight), with its message beside the form.
	 */
	static double weight(String typed, double byDefault) {
		if (typed == null || typed.isBlank()) {
			return byDefault;
		}
		try {
			return Double.parseDouble(typed.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private String board(CampaignId id, double supportsWeight, double maturityWeight, CurrentUser user,
			FundingForm funding, List<Refusal.FieldError> fundingErrors, Model model) {
		var campaign = campaigns.get(id);
		if (!user.hasRole(Role.ADMINISTRATOR)) {
			committee.requireMember(id, user.username());
		}
		DecisionInputsPage inputs;
		try {
			inputs = new DecisionInputsPage(committee.inputs(id, supportsWeight, maturityWeight), null);
		}
		catch (Refusal.Invalid e) {
			inputs = new DecisionInputsPage(committee.inputs(id, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT,
					SteeringCommittee.DEFAULT_MATURITY_WEIGHT), e.getMessage());
		}
		var member = committee.isMember(id, user.username());
		var place = model.getAttribute("place") instanceof Place p ? p : new Place(null, null, null, null);
		var justDone = model.getAttribute("row") instanceof UUID row ? row : null;
		model.addAttribute("place", place);
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("inputs", inputs.inputs());
		model.addAttribute("weightError", inputs.error());
		var shown = members.of(committee.members(id));
		model.addAttribute("members", shown);
		var names = shown.stream().collect(java.util.stream.Collectors.toMap(CommitteeMembers.Shown::username,
				CommitteeMembers.Shown::label));
		var board = CommitteeBoard.of(inputs.inputs(),
				member ? committee.assessmentsOf(id, user.username()) : Map.of(), names, user.username(), member,
				place.filter(), place.pageOr1(), justDone);
		model.addAttribute("board", board);
		model.addAttribute("conflictChoices", board.rows().stream().filter(r -> !r.myConflict())
				.map(CommitteeBoard.Row::inputs).toList());
		model.addAttribute("username", user.username());
		model.addAttribute("member", member);
		model.addAttribute("scale", MATURITY_SCALE);
		model.addAttribute("shortlistDate", FrenchDates.weekday(campaign.calendar().shortlistDecision()));
		model.addAttribute("shortlistOpen", ShortlistPages.open(campaign, clock.instant()));
		var decisions = committee.decisions(id);
		model.addAttribute("shortlist", decisions.shortlist());
		model.addAttribute("fundedProjects", decisions.fundedProjects());
		model.addAttribute("budget", BudgetPicture.of(decisions.envelopeEuros(), decisions.totalFundedEuros()));
		model.addAttribute("funding", funding.withRows(FundingForm.ROWS));
		model.addAttribute("fundingErrors", fundingErrors);
		// the funding form comes on demand (its link), whole when it comes back refused
		model.addAttribute("fundingOpen",
				!fundingErrors.isEmpty() || Boolean.TRUE.equals(model.getAttribute("fundingOpen")));
		model.addAttribute("fundingErrorFields",
				fundingErrors.stream().map(Refusal.FieldError::field).distinct().toList());
		return "governance/committee";
	}

	@PostMapping("/campagnes/{id}/comite/financement")
	String fund(@PathVariable CampaignId id, @ModelAttribute("fundingForm") FundingForm form,
			@RequestParam(required = false) String confirmation, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		committee.requireMember(id, user.username());
		var errors = new Refusal.Collector();
		var asked = form.read(() -> committee.decisions(id).remainingEuros(), confirmation != null, errors);
		if (errors.isEmpty()) {
			try {
				var funding = committee.fund(id, asked.proposalId(), form.getProvider(), form.getTitle(),
						asked.budgetEuros(), asked.milestones(), user.username());
				redirect.addFlashAttribute("success", "Le financement du projet « " + funding.project().title()
						+ " » (" + funding.project().budget().formatted() + ") est enregistré et publié. Reste de l'enveloppe : "
						+ funding.remaining().formatted() + ".");
				return "redirect:/campagnes/" + id + "/comite#financement";
			}
			catch (Refusal.Invalid | RuleViolation e) {
				FundingForm.refused(e, errors);
			}
		}
		return board(id, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT, SteeringCommittee.DEFAULT_MATURITY_WEIGHT, user,
				form, errors.errors(), model);
	}

	private record DecisionInputsPage(DecisionInputs inputs, String error) {
	}

	@PostMapping("/campagnes/{id}/comite/conflits")
	String declareConflict(@PathVariable CampaignId id, @RequestParam UUID proposalId, @RequestParam String reason,
			Place place, CurrentUser user, RedirectAttributes redirect) {
		return attempt(id, proposalId, place, user, redirect, () -> {
			committee.declareConflict(new ProposalId(proposalId), reason, user.username());
			return "Votre conflit d'intérêts sur « " + title(proposalId)
					+ " » est enregistré : vous ne prendrez pas part à la décision sur cette proposition.";
		});
	}

	@PostMapping("/campagnes/{id}/comite/maturite")
	String assess(@PathVariable CampaignId id, @RequestParam UUID proposalId,
			@RequestParam(required = false) Integer level, @RequestParam(required = false) String note, Place place,
			CurrentUser user, RedirectAttributes redirect) {
		return attempt(id, proposalId, place, user, redirect, () -> {
			if (level == null) {
				throw new IllegalArgumentException("Choisissez un niveau de maturité pour « " + title(proposalId) + " ».");
			}
			committee.assess(new ProposalId(proposalId), level, note, user.username());
			return "Votre évaluation de « " + title(proposalId) + " » est enregistrée : " + MATURITY_SCALE.get(level)
					+ ".";
		});
	}

	private String title(UUID proposal) {
		return committee.proposal(new ProposalId(proposal)).title();
	}

	/**
	 * Does the action on a proposal's row and comes back to that row, at the same filter and page (post, redirect,
	 * get), with what it did or why it was refused, said there.
	 */
	private String attempt(CampaignId id, UUID proposal, Place place, CurrentUser user, RedirectAttributes redirect,
			java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("rowSuccess", action.get());
		}
		catch (Refusal e) {
			if (e.kind() == Refusal.Kind.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("rowError", e.getMessage());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("rowError", e.getMessage());
		}
		redirect.addFlashAttribute("row", proposal);
		return "redirect:" + place.board(id, pageOf(id, place, proposal, user), proposal);
	}

	/** Where the proposal stands now in the member's list, its rank changed by what they did. */
	private int pageOf(CampaignId id, Place place, UUID proposal, CurrentUser user) {
		DecisionInputs inputs;
		try {
			inputs = committee.inputs(id, weight(place.supportsWeight(), SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT),
					weight(place.maturityWeight(), SteeringCommittee.DEFAULT_MATURITY_WEIGHT));
		}
		catch (Refusal.Invalid e) {
			return place.pageOr1();
		}
		return CommitteeBoard.pageOf(inputs, committee.assessmentsOf(id, user.username()), user.username(), true,
				place.filter(), proposal);
	}

	@GetMapping("/campagnes/{id}/decisions")
	String decisions(@PathVariable CampaignId id, Model model) {
		var campaign = campaigns.get(id);
		// a public page: organisations, never usernames (ADR 12)
		var decisions = committee.publicDecisions(id);
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("decisions", decisions);
		// a correcting decision names the one it replaces by its date, not by its identifier
		model.addAttribute("decisionDates", decisions.shortlistDecisions().stream().collect(java.util.stream.Collectors
				.toMap(DecisionsView.PublicDecisions.Shortlist::id, DecisionsView.PublicDecisions.Shortlist::decidedAt)));
		model.addAttribute("budget", BudgetPicture.of(decisions.envelopeEuros(), decisions.totalFundedEuros()));
		return "governance/decisions";
	}
}
