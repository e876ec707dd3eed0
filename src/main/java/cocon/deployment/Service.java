package cocon.deployment;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.deployment.events.ServicePhaseChanged;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Refusal;

/**
 * A service: the life of a funded project after the funding decision. Its phase only moves forward, one step at a
 * time, or stops (with a reason); the budget paid out never exceeds the funded budget (invariant 10 of the design
 * brief, also held by a check of the database).
 */
class Service implements AggregateRoot<Service, Service.ServiceId> {

	/** The service's id is its funded project's id: a funding decision delivered twice creates it once. */
	record ServiceId(UUID id) implements Identifier {

		ServiceId {
			if (id == null) {
				throw new IllegalArgumentException("L'identifiant du service est obligatoire.");
			}
		}

		@Override
		public String toString() {
			return id.toString();
		}
	}

	private final ServiceId id;
	private final CampaignId campaignId;
	private final ProposalId proposalId;
	private final UUID decisionId;
	private final String title;
	private final String provider;
	private final long budgetEuros;
	private long paidEuros;
	private Phase phase;
	private String stopReason;
	private Instant phaseChangedAt;
	private final Instant fundedAt;
	private final transient RegisteredEvents events = new RegisteredEvents();

	Service(ServiceId id, CampaignId campaignId, ProposalId proposalId, UUID decisionId, String title, String provider,
			long budgetEuros, long paidEuros, Phase phase, String stopReason, Instant phaseChangedAt, Instant fundedAt) {
		if (budgetEuros < 0 || paidEuros < 0 || paidEuros > budgetEuros) {
			throw new IllegalArgumentException("Le montant versé est compris entre 0 et le budget financé.");
		}
		this.id = id;
		this.campaignId = campaignId;
		this.proposalId = proposalId;
		this.decisionId = decisionId;
		this.title = title;
		this.provider = provider;
		this.budgetEuros = budgetEuros;
		this.paidEuros = paidEuros;
		this.phase = phase;
		this.stopReason = stopReason;
		this.phaseChangedAt = phaseChangedAt;
		this.fundedAt = fundedAt;
	}

	/** A funded project becomes a service, under construction. */
	static Service funded(UUID projectId, CampaignId campaign, ProposalId proposal, UUID decision, String title,
			String provider, long budgetEuros, Instant decidedAt) {
		var service = new Service(new ServiceId(projectId), campaign, proposal, decision, title, provider, budgetEuros,
				0, Phase.EN_CONSTRUCTION, null, decidedAt, decidedAt);
		service.events.register(new ServicePhaseChanged(projectId, campaign, proposal, title,
				Phase.EN_CONSTRUCTION.name(), null, null, decidedAt));
		return service;
	}

	/**
	 * Moves the service to the target phase: the next one, or {@link Phase#ARRETE} with a reason. The current phase
	 * again changes nothing.
	 *
	 * @return whether the phase changed
	 */
	boolean moveTo(Phase target, String reason, Instant now) {
		if (target == null) {
			throw Refusal.Invalid.field("phase", "Phase inconnue : choisissez parmi EN_CONSTRUCTION, "
					+ "EN_EXPERIMENTATION, DISPONIBLE, GENERALISE, ARRETE.");
		}
		if (target == phase) {
			return false;
		}
		if (phase == Phase.ARRETE) {
			throw new Refusal.Conflict("Le service est arrêté : sa phase ne change plus.");
		}
		if (target == Phase.ARRETE) {
			reason = Refusal.Invalid.required("reason", reason, "Indiquez pourquoi le service est arrêté.");
		}
		else if (target != phase.next()) {
			throw new Refusal.Conflict("Le service est « " + phase.label() + " » : il ne peut passer qu'à la phase « "
					+ (phase.next() == null ? Phase.ARRETE.label() : phase.next().label()) + " » ou être arrêté.");
		}
		else {
			reason = null;
		}
		var previous = phase;
		phase = target;
		stopReason = reason;
		phaseChangedAt = now;
		events.register(new ServicePhaseChanged(id.id(), campaignId, proposalId, title, target.name(), previous.name(),
				reason, now));
		return true;
	}

	/** Records a tranche paid out: positive, and never above what remains of the funded budget. */
	void pay(long amountEuros) {
		if (amountEuros <= 0) {
			throw Refusal.Invalid.field("amount", "Le montant d'une tranche est un nombre d'euros positif.");
		}
		if (amountEuros > budgetEuros - paidEuros) {
			throw new Refusal.Conflict("Budget dépassé", "Cette tranche porterait le montant versé au-delà du budget "
					+ "financé : il reste " + (budgetEuros - paidEuros) + " € à verser sur " + budgetEuros + " €.");
		}
		paidEuros += amountEuros;
	}

	/** Whether the experimentation territories may still give or edit their feedback. */
	boolean acceptsFeedback() {
		return phase.acceptsFeedback();
	}

	RegisteredEvents events() {
		return events;
	}

	@Override
	public ServiceId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	ProposalId proposalId() {
		return proposalId;
	}

	UUID decisionId() {
		return decisionId;
	}

	String title() {
		return title;
	}

	String provider() {
		return provider;
	}

	long budgetEuros() {
		return budgetEuros;
	}

	long paidEuros() {
		return paidEuros;
	}

	Phase phase() {
		return phase;
	}

	String stopReason() {
		return stopReason;
	}

	Instant phaseChangedAt() {
		return phaseChangedAt;
	}

	Instant fundedAt() {
		return fundedAt;
	}
}
