package cocon.referents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.FrenchDates;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;

/** The pages of the referent territories: open calls, working groups, applications, invitations, staff actions. */
@Controller
class ReferentPages {

	private final ReferentTerritoriesService service;
	private final WorkingGroupQueries queries;
	private final CampaignCopies campaigns;

	private final PlannedSessions planned;
	private final java.time.Clock clock;

	ReferentPages(ReferentTerritoriesService service, WorkingGroupQueries queries, CampaignCopies campaigns,
			PlannedSessions planned, java.time.Clock clock) {
		this.planned = planned;
		this.clock = clock;
		this.service = service;
		this.queries = queries;
		this.campaigns = campaigns;
	}

	/** Dates as the pages show them, in Paris time, in the one French style of the site ({@link FrenchDates}). */
	static final class Dates {

		public String day(Instant instant) {
			return FrenchDates.day(instant);
		}

		public String day(LocalDate date) {
			return FrenchDates.day(date);
		}

		public String dateTime(Instant instant) {
			return FrenchDates.dateTime(instant);
		}
	}

	/** What the pages show of the collectivité's own application. */
	record OwnApplication(String collectiviteName, Instant joinedAt, String contactName) {

		static OwnApplication of(ReferentTerritory territory) {
			return new OwnApplication(territory.collectiviteName(), territory.joinedAt(), territory.contact().name());
		}
	}

	@ModelAttribute("dates")
	Dates dates() {
		return new Dates();
	}

	/** The application form (a bean, for the form binding of the page). */
	static class ApplicationForm {

		private String motivation = "";
		private String contactName = "";
		private String contactEmail = "";

		public String getMotivation() {
			return motivation;
		}

		public void setMotivation(String motivation) {
			this.motivation = motivation;
		}

		public String getContactName() {
			return contactName;
		}

		public void setContactName(String contactName) {
			this.contactName = contactName;
		}

		public String getContactEmail() {
			return contactEmail;
		}

		public void setContactEmail(String contactEmail) {
			this.contactEmail = contactEmail;
		}
	}

	@GetMapping("/territoires-referents")
	String calls(Model model) {
		var byCampaign = new LinkedHashMap<String, List<WorkingGroupQueries.CallView>>();
		for (var call : queries.calls()) {
			var campaign = call.campaignTitle() == null ? "Campagne" : call.campaignTitle();
			byCampaign.computeIfAbsent(campaign, key -> new ArrayList<>()).add(call);
		}
		model.addAttribute("campaigns", byCampaign);
		return "referents/calls";
	}

	@GetMapping("/propositions/{id}/groupe-de-travail")
	String workingGroup(@PathVariable UUID id, Model model,
			org.springframework.security.core.Authentication authentication,
			@org.jspecify.annotations.Nullable CurrentUser user) {
		var proposal = new ProposalId(id);
		var group = queries.workingGroup(proposal).orElseThrow(ReferentPages::notFound);
		model.addAttribute("group", group);
		var mine = user == null ? null : user.organisationIfAny().map(o -> o.siren().value()).orElse(null);
		var own = group.members().stream().filter(m -> m.siren().equals(mine)).findFirst().orElse(null);
		model.addAttribute("member", own != null);
		model.addAttribute("ownMember", own);
		model.addAttribute("upcoming", planned.upcoming(proposal, clock.instant()));
		model.addAttribute("withdrawn", queries.withdrawn(proposal));
		boolean staff = authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_CURATOR") || a.getAuthority().equals("ROLE_ADMINISTRATOR"));
		model.addAttribute("staff", staff);
		if (staff) {
			model.addAttribute("applications", queries.applicationsWithContacts(proposal).stream()
					.collect(Collectors.toMap(WorkingGroupQueries.ApplicationDetails::id, details -> details)));
			if (!model.containsAttribute("sessionForm")) {
				model.addAttribute("sessionForm", new SessionForm());
			}
			if (!model.containsAttribute("planForm")) {
				model.addAttribute("planForm", new WorkingGroupAgendaPages.PlanForm());
			}
		}
		return "referents/working-group";
	}

