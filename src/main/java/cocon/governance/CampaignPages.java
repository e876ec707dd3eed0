package cocon.governance;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.wayfinding.CampaignLink;

/** The campaign pages: the public list and page of a campaign, the administrator's forms. */
@Controller
class CampaignPages {

	private final CampaignManagement management;
	private final SteeringCommittee committee;
	private final GovernanceWayfinding wayfinding;
	private final Clock clock;

	CampaignPages(CampaignManagement management, SteeringCommittee committee, GovernanceWayfinding wayfinding,
			Clock clock) {
		this.management = management;
		this.committee = committee;
		this.wayfinding = wayfinding;
		this.clock = clock;
	}

	@GetMapping("/campagnes")
	String list(Model model) {
		var now = clock.instant();
		model.addAttribute("campaigns", management.all().stream()
				.map(c -> new CampaignSummary.Card(CampaignSummary.of(c, now), wayfinding.timeLeft(c.calendar(), now),
						wayfinding.allFigures(c.getId())))
				.toList());
		return "governance/campaigns";
	}

	@GetMapping("/campagnes/{id}")
	String one(@PathVariable CampaignId id, Model model, @Nullable CurrentUser user) {
		var campaign = management.get(id);
		var now = clock.instant();
		var phase = campaign.phaseAt(now);
		// the hub: every module says what it has of this campaign; the first primary link is the action of the phase
		var links = wayfinding.allLinks(id, phase, user);
		var primary = links.stream().filter(CampaignLink::primary).findFirst().orElse(null);
		model.addAttribute("campaign", CampaignSummary.of(campaign, now));
		model.addAttribute("timeLeft", wayfinding.timeLeft(campaign.calendar(), now));
		model.addAttribute("figures", wayfinding.allFigures(id));
		model.addAttribute("primary", primary);
		model.addAttribute("links", links.stream().filter(l -> l != primary).toList());
		model.addAttribute("calendar", CalendarRows.of(campaign.calendar(), now));
		model.addAttribute("committeeMember", user != null && committee.isMember(id, user.username()));
		return "governance/campaign";
	}

	@GetMapping("/admin/campagnes/nouvelle")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String newCampaign(Model model) {
		model.addAttribute("form", CampaignForm.empty());
		model.addAttribute("kinds", CollectiviteKind.values());
		return "governance/campaign-form";
	}

	@PostMapping("/admin/campagnes/nouvelle")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String schedule(@ModelAttribute("form") CampaignForm form, Model model, CurrentUser user,
			RedirectAttributes redirect) {
		try {
			var draft = form.toRequest().validate(CalendarJson.RuleErrors.ON_THE_FIELD);
			var effects = CalendarEffects.ofNew(draft.calendar(), clock.instant());
			if (!effects.isEmpty() && !form.isConfirmed()) {
				// a calendar set (partly) in the past is a mistake more often than a wish: say what it means first
				model.addAttribute("effects", effects);
				model.addAttribute("kinds", CollectiviteKind.values());
				return "governance/campaign-form";
			}
			var id = management.schedule(draft, user.username());
			redirect.addFlashAttribute("success", "La campagne « " + form.getTitle().strip() + " » est créée.");
			return "redirect:/campagnes/" + id;
		}
		catch (Refusal.Invalid e) {
			CampaignForm.showErrors(model, e.errors());
			model.addAttribute("kinds", CollectiviteKind.values());
			return "governance/campaign-form";
		}
	}

	@GetMapping("/admin/campagnes/{id}/calendrier")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String calendarForm(@PathVariable CampaignId id, Model model) {
		var campaign = management.get(id);
		model.addAttribute("form", CampaignForm.of(campaign.calendar()));
		return calendarPage(campaign, model);
	}

	private String calendarPage(Campaign campaign, Model model) {
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("changes", management.calendarChanges(campaign.getId()).stream()
				.map(CalendarRows.ChangeRow::of).toList());
		return "governance/calendar-form";
	}

	@PostMapping("/admin/campagnes/{id}/calendrier")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String changeCalendar(@PathVariable CampaignId id, @ModelAttribute("form") CampaignForm form, Model model,
			CurrentUser user, RedirectAttributes redirect) {
		var campaign = management.get(id);
		var errors = new Refusal.Collector();
		var calendar = form.calendarJson().toCalendar("calendar", errors, CalendarJson.RuleErrors.ON_THE_FIELD);
		if (!errors.isEmpty()) {
			CampaignForm.showErrors(model, errors.errors());
			return calendarPage(campaign, model);
		}
		var effects = CalendarEffects.ofChange(campaign.calendar(), calendar, clock.instant());
		if (!effects.isEmpty() && !form.isConfirmed()) {
			// closing a window under way or moving one into the past changes what people can do right now
			model.addAttribute("effects", effects);
			return calendarPage(campaign, model);
		}
		management.changeCalendar(id, calendar, user.username());
		redirect.addFlashAttribute("success", "Le calendrier est modifié ; chaque module en est informé.");
		return "redirect:/campagnes/" + id;
	}
}
