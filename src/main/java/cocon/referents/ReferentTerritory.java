package cocon.referents;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.referents.events.ReferentTerritoryJoined;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;

/**
 * The application of a collectivité to the call of a shortlisted proposal. There is no selection: applying
 * makes the collectivité a referent territory, member of the proposal's working group. Staff may mark it as an
 * experimentation territory (it gets the service first). One per collectivité and proposal (SQL unique key).
 */
class ReferentTerritory implements AggregateRoot<ReferentTerritory, ReferentTerritory.ApplicationId> {

	record ApplicationId(UUID id) implements Identifier {

		ApplicationId {
			if (id == null) {
				throw new IllegalArgumentException("L'identifiant de candidature est obligatoire.");
			}
		}

		@Override
		public String toString() {
			return id.toString();
		}
	}

	/** Who the working group may reach at the collectivité: personal data, shown to staff only. */
	record Contact(String name, String email) {

		/**
		 * What a contact's e-mail address must look like: the one rule, checked here and by the API's {@code @Email}
		 * and the application form (which show it as a field error before the aggregate is built).
		 */
		static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

		static boolean isEmail(String email) {
			return email != null && email.matches(EMAIL);
		}

		Contact {
			if (name == null || name.isBlank() || !isEmail(email)) {
				throw new IllegalArgumentException("Le contact doit avoir un nom et une adresse électronique valide.");
			}
			name = name.strip();
			email = email.strip();
		}
	}

	/** Who marked the territory as an experimentation territory, and when. */
	record Experimentation(String markedBy, Instant markedAt) {
	}

	private final ApplicationId id;
	private final ProposalId proposalId;
	private final CampaignId campaignId;
	private final Siren siren;
	private final String collectiviteName;
	private final CollectiviteKind kind;
	private final String motivation;
	private final Contact contact;
	private final String appliedBy;
	private final Instant joinedAt;
	private Experimentation experimentation;
	private final transient RegisteredEvents events = new RegisteredEvents();

	ReferentTerritory(ApplicationId id, ProposalId proposalId, CampaignId campaignId, Siren siren,
			String collectiviteName, CollectiviteKind kind, String motivation, Contact contact, String appliedBy,
			Instant joinedAt, Experimentation experimentation) {
		this.id = id;
		this.proposalId = proposalId;
		this.campaignId = campaignId;
		this.siren = siren;
		this.collectiviteName = collectiviteName;
		this.kind = kind;
		this.motivation = motivation;
		this.contact = contact;
		this.appliedBy = appliedBy;
		this.joinedAt = joinedAt;
		this.experimentation = experimentation;
	}

	/**
	 * A collectivité applies to an open call: checked against the campaign's rules (kinds admitted, window) and
	 * the organisation's verification; it joins the working group at once.
	 */
	static ReferentTerritory apply(ReferentCall call, CampaignRules campaign, CurrentUser agent, String motivation,
			Contact contact, Instant now) {
		Organisation organisation = eligibleOrganisation(agent, campaign);
		if (call.isCancelled()) {
			throw new ReferentProblem.UnknownCall();
		}
		if (!campaign.acceptsApplicationsAt(now)) {
			throw new ReferentProblem.WindowClosed(campaign.applications());
		}
		if (motivation == null || motivation.isBlank()) {
			throw new IllegalArgumentException("La motivation est obligatoire.");
		}
		var territory = new ReferentTerritory(new ApplicationId(UUID.randomUUID()), call.getId(), call.campaignId(),
				organisation.siren(), organisation.name(), organisation.kind(), motivation.strip(), contact,
				agent.username(), now, null);
		territory.events.register(new ReferentTerritoryJoined(territory.id.id(), call.getId(), call.campaignId(),
				organisation.siren(), organisation.name(), organisation.kind(), now));
		return territory;
	}

	/** The agent's organisation, when it may join working groups of this campaign; refused with the reason. */
	static Organisation eligibleOrganisation(CurrentUser agent, CampaignRules campaign) {
		var organisation = agent.organisationIfAny().orElseThrow(() -> new ReferentProblem.NotEligible(
				"Votre compte n'est rattaché à aucune collectivité : seule une collectivité peut devenir territoire référent."));
		if (!organisation.verified()) {
			throw new ReferentProblem.NotEligible("Votre organisation (SIREN " + organisation.siren()
					+ ") n'est pas encore vérifiée : un administrateur doit la vérifier avant que vous puissiez candidater.");
		}
		if (!campaign.admits(organisation.kind())) {
			throw new ReferentProblem.NotEligible("Les organisations de type « " + organisation.kind().label()
					+ " » ne peuvent pas rejoindre les groupes de travail de cette campagne.");
		}
		return organisation;
	}

	/** Marks the territory as an experimentation territory; marking it again changes nothing. */
	boolean markAsExperimentation(String by, Instant now) {
		if (experimentation != null) {
			return false;
		}
		this.experimentation = new Experimentation(by, now);
		events.register(new cocon.referents.events.ExperimentationTerritoryMarked(id.id(), proposalId, campaignId, siren,
				collectiviteName, kind, now));
		return true;
	}

	/**
	 * The territory leaves its working group, by its own collectivité's agent or by staff: its application ends
	 * (kept in the group's history) and the others learn it; refused once the call is cancelled.
	 */
	void leave(CurrentUser by, Instant now) {
		var own = by.organisationIfAny().map(o -> o.siren().equals(siren)).orElse(false);
		if (!own && !by.isStaff()) {
			throw new ReferentProblem.NotEligible(
					"Seule la collectivité membre, ou l'équipe de la campagne, peut retirer un territoire du groupe de travail.");
		}
		events.register(new cocon.referents.events.ReferentTerritoryLeft(id.id(), proposalId, campaignId, siren,
				collectiviteName, kind, experimentation != null, now));
	}

	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return events;
	}

	@Override
	public ApplicationId getId() {
		return id;
	}

	ProposalId proposalId() {
		return proposalId;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	Siren siren() {
		return siren;
	}

	String collectiviteName() {
		return collectiviteName;
	}

	CollectiviteKind kind() {
		return kind;
	}

	String motivation() {
		return motivation;
	}

	Contact contact() {
		return contact;
	}

	String appliedBy() {
		return appliedBy;
	}

	Instant joinedAt() {
		return joinedAt;
	}

	Experimentation experimentation() {
		return experimentation;
	}

	boolean isExperimentation() {
		return experimentation != null;
	}
}
