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
	private final Clock clock;

	CommitteePages(SteeringCommittee committee, CampaignManagement campaigns, Clock clock) {
		this.committee = committee;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@GetMapping("/campagnes/{id}/comite")
	String board(@PathVariable CampaignId id,
			@RequestParam(required = false) String supportsWeight, @RequestParam(required = false) String maturityWeight,
			CurrentUser user, Model model) {
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
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("inputs", inputs.inputs());
		model.addAttribute("weightError", inputs.error());
		model.addAttribute("members", committee.members(id));
		model.addAttribute("myLevels", committee.levelsOf(id, user.username()));
		model.addAttribute("username", user.username());
		model.addAttribute("member", committee.isMember(id, user.username()));
		model.addAttribute("scale", MATURITY_SCALE);
		model.addAttribute("shortlistDate", FrenchFormats.weekday(campaign.calendar().shortlistDecision()));
		var decisions = committee.decisions(id);
		model.addAttribute("shortlist", decisions.shortlist());
		model.addAttribute("fundedProjects", decisions.fundedProjects());
		model.addAttribute("budget", BudgetPicture.of(decisions.envelopeEuros(), decisions.totalFundedEuros()));
		model.addAttribute("funding", funding.withRows(FundingForm.ROWS));
		model.addAttribute("fundingErrors", fundingErrors);
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
				return "redirect:/campagnes/" + id + "/comite";
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
			CurrentUser user, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> {
			committee.declareConflict(new ProposalId(proposalId), reason, user.username());
			return "Votre conflit d'intérêts est enregistré : vous ne prendrez pas part à la décision sur cette proposition.";
		});
	}

	@PostMapping("/campagnes/{id}/comite/maturite")
	String assess(@PathVariable CampaignId id, @RequestParam UUID proposalId, @RequestParam Integer level,
			@RequestParam(required = false) String note, CurrentUser user, RedirectAttributes redirect) {
		return attempt(id, redirect, () -> {
			committee.assess(new ProposalId(proposalId), level, note, user.username());
			return "Votre évaluation de maturité est enregistrée.";
		});
	}

	@PostMapping("/campagnes/{id}/comite/preselection")
	String shortlist(@PathVariable CampaignId id, @RequestParam(required = false) List<UUID> proposalIds,
			@RequestParam String rationale, @RequestParam(required = false) List<String> presentMembers,
			@RequestParam(required = false) String confirmation, CurrentUser user, RedirectAttributes redirect) {
		if (confirmation == null) {
			redirect.addFlashAttribute("error", "Cochez la case de confirmation pour enregistrer la décision.");
			return "redirect:/campagnes/" + id + "/comite";
		}
		var result = attempt(id, redirect, () -> {
			var decision = committee.shortlist(id, proposalIds, rationale, presentMembers, user.username());
			var count = decision.items().size();
			return "La présélection de " + count + (count > 1 ? " propositions" : " proposition")
					+ " est enregistrée et publiée.";
		});
		return redirect.getFlashAttributes().containsKey("success") ? "redirect:/campagnes/" + id + "/decisions" : result;
	}

	private String attempt(CampaignId id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("success", action.get());
		}
		catch (Refusal e) {
			if (e.kind() == Refusal.Kind.FORBIDDEN) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/campagnes/" + id + "/comite";
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
