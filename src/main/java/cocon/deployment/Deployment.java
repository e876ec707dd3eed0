package cocon.deployment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.governance.events.ProjectsFunded;
import cocon.shared.Refusal;
import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.KnownIdentities;
import cocon.shared.identity.Organisation;
import cocon.shared.identity.Role;

/**
 * The use cases of the module: a service per funded project, its team, phase, milestones, links and budget, the
 * experimentation territories' feedback and the adoptions. Every change is attributable and kept in the service's
 * timeline; the events the changes imply are published in the same transaction.
 */
@Component
class Deployment {

	static final int FEEDBACK_MAX = 2000;

	private final Services services;
	private final Adoptions adoptions;
	private final JdbcClient jdbc;
	private final KnownIdentities identities;
	private final Clock clock;

	Deployment(Services services, Adoptions adoptions, JdbcClient jdbc, KnownIdentities identities, Clock clock) {
		this.services = services;
		this.adoptions = adoptions;
		this.jdbc = jdbc;
		this.identities = identities;
		this.clock = clock;
	}

	/** Every funded project becomes a service under construction; a redelivered decision adds nothing. */
	@Transactional
	int fund(ProjectsFunded decision) {
		int added = 0;
		for (var project : decision.projects()) {
			var service = Service.funded(project.projectId(), decision.campaignId(), project.proposalId(),
					decision.decisionId(), project.title(), project.provider(), project.budgetEuros(),
					decision.decidedAt());
			if (services.addIfAbsent(service)) {
				added++;
			}
		}
		return added;
	}

	/** A collectivité declares where it stands with a service. */
	@Transactional
	Adoptions.Outcome declare(Service.ServiceId id, CurrentUser agent, String statusName, String note) {
		var organisation = adopter(agent);
		var status = AdoptionStatus.parse(statusName);
		if (status == null) {
			throw Refusal.Invalid.field("status", "Statut inconnu : choisissez parmi " + AdoptionStatus.allowed() + ".")
					.with("allowed", AdoptionStatus.allowed());
		}
		note = note == null || note.isBlank() ? null : note.strip();
		if (note != null && note.length() > FEEDBACK_MAX) {
			throw Refusal.Invalid.field("note", "La note ne peut dépasser 2 000 caractères.");
		}
		if (status == AdoptionStatus.ABANDONNEE && note == null) {
			throw Refusal.Invalid.field("note", "Indiquez pourquoi votre collectivité a abandonné ce service.");
		}
		var service = services.find(id).orElseThrow(Deployment::unknownService);
		return adoptions.declare(service, organisation, status, note, agent.username(), clock.instant());
	}

	java.util.Optional<Adoptions.Current> currentAdoptionIfAny(Service.ServiceId id, cocon.shared.Siren siren) {
		return adoptions.current(id, siren);
	}

	Adoptions.Current currentAdoption(Service.ServiceId id, cocon.shared.Siren siren) {
		return adoptions.current(id, siren).orElseThrow();
	}

	/** Any kind of public body of the directory may adopt, once its organisation is verified. */
	static Organisation adopter(CurrentUser agent) {
		var organisation = agent.organisationIfAny().orElseThrow(() -> new Refusal.Forbidden(
				"Votre compte n'est rattaché à aucune collectivité : seule une collectivité peut déclarer l'adoption d'un service."));
		if (!organisation.verified()) {
			throw new Refusal.Forbidden("Votre organisation (SIREN " + organisation.siren()
					+ ") n'est pas encore vérifiée : un administrateur doit la vérifier avant que vous puissiez déclarer une adoption.");
		}
		if (organisation.kind() == cocon.shared.CollectiviteKind.OTHER) {
			throw new Refusal.Forbidden("Seules les collectivités et leurs groupements peuvent déclarer l'adoption d'un service.");
		}
		return organisation;
	}

	@Transactional
	boolean changePhase(Service.ServiceId id, CurrentUser user, String phaseName, String reason) {
		var service = teamLock(id, user);
		if (service.moveTo(Phase.parse(phaseName), reason, clock.instant())) {
			services.savePhase(service, user.username());
			return true;
		}
		return false;
	}

