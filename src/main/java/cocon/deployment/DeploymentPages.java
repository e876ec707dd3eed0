package cocon.deployment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.web.DepartementsMap;
import cocon.shared.CollectiviteKind;
import cocon.shared.Refusal;
import cocon.shared.Window;
import cocon.shared.directory.Directory;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of the module: the catalogue of services, a service's page (timeline, map of the adopters, "Déployer chez
 * moi", the adoption form), and on that page the forms of the project team and of the administrators.
 */
@Controller
class DeploymentPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Deployment deployment;
	private final DeploymentQueries queries;
	private final NearbyAdopters nearby;
	/** The names of départements; absent when the module runs alone (its module test). */
	private final org.springframework.beans.factory.ObjectProvider<Directory> directory;
	private final Clock clock;

	DeploymentPages(Deployment deployment, DeploymentQueries queries, NearbyAdopters nearby,
			org.springframework.beans.factory.ObjectProvider<Directory> directory, Clock clock) {
		this.deployment = deployment;
		this.queries = queries;
		this.nearby = nearby;
		this.directory = directory;
		this.clock = clock;
	}

	/** A choice of a filter or a form: its value and its French label. */
	record Option(String value, String label) {
	}

	static List<Option> phases() {
		return Arrays.stream(Phase.values()).map(p -> new Option(p.name(), p.label())).toList();
	}

	static List<Option> statuses() {
		return Arrays.stream(AdoptionStatus.values()).map(s -> new Option(s.name(), s.label())).toList();
	}

	static List<Option> kinds() {
		return Arrays.stream(CollectiviteKind.values()).filter(k -> k != CollectiviteKind.OTHER)
				.map(k -> new Option(k.name(), k.label())).toList();
	}

	@GetMapping("/services")
	String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String phase, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String departement, Model model) {
		var wantedKind = Arrays.stream(CollectiviteKind.values()).filter(k -> k.name().equals(kind)).findFirst()
				.orElse(null);
		var cards = queries.catalogue(new DeploymentQueries.Filters(q, theme, Phase.parse(phase), wantedKind,
				departement));
		model.addAttribute("cards", cards);
		model.addAttribute("themes", queries.themes());
		model.addAttribute("phases", phases());
		model.addAttribute("kinds", kinds());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("theme", theme == null ? "" : theme);
		model.addAttribute("phase", phase == null ? "" : phase);
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("departement", departement == null ? "" : departement);
		model.addAttribute("filtered", !(isBlank(q) && isBlank(theme) && isBlank(phase) && isBlank(kind)
				&& isBlank(departement)));
		return "deployment/catalogue";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	@GetMapping("/services/{id}")
	String service(@PathVariable UUID id, @Nullable CurrentUser user, Model model) {
		var card = queries.card(id).orElseThrow(Deployment::unknownService);
		var serviceId = new Service.ServiceId(id);
		boolean admin = user != null && user.hasRole(Role.ADMINISTRATOR);
		boolean team = user != null && (admin || deployment.isTeamMember(serviceId, user.username()));
		boolean staff = user != null && user.isStaff();
		var today = LocalDate.ofInstant(clock.instant(), Window.PARIS);
		model.addAttribute("service", card);
		model.addAttribute("links", queries.links(id).orElseThrow());
		model.addAttribute("timeline", queries.timeline(id));
		model.addAttribute("milestones", queries.milestones(id, today));
		model.addAttribute("feedbackSummary", queries.feedbackSummary(id));
		model.addAttribute("feedback", queries.feedback(id, team || staff));
		model.addAttribute("territories", queries.experimentationTerritories(card.proposalId()));
		model.addAttribute("statuses", statuses());
		model.addAttribute("phases", phases());
		model.addAttribute("team", team);
		model.addAttribute("admin", admin);
		if (team || staff) {
			model.addAttribute("members", queries.team(id));
		}
		var counted = queries.byDepartement(id);
		var byDepartement = counted.stream().map(count -> new DeploymentQueries.Count(count.key()
				+ departementName(count.key()), count.collectivites(),
				count.population())).toList();
		model.addAttribute("departements", byDepartement);
		model.addAttribute("map", DepartementsMap.of(counted.stream()
				.collect(Collectors.toMap(DeploymentQueries.Count::key, DeploymentQueries.Count::collectivites))));
		model.addAttribute("byKind", queries.byKind(id));
		var overTime = queries.overTime(id);
		long cumulative = 0;
		var months = new java.util.ArrayList<DeploymentQueries.Count>();
		for (var month : overTime) {
			cumulative += month.collectivites();
			months.add(new DeploymentQueries.Count(month.key(), month.collectivites(), cumulative));
		}
		model.addAttribute("overTime", months);
		model.addAttribute("chartX", JSON.writeValueAsString(List.of(months.stream().map(DeploymentQueries.Count::key).toList())));
		model.addAttribute("chartY", JSON.writeValueAsString(List.of(months.stream().map(DeploymentQueries.Count::population).toList())));
		model.addAttribute("chartName", JSON.writeValueAsString(List.of("Collectivités ayant déclaré une adoption")));
		var organisation = user == null ? null : user.organisationIfAny().orElse(null);
		model.addAttribute("organisation", organisation);
		if (organisation != null) {
			model.addAttribute("mine", deployment.currentAdoptionIfAny(serviceId, organisation.siren()).orElse(null));
			model.addAttribute("closest", nearby.closestAdopters(id, organisation.siren(), sameEpci(organisation),
					organisation.departement(), organisation.population(), 6));
			model.addAttribute("experimenting", model.getAttribute("territories") instanceof List<?> territories
					&& territories.stream().anyMatch(t -> ((DeploymentQueries.Territory) t).siren()
							.equals(organisation.siren().value())));
		}
		return "deployment/service";
	}

	/**
	 * The collectivités of the viewer's EPCI, from the directory: the EPCI and its member communes (for an EPCI, itself
	 * and its members; for a commune, its EPCI and the other members); none when the directory is absent or the
	 * organisation belongs to no EPCI (a département, a région).
	 */
	private List<cocon.shared.Siren> sameEpci(cocon.shared.identity.Organisation organisation) {
		var lookup = directory.getIfAvailable();
		if (lookup == null) {
			return List.of();
		}
		var epci = organisation.kind() == CollectiviteKind.EPCI ? organisation.siren()
				: lookup.find(organisation.siren()).map(c -> c.epci()).orElse(null);
		if (epci == null) {
			return List.of();
		}
		var members = new java.util.ArrayList<>(lookup.epciMembers(epci));
		members.add(epci);
		return members;
	}

	/**
	 * The names of the départements, asked of the directory once each: the map's table lists up to a hundred, and a
	 * query per département and per page view cost more than the rest of the page at the scale of France (issue 23,
	 * acceptance 5). A département's name does not change while the application runs; an unknown code is asked again.
	 */
	private final java.util.concurrent.ConcurrentMap<String, String> departementNames = new java.util.concurrent.ConcurrentHashMap<>();

	private String departementName(String code) {
		var known = departementNames.get(code);
		if (known != null) {
			return known;
		}
		var names = directory.getIfAvailable();
		var name = names == null ? null : names.departementName(code).map(n -> " — " + n).orElse(null);
		if (name != null) {
			departementNames.put(code, name);
		}
		return name == null ? "" : name;
	}

	/** Runs a change of the page and comes back to it, with its outcome or its refusal, at the given section. */
	private String act(UUID id, String anchor, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("success", change.get());
		}
		catch (Refusal refusal) {
			if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
				throw refusal;
			}
			redirect.addFlashAttribute("error", refusal.getMessage());
		}
		return "redirect:/services/" + id + "#" + anchor;
	}

	@PostMapping("/services/{id}/adoption")
	String declare(@PathVariable UUID id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, CurrentUser user, RedirectAttributes redirect) {
		return act(id, "adoption", redirect, () -> {
			deployment.declare(new Service.ServiceId(id), user, status, note);
			var declared = AdoptionStatus.parse(status);
			return "Votre collectivité est désormais « " + declared.label().toLowerCase(Locale.FRENCH)
					+ " » pour ce service.";
		});
	}

	@PostMapping("/services/{id}/equipe")
	String nameTeamMember(@PathVariable UUID id, @RequestParam(required = false) String username, CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, "equipe", redirect, () -> {
			deployment.nameTeamMember(new Service.ServiceId(id), user, username);
			return "« " + username.strip() + " » fait partie de l'équipe du projet.";
		});
	}

	@PostMapping("/services/{id}/equipe/retrait")
	String removeTeamMember(@PathVariable UUID id, @RequestParam String username, CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, "equipe", redirect, () -> {
			deployment.removeTeamMember(new Service.ServiceId(id), user, username);
			return "« " + username + " » ne fait plus partie de l'équipe du projet.";
		});
	}

	@PostMapping("/services/{id}/phase")
	String changePhase(@PathVariable UUID id, @RequestParam(required = false) String phase,
			@RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes redirect) {
		return act(id, "equipe", redirect, () -> deployment.changePhase(new Service.ServiceId(id), user, phase, reason)
				? "Phase enregistrée : « " + Phase.parse(phase).label() + " »."
				: "Le service était déjà dans cette phase.");
	}

	@PostMapping("/services/{id}/jalons")
	String addMilestone(@PathVariable UUID id, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			CurrentUser user, RedirectAttributes redirect) {
		return act(id, "jalons", redirect, () -> {
			deployment.addMilestone(new Service.ServiceId(id), user, title, due);
			return "Jalon ajouté.";
		});
	}

	@PostMapping("/services/{id}/jalons/{milestone}/atteint")
	String milestoneDone(@PathVariable UUID id, @PathVariable UUID milestone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			CurrentUser user, RedirectAttributes redirect) {
		return act(id, "jalons", redirect, () -> {
			deployment.milestoneDone(new Service.ServiceId(id), milestone, user, on);
			return "Jalon atteint le " + Dates.day(on) + ".";
		});
	}

	@PostMapping("/services/{id}/jalons/{milestone}/replanification")
	String replanMilestone(@PathVariable UUID id, @PathVariable UUID milestone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
			@RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes redirect) {
		return act(id, "jalons", redirect, () -> {
			deployment.replanMilestone(new Service.ServiceId(id), milestone, user, due, reason);
			return "Jalon replanifié au " + Dates.day(due) + ".";
		});
	}

	@PostMapping("/services/{id}/tranches")
	String payTranche(@PathVariable UUID id, @RequestParam(required = false) Long amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) String label, CurrentUser user, RedirectAttributes redirect) {
		return act(id, "budget", redirect, () -> {
			if (amount == null) {
				throw Refusal.Invalid.field("amount", "Indiquez le montant de la tranche, en euros.");
			}
			deployment.payTranche(new Service.ServiceId(id), user, amount, paidOn, label);
			return "Tranche enregistrée.";
		});
	}

	@PostMapping("/services/{id}/liens")
	String setLinks(@PathVariable UUID id, @RequestParam(required = false) String site,
			@RequestParam(required = false) String documentation, @RequestParam(required = false) String source,
			@RequestParam(required = false) String contactEmail, CurrentUser user, RedirectAttributes redirect) {
		return act(id, "equipe", redirect, () -> {
			deployment.setLinks(new Service.ServiceId(id), user, new Links(site, documentation, source, contactEmail));
			return "Liens enregistrés.";
		});
	}

	@PostMapping("/services/{id}/retour")
	String feedback(@PathVariable UUID id, @RequestParam(required = false) Integer satisfaction,
			@RequestParam(required = false) Boolean wouldAdopt, @RequestParam(required = false) String text,
			@RequestParam(required = false, defaultValue = "false") boolean published, CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, "retours", redirect, () -> {
			boolean created = deployment.giveFeedback(new Service.ServiceId(id), user,
					satisfaction == null ? 0 : satisfaction, wouldAdopt, text, published);
			return created ? "Merci : votre retour d'expérience est enregistré." : "Votre retour d'expérience est modifié.";
		});
	}
}
