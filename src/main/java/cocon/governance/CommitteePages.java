package cocon.governance;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/** The committee's decision page and the public results page of a campaign. */
@Controller
class CommitteePages {

	/** The documented maturity scale. */
	static final Map<Integer, String> MATURITY_SCALE = Map.of(1, "1 — Idée", 2, "2 — Besoin confirmé", 3,
			"3 — Solution existante à adapter", 4, "4 — Solution prête à déployer");

	private final SteeringCommittee committee;
	private final CampaignManagement campaigns;
	private final CommitteeRepository repository;
	private final Clock clock;

	CommitteePages(SteeringCommittee committee, CampaignManagement campaigns, CommitteeRepository repository,
			Clock clock) {
		this.committee = committee;
		this.campaigns = campaigns;
		this.repository = repository;
		this.clock = clock;
	}

	@GetMapping("/campagnes/{id}/comite")
	String board(@PathVariable CampaignId id,
			@RequestParam(defaultValue = "" + SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT) double supportsWeight,
			@RequestParam(defaultValue = "" + SteeringCommittee.DEFAULT_MATURITY_WEIGHT) double maturityWeight,
			CurrentUser user, Model model) {
		var campaign = campaigns.get(id);
		if (!user.hasRole(Role.ADMINISTRATOR)) {
			committee.requireMember(id, user.username());
		}
		DecisionInputsPage inputs;
		try {
			inputs = new DecisionInputsPage(committee.inputs(id, supportsWeight, maturityWeight), null);
		}
		catch (InvalidInput e) {
			inputs = new DecisionInputsPage(committee.inputs(id, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT,
					SteeringCommittee.DEFAULT_MATURITY_WEIGHT), e.getMessage());
		}
		var current = repository.current(id);
		model.addAttribute("campaign", CampaignPages.CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("inputs", inputs.inputs());
		model.addAttribute("weightError", inputs.error());
		model.addAttribute("members", current.map(Committee::members).orElse(List.of()));
		model.addAttribute("myLevels", repository.levelsBy(id, user.username()));
		model.addAttribute("username", user.username());
		model.addAttribute("member", committee.isMember(id, user.username()));
		model.addAttribute("scale", MATURITY_SCALE);
		model.addAttribute("shortlistDate", campaign.calendar().shortlistDecision().format(CampaignPages.DAY));
		return "governance/committee";
	}

	private record DecisionInputsPage(SteeringCommittee.DecisionInputs inputs, String error) {
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
			return "La présélection de " + decision.items().size() + " propositions est enregistrée et publiée.";
		});
		return redirect.getFlashAttributes().containsKey("success") ? "redirect:/campagnes/" + id + "/decisions" : result;
	}

	private String attempt(CampaignId id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("success", action.get());
		}
		catch (InvalidInput | RuleViolation | IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (ErrorResponseException e) {
			if (e.getStatusCode().value() == 403) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getBody().getDetail());
		}
		return "redirect:/campagnes/" + id + "/comite";
	}

	@GetMapping("/campagnes/{id}/decisions")
	String decisions(@PathVariable CampaignId id, Model model) {
		var campaign = campaigns.get(id);
		var decisions = committee.decisions(id);
		model.addAttribute("campaign", CampaignPages.CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("decisions", decisions);
		model.addAttribute("budget", BudgetPicture.of(decisions.envelopeEuros(), decisions.totalFundedEuros()));
		return "governance/decisions";
	}

	/** The budget-use picture: widths in percent and the text alternative. */
	record BudgetPicture(double fundedPercent, String funded, String remaining, String envelope, String description) {

		static BudgetPicture of(long envelope, long funded) {
			var percent = envelope == 0 ? 0 : Math.min(100, 100.0 * funded / envelope);
			var rounded = Math.round(percent * 10) / 10.0;
			var f = cocon.shared.Euros.of(funded).formatted();
			var r = cocon.shared.Euros.of(Math.max(0, envelope - funded)).formatted();
			var e = cocon.shared.Euros.of(envelope).formatted();
			return new BudgetPicture(rounded, f, r, e, "Budget engagé : " + f + " sur une enveloppe de " + e + " ("
					+ String.valueOf(rounded).replace('.', ',') + " %) ; reste " + r + ".");
		}
	}
}