	@Transactional
	void payTranche(Service.ServiceId id, CurrentUser user, long amount, LocalDate paidOn, String label) {
		var service = teamLock(id, user);
		if (paidOn == null) {
			throw Refusal.Invalid.field("paidOn", "Indiquez la date du versement.");
		}
		label = Refusal.Invalid.required("label", label, "Indiquez l'objet de la tranche (par exemple « Tranche 1 »).");
		service.pay(amount);
		services.addTranche(service, amount, paidOn, label, user.username(), clock.instant());
	}

	@Transactional
	UUID addMilestone(Service.ServiceId id, CurrentUser user, String title, LocalDate due) {
		teamLock(id, user);
		title = Refusal.Invalid.required("title", title, "Indiquez l'intitulé du jalon.");
		if (due == null) {
			throw Refusal.Invalid.field("due", "Indiquez la date prévue du jalon.");
		}
		return services.addMilestone(id, title, due, user.username(), clock.instant());
	}

	@Transactional
	void milestoneDone(Service.ServiceId id, UUID milestoneId, CurrentUser user, LocalDate on) {
		teamLock(id, user);
		var milestone = services.milestone(id, milestoneId)
				.orElseThrow(() -> new Refusal.NotFound("Ce jalon n'existe pas pour ce service."));
		if (on == null) {
			throw Refusal.Invalid.field("on", "Indiquez la date à laquelle le jalon a été atteint.");
		}
		if (milestone.done() != null) {
			throw new Refusal.Conflict("Ce jalon est déjà atteint (le " + Dates.day(milestone.done()) + ").");
		}
		services.milestoneDone(id, milestone, on, user.username(), clock.instant());
	}

	@Transactional
	void replanMilestone(Service.ServiceId id, UUID milestoneId, CurrentUser user, LocalDate due, String reason) {
		teamLock(id, user);
		var milestone = services.milestone(id, milestoneId)
				.orElseThrow(() -> new Refusal.NotFound("Ce jalon n'existe pas pour ce service."));
		if (due == null) {
			throw Refusal.Invalid.field("due", "Indiquez la nouvelle date prévue.");
		}
		reason = Refusal.Invalid.required("reason", reason, "Indiquez pourquoi le jalon est replanifié.");
		if (milestone.done() != null) {
			throw new Refusal.Conflict("Ce jalon est déjà atteint : il ne peut plus être replanifié.");
		}
		services.milestoneReplanned(id, milestone, due, reason, user.username(), clock.instant());
	}

	@Transactional
	void setLinks(Service.ServiceId id, CurrentUser user, Links links) {
		teamLock(id, user);
		services.saveLinks(id, links, user.username(), clock.instant());
	}

	/** An administrator names a team member: a known identity only (someone who signed in, or a demo persona). */
	@Transactional
	void nameTeamMember(Service.ServiceId id, CurrentUser admin, String username) {
		requireAdministrator(admin);
		services.lock(id).orElseThrow(Deployment::unknownService);
		username = Refusal.Invalid.required("username", username, "Indiquez l'identifiant de la personne à nommer.");
		if (!identities.isKnown(username)) {
			throw Refusal.Invalid.field("username", "Aucune personne connue de Cocon n'a l'identifiant « " + username
					+ " » : elle doit s'être connue une première fois.");
		}
		var now = clock.instant();
		int added = jdbc.sql("""
				insert into deployment.team_member (id, service_id, username, named_by, named_at)
				values (:id, :service, :username, :by, :at)
				on conflict (service_id, username) where removed_at is null do nothing""")
				.param("id", UUID.randomUUID()).param("service", id.id()).param("username", username)
				.param("by", admin.username()).param("at", Timestamps.column(now)).update();
		if (added == 1) {
			services.timeline(id, now, "EQUIPE", "Un membre a été nommé dans l'équipe du projet.", admin.username());
		}
	}

	@Transactional
	void removeTeamMember(Service.ServiceId id, CurrentUser admin, String username) {
		requireAdministrator(admin);
		services.lock(id).orElseThrow(Deployment::unknownService);
		var now = clock.instant();
		int removed = jdbc.sql("""
				update deployment.team_member set removed_by = :by, removed_at = :at
				where service_id = :service and username = :username and removed_at is null""")
				.param("service", id.id()).param("username", username).param("by", admin.username())
				.param("at", Timestamps.column(now)).update();
		if (removed == 1) {
			services.timeline(id, now, "EQUIPE", "Un membre a quitté l'équipe du projet.", admin.username());
		}
	}