	/** The form recording a session (staff). */
	static class SessionForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;
		private String subject = "";
		private List<String> attendees = new ArrayList<>();

		public LocalDate getDate() {
			return date;
		}

		public void setDate(LocalDate date) {
			this.date = date;
		}

		public String getSubject() {
			return subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public List<String> getAttendees() {
			return attendees;
		}

		public void setAttendees(List<String> attendees) {
			this.attendees = attendees == null ? new ArrayList<>() : attendees;
		}
	}

	@PostMapping("/propositions/{id}/groupe-de-travail/seances")
	@PreAuthorize(ReferentApi.STAFF)
	String recordSession(@PathVariable UUID id, @ModelAttribute("sessionForm") SessionForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect,
			org.springframework.security.core.Authentication authentication) {
		if (!binding.hasFieldErrors("date")) {
			try {
				Set<Siren> attendees = form.getAttendees().stream().filter(Siren::isValid).map(Siren::of)
						.collect(Collectors.toSet());
				service.recordSession(new ProposalId(id), form.getDate(), form.getSubject(), attendees, user);
				redirect.addFlashAttribute("success", "La séance a été enregistrée.");
				return "redirect:/propositions/" + id + "/groupe-de-travail";
			}
			catch (ReferentProblem.InvalidSession invalid) {
				binding.rejectValue(invalid.field(), "invalid", invalid.getMessage());
			}
			catch (ReferentProblem.UnknownCall unknown) {
				throw notFound();
			}
			catch (ReferentProblem.CallCancelled cancelled) {
				binding.reject("cancelled", cancelled.getMessage());
			}
		}
		else {
			binding.rejectValue("date", "invalid", "Indiquez une date valide (jj/mm/aaaa).");
		}
		return workingGroup(id, model, authentication, user);
	}

	@GetMapping("/propositions/{id}/groupe-de-travail/experimentation/{applicationId}")
	@PreAuthorize(ReferentApi.STAFF)
	String confirmExperimentation(@PathVariable UUID id, @PathVariable UUID applicationId, Model model) {
		var member = queries.members(new ProposalId(id)).stream().filter(m -> m.applicationId().equals(applicationId))
				.findFirst().orElseThrow(ReferentPages::notFound);
		model.addAttribute("member", member);
		model.addAttribute("call", queries.call(new ProposalId(id)).orElseThrow(ReferentPages::notFound));
		return "referents/confirm-experimentation";
	}

	@PostMapping("/propositions/{id}/groupe-de-travail/experimentation/{applicationId}")
	@PreAuthorize(ReferentApi.STAFF)
	String markExperimentation(@PathVariable UUID id, @PathVariable UUID applicationId, CurrentUser user,
			RedirectAttributes redirect) {
		try {
			var territory = service.markAsExperimentation(new ReferentTerritory.ApplicationId(applicationId), user);
			redirect.addFlashAttribute("success", territory.collectiviteName() + " est désormais territoire d'expérimentation.");
		}
		catch (ReferentProblem.UnknownApplication unknown) {
			throw notFound();
		}
		return "redirect:/propositions/" + id + "/groupe-de-travail";
	}

