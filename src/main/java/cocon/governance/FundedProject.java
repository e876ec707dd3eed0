package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.governance.events.ProjectsFunded;
import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;

/**
 * A project funded by the committee: a provider's ("porteur") offer answering a shortlisted proposal, with its
 * budget and roadmap. Funded budgets never exceed the campaign's envelope.
 */
class FundedProject implements AggregateRoot<FundedProject, FundedProject.ProjectId> {

	record ProjectId(UUID id) implements Identifier {
	}

	record Milestone(String label, LocalDate due) {

		Milestone {
			if (label == null || label.isBlank()) {
				throw new IllegalArgumentException("Chaque jalon a un libellé.");
			}
			if (due == null) {
				throw new IllegalArgumentException("Chaque jalon a une échéance.");
			}
			label = label.strip();
			if (label.length() > 300) {
				throw new IllegalArgumentException("Le libellé d'un jalon compte au plus 300 caractères.");
			}
			if (due.getYear() < 2000 || due.getYear() > 2100) {
				throw new IllegalArgumentException("L'échéance d'un jalon tombe entre 2000 et 2100.");
			}
		}
	}

	private final ProjectId id;
	private final UUID decisionId;
	private final CampaignId campaignId;
	private final ProposalId proposalId;
	private final String provider;
	private final String title;
	private final Euros budget;
	private final List<Milestone> milestones;
	private final String decidedBy;
	private final Instant decidedAt;

	private final transient RegisteredEvents events = new RegisteredEvents();

	FundedProject(ProjectId id, UUID decisionId, CampaignId campaignId, ProposalId proposalId, String provider,
			String title, Euros budget, List<Milestone> milestones, String decidedBy, Instant decidedAt) {
		this.id = id;
		this.decisionId = decisionId;
		this.campaignId = campaignId;
		this.proposalId = proposalId;
		this.provider = provider;
		this.title = title;
		this.budget = budget;
		this.milestones = List.copyOf(milestones);
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	/**
	 * Funds a project if it answers a shortlisted proposal and fits in what remains of the envelope; refused with
	 * the remaining amount otherwise.
	 */
	static FundedProject fund(CampaignId campaign, Euros envelope, Euros alreadyFunded, Set<ProposalId> shortlisted,
			ProposalId proposal, String provider, String title, Euros budget, List<Milestone> milestones, String by,
			Instant now) {
		var remaining = envelope.exceeds(alreadyFunded) ? envelope.minus(alreadyFunded) : Euros.ZERO;
		if (!shortlisted.contains(proposal)) {
			throw new RuleViolation("Seul un projet répondant à une proposition présélectionnée peut être financé.",
					Map.of("remainingEuros", remaining.amount()));
		}
		if (budget.amount() <= 0) {
			throw new IllegalArgumentException("Le budget doit être positif.");
		}
		if (budget.exceeds(remaining)) {
			throw new RuleViolation("Ce budget de " + budget.formatted() + " dépasse l'enveloppe restante de "
					+ remaining.formatted() + ".", Map.of("remainingEuros", remaining.amount()));
		}
		var project = new FundedProject(new ProjectId(UUID.randomUUID()), UUID.randomUUID(), campaign, proposal,
				provider.strip(), title.strip(), budget, milestones, by, now);
		var remainingAfter = remaining.minus(budget);
		project.events.register(new ProjectsFunded(project.decisionId, campaign,
				List.of(new ProjectsFunded.FundedProject(project.id.id(), proposal, project.provider, project.title,
						budget.amount())),
				envelope.amount(), remainingAfter.amount(), now));
		return project;
	}
	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return events;
	}

	@Override
	public ProjectId getId() {
		return id;
	}

	UUID decisionId() {
		return decisionId;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	ProposalId proposalId() {
		return proposalId;
	}

	String provider() {
		return provider;
	}

	String title() {
		return title;
	}

	Euros budget() {
		return budget;
	}

	List<Milestone> milestones() {
		return milestones;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}
}