	/**
	 * An experimentation territory of the service's proposal gives its feedback, once, and may edit it until the
	 * service is available.
	 */
	@Transactional
	boolean giveFeedback(Service.ServiceId id, CurrentUser agent, int satisfaction, Boolean wouldAdopt, String text,
			boolean published) {
		var organisation = agent.organisationIfAny().filter(Organisation::verified).orElseThrow(() -> new Refusal.Forbidden(
				"Seul un territoire d'expérimentation du service, vérifié, peut donner son retour d'expérience."));
		var service = services.lock(id).orElseThrow(Deployment::unknownService);
		boolean experimenting = jdbc.sql("""
				select count(*) from deployment.experimentation_territory where proposal_id = :proposal and siren = :siren
				  and marked_at is not null and left_at is null""")
				.param("proposal", service.proposalId().id()).param("siren", organisation.siren().value())
				.query(Long.class).single() > 0;
		if (!experimenting) {
			throw new Refusal.Forbidden("Votre collectivité n'est pas un territoire d'expérimentation de ce service : "
					+ "seuls ceux-ci donnent un retour d'expérience.");
		}
		if (!service.acceptsFeedback()) {
			throw new Refusal.Conflict("Le service est « " + service.phase().label()
					+ " » : le retour d'expérience ne peut plus être donné ni modifié.");
		}
		var errors = new Refusal.Collector();
		if (satisfaction < 1 || satisfaction > 5) {
			errors.add("satisfaction", "La satisfaction est une note de 1 à 5.");
		}
		if (wouldAdopt == null) {
			errors.add("wouldAdopt", "Indiquez si votre collectivité adopterait le service.");
		}
		text = text == null || text.isBlank() ? null : text.strip();
		if (text != null && text.length() > FEEDBACK_MAX) {
			errors.add("text", "Le retour ne peut dépasser 2 000 caractères.");
		}
		errors.throwIfAny();
		var now = clock.instant();
		boolean created = jdbc.sql("""
				insert into deployment.feedback (service_id, siren, collectivite_name, satisfaction, would_adopt, text,
				  public, author, given_at, updated_at)
				values (:service, :siren, :name, :satisfaction, :adopt, :text, :public, :author, :at, :at)
				on conflict (service_id, siren) do update set satisfaction = excluded.satisfaction,
				  would_adopt = excluded.would_adopt, text = excluded.text, public = excluded.public,
				  author = excluded.author, updated_at = excluded.updated_at
				returning (xmax = 0) as created""")
				.param("service", id.id()).param("siren", organisation.siren().value())
				.param("name", organisation.name()).param("satisfaction", satisfaction).param("adopt", wouldAdopt)
				.param("text", text).param("public", published).param("author", agent.username())
				.param("at", Timestamps.column(now)).query(Boolean.class).single();
		services.timeline(id, now, "RETOUR", (created ? "Retour d'expérience de " : "Retour d'expérience modifié par ")
				+ organisation.name() + ".", agent.username());
		return created;
	}

	/** The service, locked, when the person is on its team or an administrator. */
	private Service teamLock(Service.ServiceId id, CurrentUser user) {
		var service = services.lock(id).orElseThrow(Deployment::unknownService);
		if (!user.hasRole(Role.ADMINISTRATOR) && !isTeamMember(id, user.username())) {
			throw new Refusal.Forbidden("Seule l'équipe du projet, nommée par un administrateur, peut modifier ce service.");
		}
		return service;
	}

	boolean isTeamMember(Service.ServiceId id, String username) {
		return jdbc.sql("select count(*) from deployment.team_member where service_id = :s and username = :u and removed_at is null")
				.param("s", id.id()).param("u", username).query(Long.class).single() > 0;
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.hasRole(Role.ADMINISTRATOR)) {
			throw new Refusal.Forbidden("Seul un administrateur nomme l'équipe d'un projet.");
		}
	}

	static Refusal unknownService() {
		return new Refusal.NotFound("Service introuvable", "Ce service n'existe pas.");
	}
}
