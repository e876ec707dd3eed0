package cocon.referents;

import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;

/**
 * What keeps a working group going after one joined it (issue 25, point 6): the sessions its organiser plans, and
 * the way out for a member — confirmed first, kept in the group's history, announced by an event.
 */
@Controller
class WorkingGroupAgendaPages {

	/** The form planning a session (staff): date and time, place or visio link, agenda. */
	static class PlanForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime startsAt;
		private String place = "";
		private String agenda = "";

		public LocalDateTime getStartsAt() {
			return startsAt;
		}

		public void setStartsAt(LocalDateTime startsAt) {
			this.startsAt = startsAt;
		}

		public String getPlace() {
			return place;
		}

		public void setPlace(String place) {
			this.place = place;
		}

		public String getAgenda() {
			return agenda;
		}

		public void setAgenda(String agenda) {
			this.agenda = agenda;
		}
	}

	private final ReferentTerritoriesService service;
	private final WorkingGroupQueries queries;
	private final ReferentPages pages;

	WorkingGroupAgendaPages(ReferentTerritoriesService service, WorkingGroupQueries queries, ReferentPages pages) {
		this.service = service;
		this.queries = queries;
		this.pages = pages;
	}

	/** The working group's page, shown again with the form's errors, writes its dates as {@link ReferentPages} does. */
	@ModelAttribute("dates")
	ReferentPages.Dates dates() {
		return new ReferentPages.Dates();
	}

	@PostMapping("/propositions/{id}/groupe-de-travail/seances-prevues")
	@PreAuthorize(ReferentApi.STAFF)
	String plan(@PathVariable UUID id, @ModelAttribute("planForm") PlanForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect, Authentication authentication) {
		if (binding.hasFieldErrors("startsAt")) {
			binding.rejectValue("startsAt", "invalid", "Indiquez une date et une heure valides.");
		}
		else {
			try {
				service.planSession(new ProposalId(id), form.getStartsAt(), form.getPlace(), form.getAgenda(), user);
				redirect.addFlashAttribute("success", "La séance est programmée : elle figure dans les prochaines séances.");
				return "redirect:/propositions/" + id + "/groupe-de-travail#prochaines-seances";
			}
			catch (ReferentProblem.InvalidSession invalid) {
				binding.rejectValue(invalid.field(), "invalid", invalid.getMessage());
			}
			catch (ReferentProblem.UnknownCall unknown) {
				throw ReferentPages.notFound();
			}
			catch (ReferentProblem.CallCancelled cancelled) {
				binding.reject("cancelled", cancelled.getMessage());
			}
		}
		return pages.workingGroup(id, model, authentication, user);
	}

	@GetMapping("/propositions/{id}/groupe-de-travail/retrait/{applicationId}")
	String confirmWithdrawal(@PathVariable UUID id, @PathVariable UUID applicationId, CurrentUser user, Model model) {
		var member = queries.members(new ProposalId(id)).stream().filter(m -> m.applicationId().equals(applicationId))
				.findFirst().orElseThrow(ReferentPages::notFound);
		model.addAttribute("member", member);
		model.addAttribute("call", queries.call(new ProposalId(id)).orElseThrow(ReferentPages::notFound));
		return "referents/confirm-withdrawal";
	}

	@PostMapping("/propositions/{id}/groupe-de-travail/retrait/{applicationId}")
	String withdraw(@PathVariable UUID id, @PathVariable UUID applicationId,
			@RequestParam(name = "confirmation", required = false) String confirmation, CurrentUser user,
			RedirectAttributes redirect) {
		if (queries.members(new ProposalId(id)).stream().noneMatch(m -> m.applicationId().equals(applicationId))) {
			throw ReferentPages.notFound();
		}
		if (!"oui".equals(confirmation)) {
			redirect.addFlashAttribute("error", "Cochez la case pour confirmer le retrait du groupe de travail.");
			return "redirect:/propositions/" + id + "/groupe-de-travail/retrait/" + applicationId;
		}
		try {
			var territory = service.leave(new ReferentTerritory.ApplicationId(applicationId), user);
			redirect.addFlashAttribute("success", territory.collectiviteName()
					+ " a quitté le groupe de travail ; elle peut le rejoindre à nouveau tant que l'appel est ouvert.");
		}
		catch (ReferentProblem.UnknownApplication unknown) {
			throw ReferentPages.notFound();
		}
		return "redirect:/propositions/" + id + "/groupe-de-travail";
	}
}
