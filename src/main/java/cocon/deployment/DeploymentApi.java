package cocon.deployment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CollectiviteKind;
import cocon.shared.ListPage;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The deployment API: the catalogue of services, a service with its adoption counts, the adoption registry, and the
 * project team's updates. Refusals are problem details (RFC 9457) through the shared {@link Refusal}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Déploiement", description = "Services issus des projets financés, équipes projet et adoptions par les collectivités")
class DeploymentApi {

	private final Deployment deployment;
	private final DeploymentQueries queries;
	private final AdoptionList adoptionList;
	private final java.time.Clock clock;

	DeploymentApi(Deployment deployment, DeploymentQueries queries, AdoptionList adoptionList, java.time.Clock clock) {
		this.deployment = deployment;
		this.queries = queries;
		this.adoptionList = adoptionList;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), cocon.shared.Window.PARIS);
	}

	/** The links of a service, public; the contact address is shown to signed-in agents on the page only. */
	record PublicLinks(String site, String documentation, String source) {
	}

	record ServiceSummary(UUID id, UUID campaignId, String title, String provider, UUID proposalId, String need,
			String theme, String phase, String phaseLabel, long adoptions, long population,
			Map<String, Long> adoptionsByStatus) {

		static ServiceSummary of(DeploymentQueries.Card card) {
			return new ServiceSummary(card.id(), card.campaignId(), card.title(), card.provider(), card.proposalId(),
					card.need(), card.theme(), card.phase().name(), card.phase().label(), card.adoptions(),
					card.population(), counts(card));
		}
	}

	static Map<String, Long> counts(DeploymentQueries.Card card) {
		var counts = new LinkedHashMap<String, Long>();
		for (var status : AdoptionStatus.values()) {
			counts.put(status.name(), card.count(status));
		}
		return counts;
	}

	@Operation(summary = "Catalogue des services", description = "Tous les services issus des projets financés, les plus "
			+ "adoptés d'abord ; recherche q sans tenir compte des accents, filtres theme et phase. Paginé : page à "
			+ "partir de 0, de 1 à 500 services par page (100 par défaut) ; X-Total-Count et Link.")
	@GetMapping("/services")
	ResponseEntity<List<ServiceSummary>> services(@RequestParam(required = false) String q,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String phase,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		if (!ListPage.valid(page, size)) {
			throw new Refusal.Invalid(ListPage.BOUNDS);
		}
		Phase wanted = null;
		if (phase != null && !phase.isBlank()) {
			wanted = Phase.parse(phase);
			if (wanted == null) {
				throw Refusal.Invalid.field("phase", "Phase inconnue : choisissez parmi EN_CONSTRUCTION, "
						+ "EN_EXPERIMENTATION, DISPONIBLE, GENERALISE, ARRETE.");
			}
		}
		var all = queries.catalogue(new DeploymentQueries.Filters(q, theme, wanted, null, null)).stream()
				.map(ServiceSummary::of).toList();
		return paged(ListPage.of(all, page, size), "/api/services");
	}

	record ServiceDetails(UUID id, UUID campaignId, String campaignTitle, String title, String provider,
			UUID proposalId, String need, String theme, long contributions, String phase, String phaseLabel,
			String stopReason, long budgetEuros, long paidEuros, long adoptions, long population,
			Map<String, Long> adoptionsByStatus, PublicLinks links,
			List<DeploymentQueries.Milestone> milestones, DeploymentQueries.FeedbackSummary feedback,
			List<DeploymentQueries.Territory> experimentationTerritories, Instant fundedAt) {
	}

	@Operation(summary = "Un service", description = "Avec ses adoptions par statut, ses jalons, son budget versé et "
			+ "la synthèse des retours d'expérience.")
	@GetMapping("/services/{id}")
	ServiceDetails service(@PathVariable UUID id) {
		var card = queries.card(id).orElseThrow(Deployment::unknownService);
		return new ServiceDetails(card.id(), card.campaignId(), card.campaignTitle(), card.title(), card.provider(),
				card.proposalId(), card.need(), card.theme(), card.contributions(), card.phase().name(),
				card.phase().label(), card.stopReason(), card.budgetEuros(), card.paidEuros(), card.adoptions(),
				card.population(), counts(card), queries.links(id).map(l -> new PublicLinks(l.site(), l.documentation(), l.source())).orElseThrow(),
				queries.milestones(id, today()),
				queries.feedbackSummary(id), queries.experimentationTerritories(card.proposalId()), card.fundedAt());
	}

	record PublicAdoption(String siren, String name, CollectiviteKind kind, String departement, String status,
			Instant since) {
	}

	@Operation(summary = "Les collectivités qui ont adopté un service", description = "Statut actuel de chaque "
			+ "collectivité, le plus récent d'abord. Paginé : page à partir de 0, de 1 à 500 par page (100 par défaut) ; "
			+ "X-Total-Count et Link. Le lien rel=\"next\" porte aussi un curseur (after) qui reprend la liste après la "
			+ "dernière ligne lue : le suivre coûte autant pour la dernière page que pour la première.")
	@GetMapping("/services/{id}/adoptions")
	ResponseEntity<List<PublicAdoption>> adoptions(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size,
			@Parameter(description = "Curseur donné par le lien rel=\"next\" de la page précédente (facultatif)")
			@RequestParam(required = false) String after) {
		if (!ListPage.valid(page, size)) {
			throw new Refusal.Invalid(ListPage.BOUNDS);
		}
		var found = adoptionList.page(id, page, size, after == null || after.isBlank() ? null : after);
		if (!found.known()) {
			throw Deployment.unknownService();
		}
		var path = "/api/services/" + id + "/adoptions";
		var response = ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()));
		var links = new java.util.ArrayList<String>(2);
		if (found.next() != null) {
			links.add("<" + path + "?page=" + (page + 1) + "&size=" + size + "&after=" + found.next() + ">; rel=\"next\"");
		}
		if (page > 0) {
			links.add("<" + path + "?page=" + (page - 1) + "&size=" + size + ">; rel=\"prev\"");
		}
		if (!links.isEmpty()) {
			response.header(HttpHeaders.LINK, String.join(", ", links));
		}
		return response.body(found.items());
	}

	record OwnAdoption(UUID serviceId, String serviceTitle, String status, String note, Instant since) {
	}

	@Operation(summary = "Les adoptions de ma collectivité")
	@GetMapping("/me/adoptions")
	List<OwnAdoption> myAdoptions(CurrentUser user) {
		var organisation = user.organisationIfAny().orElseThrow(() -> new Refusal.Forbidden(
				"Votre compte n'est rattaché à aucune collectivité."));
		return queries.adoptionsOf(organisation.siren()).stream().map(a -> new OwnAdoption(a.serviceId(),
				a.serviceTitle(), a.status().name(), a.note(), a.since())).toList();
	}

	record AdoptionRequest(String status, String note) {
	}

	record AdoptionResponse(UUID serviceId, String siren, String status, String note, Instant since) {
	}

	@Operation(summary = "Déclarer l'adoption d'un service par ma collectivité", description = "201 pour la première "
			+ "déclaration de la collectivité, 200 pour un changement ou le même statut ; 403 pour une organisation "
			+ "non vérifiée ou une personne sans collectivité ; 400 pour un statut inconnu ou un abandon sans raison.")
	@PutMapping("/services/{id}/adoption")
	ResponseEntity<AdoptionResponse> declare(@PathVariable UUID id, @RequestBody AdoptionRequest request,
			CurrentUser user) {
		var serviceId = new Service.ServiceId(id);
		var outcome = deployment.declare(serviceId, user, request.status(), request.note());
		var siren = user.organisation().siren();
		var current = deployment.currentAdoption(serviceId, siren);
		var body = new AdoptionResponse(id, siren.value(), current.status().name(), current.note(), current.since());
		return outcome == Adoptions.Outcome.CREATED
				? ResponseEntity.created(URI.create("/api/services/" + id + "/adoptions")).body(body)
				: ResponseEntity.ok(body);
	}

	record PhaseRequest(String phase, String reason) {
	}

	@Operation(summary = "Changer la phase d'un service (équipe projet)")
	@PutMapping("/services/{id}/phase")
	ServiceSummary changePhase(@PathVariable UUID id, @RequestBody PhaseRequest request, CurrentUser user) {
		deployment.changePhase(new Service.ServiceId(id), user, request.phase(), request.reason());
		return ServiceSummary.of(queries.card(id).orElseThrow());
	}

	record TrancheRequest(Long amountEuros, LocalDate paidOn, String label) {
	}

	@Operation(summary = "Enregistrer une tranche de budget versée (équipe projet)", description = "Jamais au-delà du budget financé (409).")
	@PostMapping("/services/{id}/tranches")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceSummary payTranche(@PathVariable UUID id, @RequestBody TrancheRequest request, CurrentUser user) {
		if (request.amountEuros() == null) {
			throw Refusal.Invalid.field("amountEuros", "Indiquez le montant de la tranche, en euros.");
		}
		deployment.payTranche(new Service.ServiceId(id), user, request.amountEuros(), request.paidOn(), request.label());
		return ServiceSummary.of(queries.card(id).orElseThrow());
	}

	record MilestoneRequest(String title, LocalDate due) {
	}

	record Created(UUID id) {
	}

	@Operation(summary = "Ajouter un jalon (équipe projet)")
	@PostMapping("/services/{id}/milestones")
	@ResponseStatus(HttpStatus.CREATED)
	Created addMilestone(@PathVariable UUID id, @RequestBody MilestoneRequest request, CurrentUser user) {
		return new Created(deployment.addMilestone(new Service.ServiceId(id), user, request.title(), request.due()));
	}

	record MilestoneUpdate(LocalDate doneOn, LocalDate replannedTo, String reason) {
	}

	@Operation(summary = "Marquer un jalon atteint (doneOn) ou le replanifier (replannedTo et reason) (équipe projet)")
	@PutMapping("/services/{id}/milestones/{milestone}")
	List<DeploymentQueries.Milestone> updateMilestone(@PathVariable UUID id, @PathVariable UUID milestone,
			@RequestBody MilestoneUpdate request, CurrentUser user) {
		var service = new Service.ServiceId(id);
		if (request.doneOn() != null) {
			deployment.milestoneDone(service, milestone, user, request.doneOn());
		}
		else {
			deployment.replanMilestone(service, milestone, user, request.replannedTo(), request.reason());
		}
		return queries.milestones(id, today());
	}

	@Operation(summary = "Liens et adresse de contact fonctionnelle du service (équipe projet)")
	@PutMapping("/services/{id}/links")
	DeploymentQueries.ServiceLinks setLinks(@PathVariable UUID id, @RequestBody Links links, CurrentUser user) {
		deployment.setLinks(new Service.ServiceId(id), user, links);
		return queries.links(id).orElseThrow();
	}

	record TeamRequest(String username) {
	}

	@Operation(summary = "Nommer un membre de l'équipe projet (administrateur)")
	@PostMapping("/services/{id}/team")
	@ResponseStatus(HttpStatus.CREATED)
	List<DeploymentQueries.TeamMember> nameTeamMember(@PathVariable UUID id, @RequestBody TeamRequest request,
			CurrentUser user) {
		deployment.nameTeamMember(new Service.ServiceId(id), user, request.username());
		return queries.team(id);
	}

	@Operation(summary = "Retirer un membre de l'équipe projet (administrateur)")
	@DeleteMapping("/services/{id}/team/{username}")
	List<DeploymentQueries.TeamMember> removeTeamMember(@PathVariable UUID id, @PathVariable String username,
			CurrentUser user) {
		deployment.removeTeamMember(new Service.ServiceId(id), user, username);
		return queries.team(id);
	}

	record FeedbackRequest(Integer satisfaction, Boolean wouldAdopt, String text, Boolean published) {
	}

	@Operation(summary = "Retour d'expérience d'un territoire d'expérimentation", description = "Une fois par "
			+ "collectivité, modifiable jusqu'à ce que le service soit disponible : 201 la première fois, 200 ensuite.")
	@PutMapping("/services/{id}/feedback")
	ResponseEntity<DeploymentQueries.FeedbackSummary> feedback(@PathVariable UUID id,
			@RequestBody FeedbackRequest request, CurrentUser user) {
		boolean created = deployment.giveFeedback(new Service.ServiceId(id), user,
				request.satisfaction() == null ? 0 : request.satisfaction(), request.wouldAdopt(), request.text(),
				Boolean.TRUE.equals(request.published()));
		var summary = queries.feedbackSummary(id);
		return created ? ResponseEntity.status(HttpStatus.CREATED).body(summary) : ResponseEntity.ok(summary);
	}

	static <T> ResponseEntity<List<T>> paged(ListPage<T> page, String path) {
		var response = ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total()));
		var link = page.link(path);
		if (link != null) {
			response.header(HttpHeaders.LINK, link);
		}
		return response.body(page.items());
	}
}
