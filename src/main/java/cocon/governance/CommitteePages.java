package cocon.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

	// Funding ----------------------------------------------------------------------------------------------

	/** The funding form: a shortlisted proposal, a provider's project, its budget and its milestones (rows). */
	public static class FundingForm {

		/** Milestone rows offered without JavaScript; empty rows are ignored. */
		static final int ROWS = 5;

		private String proposalId = "";
		private String provider = "";
		private String title = "";
		private String budgetEuros = "";
		private List<MilestoneRow> milestones = new ArrayList<>();

		public String getProposalId() {
			return proposalId;
		}

		public void setProposalId(String proposalId) {
			this.proposalId = proposalId == null ? "" : proposalId;
		}

		public String getProvider() {
			return provider;
		}

		public void setProvider(String provider) {
			this.provider = provider == null ? "" : provider;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title == null ? "" : title;
		}

		public String getBudgetEuros() {
			return budgetEuros;
		}

		public void setBudgetEuros(String budgetEuros) {
			this.budgetEuros = budgetEuros == null ? "" : budgetEuros;
		}

		public List<MilestoneRow> getMilestones() {
			return milestones;
		}

		public void setMilestones(List<MilestoneRow> milestones) {
			this.milestones = milestones == null ? new ArrayList<>() : new ArrayList<>(milestones);
		}

		FundingForm withRows(int rows) {
			while (milestones.size() < rows) {
				milestones.add(new MilestoneRow());
			}
			return this;
		}
	}

	/** One milestone row of the funding form. */
	public static class MilestoneRow {

		private String label = "";
		private String due = "";

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label == null ? "" : label;
		}

		public String getDue() {
			return due;
		}

		public void setDue(String due) {
			this.due = due == null ? "" : due;
		}

		boolean blank() {
			return label.isBlank() && due.isBlank();
		}
	}

	@PostMapping("/campagnes/{id}/comite/financement")
	String fund(@PathVariable CampaignId id, @ModelAttribute("fundingForm") FundingForm form,
			@RequestParam(required = false) String confirmation, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		committee.requireMember(id, user.username());
		var errors = new Refusal.Collector();
		UUID proposal = null;
		if (form.getProposalId().isBlank()) {
			errors.add("financement-proposition", "Choisissez la proposition présélectionnée à laquelle répond le projet.");
		}
		else {
			try {
				proposal = UUID.fromString(form.getProposalId().strip());
			}
			catch (IllegalArgumentException unknown) {
				errors.add("financement-proposition", "Choisissez une proposition de la présélection en cours.");
			}
		}
		if (form.getProvider().isBlank()) {
			errors.add("financement-porteur", "Indiquez le porteur du projet.");
		}
		if (form.getTitle().isBlank()) {
			errors.add("financement-titre", "Indiquez le titre du projet.");
		}
		Long budget = null;
		var digits = form.getBudgetEuros().replaceAll("[\\s\u00a0\u202f]", "").replaceFirst("(€|EUR)$", "");
		if (digits.isEmpty()) {
			errors.add("financement-budget", "Indiquez le budget en euros.");
		}
		else if (!digits.matches("\\d{1,15}") || Long.parseLong(digits) <= 0) {
			errors.add("financement-budget", "Le budget est un montant entier positif en euros, par exemple 250000.");
		}
		else {
			budget = Long.parseLong(digits);
			var remaining = committee.decisions(id).remainingEuros();
			if (budget > remaining) {
				errors.add("financement-budget", "Ce budget de " + cocon.shared.Euros.of(budget).formatted()
						+ " dépasse l'enveloppe restante de " + cocon.shared.Euros.of(remaining).formatted() + ".");
			}
		}
		var milestones = new ArrayList<FundedProject.Milestone>();
		for (int i = 0; i < form.getMilestones().size(); i++) {
			var row = form.getMilestones().get(i);
			if (row.blank()) {
				continue;
			}
			var n = i + 1;
			if (row.getLabel().isBlank()) {
				errors.add("jalon-libelle-" + i, "Jalon " + n + " : indiquez son libellé.");
				continue;
			}
			if (row.getDue().isBlank()) {
				errors.add("jalon-echeance-" + i, "Jalon " + n + " : indiquez son échéance.");
				continue;
			}
			try {
				milestones.add(new FundedProject.Milestone(row.getLabel(), LocalDate.parse(row.getDue().strip())));
			}
			catch (DateTimeParseException e) {
				errors.add("jalon-echeance-" + i, "Jalon " + n + " : échéance invalide, attendu par exemple 2021-12-31.");
			}
		}
		if (milestones.isEmpty() && form.getMilestones().stream().allMatch(MilestoneRow::blank)) {
			errors.add("jalon-libelle-0", "Indiquez au moins un jalon (libellé et échéance).");
		}
		if (confirmation == null) {
			errors.add("financement-confirmation", "Cochez la case de confirmation pour enregistrer le financement.");
		}
		if (errors.isEmpty()) {
			try {
				var funding = committee.fund(id, proposal, form.getProvider(), form.getTitle(), budget, milestones,
						user.username());
				redirect.addFlashAttribute("success", "Le financement du projet « " + funding.project().title()
						+ " » (" + funding.project().budget().formatted() + ") est enregistré et publié. Reste de l'enveloppe : "
						+ funding.remaining().formatted() + ".");
				return "redirect:/campagnes/" + id + "/comite";
			}
			catch (Refusal.Invalid e) {
				e.errors().forEach(error -> errors.add(FUNDING_FIELDS.getOrDefault(error.field(), "financement"),
						error.message()));
			}
			catch (RuleViolation e) {
				errors.add(e.properties().containsKey("remainingEuros") && e.getMessage().contains("budget")
						? "financement-budget" : "financement-proposition", e.getMessage());
			}
		}
		return board(id, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT, SteeringCommittee.DEFAULT_MATURITY_WEIGHT, user,
				form, errors.errors(), model);
	}

	private static final Map<String, String> FUNDING_FIELDS = Map.of("proposalId", "financement-proposition",
			"provider", "financement-porteur", "title", "financement-titre", "budgetEuros", "financement-budget");

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
		model.addAttribute("campaign", CampaignPages.CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("decisions", decisions);
		// a correcting decision names the one it replaces by its date, not by its identifier
		model.addAttribute("decisionDates", decisions.shortlistDecisions().stream().collect(java.util.stream.Collectors
				.toMap(SteeringCommittee.PublicDecisions.Shortlist::id, SteeringCommittee.PublicDecisions.Shortlist::decidedAt)));
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
