package cocon.governance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import cocon.shared.Euros;
import cocon.shared.Refusal;

/**
 * The committee board's funding form: a shortlisted proposal, a provider's project, its budget and its milestones
 * (rows). Errors are named by the id of the input they are about.
 */
class FundingForm {

	/** Milestone rows offered without JavaScript; empty rows are ignored. */
	static final int ROWS = 5;

	/** The inputs of the fields at fault the funding use case names (as in the API). */
	private static final Map<String, String> INPUTS = Map.of("proposalId", "financement-proposition",
			"provider", "financement-porteur", "title", "financement-titre", "budgetEuros", "financement-budget");

	private String proposalId = "";
	private String provider = "";
	private String title = "";
	private String budgetEuros = "";
	private List<MilestoneRow> milestones = new ArrayList<>();

	/** What the form asks, once its inputs are read. */
	record Funding(UUID proposalId, Long budgetEuros, List<FundedProject.Milestone> milestones) {
	}

	/**
	 * Reads the inputs, adding to {@code errors} each one at fault (by input id): the budget must fit in what remains
	 * of the envelope, at least one milestone is complete, and the decision is confirmed.
	 */
	Funding read(LongSupplier remainingEuros, boolean confirmed, Refusal.Collector errors) {
		UUID proposal = null;
		if (proposalId.isBlank()) {
			errors.add("financement-proposition", "Choisissez la proposition présélectionnée à laquelle répond le projet.");
		}
		else {
			try {
				proposal = UUID.fromString(proposalId.strip());
			}
			catch (IllegalArgumentException unknown) {
				errors.add("financement-proposition", "Choisissez une proposition de la présélection en cours.");
			}
		}
		if (provider.isBlank()) {
			errors.add("financement-porteur", "Indiquez le porteur du projet.");
		}
		if (title.isBlank()) {
			errors.add("financement-titre", "Indiquez le titre du projet.");
		}
		Long budget = null;
		var digits = budgetEuros.replaceAll("[\\s\u00a0\u202f]", "").replaceFirst("(€|EUR)$", "");
		if (digits.isEmpty()) {
			errors.add("financement-budget", "Indiquez le budget en euros.");
		}
		else if (!digits.matches("\\d{1,15}") || Long.parseLong(digits) <= 0) {
			errors.add("financement-budget", "Le budget est un montant entier positif en euros, par exemple 250000.");
		}
		else {
			budget = Long.parseLong(digits);
			var remaining = remainingEuros.getAsLong();
			if (budget > remaining) {
				errors.add("financement-budget", "Ce budget de " + Euros.of(budget).formatted()
						+ " dépasse l'enveloppe restante de " + Euros.of(remaining).formatted() + ".");
			}
		}
		var read = new ArrayList<FundedProject.Milestone>();
		for (int i = 0; i < milestones.size(); i++) {
			var row = milestones.get(i);
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
				read.add(new FundedProject.Milestone(row.getLabel(), LocalDate.parse(row.getDue().strip())));
			}
			catch (DateTimeParseException e) {
				errors.add("jalon-echeance-" + i, "Jalon " + n + " : échéance invalide, attendu par exemple 2021-12-31.");
			}
		}
		if (read.isEmpty() && milestones.stream().allMatch(MilestoneRow::blank)) {
			errors.add("jalon-libelle-0", "Indiquez au moins un jalon (libellé et échéance).");
		}
		if (!confirmed) {
			errors.add("financement-confirmation", "Cochez la case de confirmation pour enregistrer le financement.");
		}
		return new Funding(proposal, budget, read);
	}

	/**
	 * Adds the refusal of the funding use case to {@code errors}, each message on the input it is about: a field at
	 * fault on its input, a rule of the envelope on the budget, any other rule on the proposal.
	 */
	static void refused(Refusal refusal, Refusal.Collector errors) {
		if (refusal instanceof Refusal.Invalid invalid) {
			invalid.errors().forEach(error -> errors.add(INPUTS.getOrDefault(error.field(), "financement"),
					error.message()));
		}
		else {
			errors.add(refusal.properties().containsKey("remainingEuros") && refusal.getMessage().contains("budget")
					? "financement-budget" : "financement-proposition", refusal.getMessage());
		}
	}

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
}