	@GetMapping("/propositions/{id}/candidature")
	String applicationForm(@PathVariable UUID id, CurrentUser user, Model model) {
		var proposal = new ProposalId(id);
		var call = openCall(proposal);
		model.addAttribute("call", call);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ApplicationForm());
		}
		var campaign = campaigns.find(new cocon.shared.CampaignId(call.campaignId())).orElse(null);
		String refusal = null;
		if (campaign == null) {
			refusal = new ReferentProblem.WindowClosed(null).getMessage();
		}
		else {
			try {
				var organisation = ReferentTerritory.eligibleOrganisation(user, campaign);
				model.addAttribute("organisation", organisation);
				service.applicationOf(proposal, organisation.siren()).ifPresent(existing -> model.addAttribute("existing", OwnApplication.of(existing)));
				if (call.status() != CallStatus.OPEN) {
					refusal = new ReferentProblem.WindowClosed(campaign.applications()).getMessage();
				}
			}
			catch (ReferentProblem.NotEligible notEligible) {
				refusal = notEligible.getMessage();
			}
		}
		model.addAttribute("refusal", refusal);
		return "referents/application-form";
	}

	@PostMapping("/propositions/{id}/candidature")
	String apply(@PathVariable UUID id, @ModelAttribute("form") ApplicationForm form, BindingResult binding,
			CurrentUser user, Model model) {
		var proposal = new ProposalId(id);
		if (form.getMotivation() == null || form.getMotivation().isBlank()) {
			binding.rejectValue("motivation", "required", "Expliquez en quelques mots la motivation de votre collectivité.");
		}
		else if (form.getMotivation().length() > 4000) {
			binding.rejectValue("motivation", "size", "La motivation ne peut dépasser 4 000 caractères.");
		}
		if (form.getContactName() == null || form.getContactName().isBlank()) {
			binding.rejectValue("contactName", "required", "Indiquez le nom de la personne à contacter.");
		}
		if (form.getContactEmail() == null || !ReferentTerritory.Contact.isEmail(form.getContactEmail().strip())) {
			binding.rejectValue("contactEmail", "email", "Indiquez une adresse électronique valide, par exemple nom@mairie.fr.");
		}
		if (binding.hasErrors()) {
			model.addAttribute("hasErrors", true);
			return applicationForm(id, user, model);
		}
		try {
			service.apply(proposal, user, form.getMotivation(), form.getContactName(), form.getContactEmail());
		}
		catch (ReferentProblem.UnknownCall unknown) {
			throw notFound();
		}
		catch (ReferentProblem problem) {
			binding.reject("refused", problem.getMessage());
			model.addAttribute("hasErrors", true);
			return applicationForm(id, user, model);
		}
		return "redirect:/propositions/" + id + "/candidature/confirmation";
	}

	@GetMapping("/propositions/{id}/candidature/confirmation")
	String confirmation(@PathVariable UUID id, CurrentUser user, Model model) {
		var proposal = new ProposalId(id);
		var call = queries.call(proposal).orElseThrow(ReferentPages::notFound);
		var siren = user.organisationIfAny().map(o -> o.siren()).orElseThrow(ReferentPages::notFound);
		var application = service.applicationOf(proposal, siren).orElseThrow(ReferentPages::notFound);
		model.addAttribute("call", call);
		model.addAttribute("referent", OwnApplication.of(application));
		return "referents/application-confirmation";
	}

	@GetMapping("/ma-collectivite/territoires-referents")
	String myCollectivite(CurrentUser user, Model model) {
		var organisation = user.organisationIfAny().orElse(null);
		model.addAttribute("organisation", organisation);
		if (organisation != null) {
			var invitations = queries.invitationsOf(organisation.siren());
			var invited = invitations.stream().map(i -> i.call().proposalId()).collect(Collectors.toSet());
			model.addAttribute("invitations", invitations);
			model.addAttribute("openCalls", queries.openCallsFor(organisation.siren(), organisation.kind()).stream()
					.filter(call -> !invited.contains(call.proposalId())).toList());
			model.addAttribute("applications", queries.applicationsOf(organisation.siren()));
		}
		else {
			model.addAttribute("invitations", List.of());
			model.addAttribute("openCalls", List.of());
			model.addAttribute("applications", List.of());
		}
		return "referents/my-collectivite";
	}

	private WorkingGroupQueries.CallView openCall(ProposalId proposal) {
		return queries.call(proposal).filter(call -> call.status() != CallStatus.CANCELLED)
				.orElseThrow(ReferentPages::notFound);
	}

	static Refusal notFound() {
		return new Refusal.NotFound("Cette proposition n'est pas présélectionnée : aucun groupe de travail n'existe pour elle.");
	}
}
