package cocon.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;

/** The campaign pages: the public list and page of a campaign, the administrator's forms. */
@Controller
class CampaignPages {

	static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
			Locale.FRENCH);
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final CampaignManagement management;
	private final SteeringCommittee committee;
	private final Clock clock;

	CampaignPages(CampaignManagement management, SteeringCommittee committee, Clock clock) {
		this.management = management;
		this.committee = committee;
		this.clock = clock;
	}

	@GetMapping("/campagnes")
	String list(Model model) {
		var now = clock.instant();
		model.addAttribute("campaigns", management.all().stream().map(c -> CampaignSummary.of(c, now)).toList());
		return "governance/campaigns";
	}

	@GetMapping("/campagnes/{id}")
	String one(@PathVariable CampaignId id, Model model, @Nullable CurrentUser user) {
		var campaign = management.get(id);
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("calendar", calendarRows(campaign.calendar(), clock.instant()));
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
			var id = management.schedule(form.toRequest().validate(), user.username());
			redirect.addFlashAttribute("success", "La campagne « " + form.getTitle().strip() + " » est créée.");
			return "redirect:/campagnes/" + id;
		}
		catch (InvalidInput e) {
			model.addAttribute("errors", e.errors());
			model.addAttribute("kinds", CollectiviteKind.values());
			return "governance/campaign-form";
		}
	}

	@GetMapping("/admin/campagnes/{id}/calendrier")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String calendarForm(@PathVariable CampaignId id, Model model) {
		var campaign = management.get(id);
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("form", CampaignForm.of(campaign.calendar()));
		model.addAttribute("changes", management.calendarChanges(id));
		return "governance/calendar-form";
	}

	@PostMapping("/admin/campagnes/{id}/calendrier")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String changeCalendar(@PathVariable CampaignId id, @ModelAttribute("form") CampaignForm form, Model model,
			CurrentUser user, RedirectAttributes redirect) {
		var campaign = management.get(id);
		var errors = new InvalidInput.Collector();
		var calendar = form.calendarJson().toCalendar("calendar", errors);
		if (!errors.isEmpty()) {
			model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
			model.addAttribute("changes", management.calendarChanges(id));
			model.addAttribute("errors", errors.errors());
			return "governance/calendar-form";
		}
		management.changeCalendar(id, calendar, user.username());
		redirect.addFlashAttribute("success", "Le calendrier est modifié ; chaque module en est informé.");
		return "redirect:/campagnes/" + id;
	}

	/** One line of the calendar table, in Europe/Paris time, with whether it is under way. */
	record CalendarRow(String label, String from, String to, boolean current) {
	}

	static List<CalendarRow> calendarRows(CampaignCalendar calendar, Instant now) {
		return List.of(
				window("Appel à contributions", calendar.contributions(), now),
				window("Soutiens des collectivités", calendar.supports(), now),
				day("Comité de présélection", calendar.shortlistDecision(), now),
				window("Candidatures des territoires référents", calendar.referentApplications(), now),
				day("Comité de financement", calendar.fundingDecision(), now));
	}

	private static CalendarRow window(String label, Window window, Instant now) {
		return new CalendarRow(label, window.opensInParis().format(DAY_TIME), window.closesInParis().format(DAY_TIME),
				window.contains(now));
	}

	private static CalendarRow day(String label, LocalDate day, Instant now) {
		return new CalendarRow(label, day.format(DAY), null, day.equals(LocalDate.ofInstant(now, Window.PARIS)));
	}

	/** A campaign as the pages show it. */
	record CampaignSummary(String id, String title, String description, String envelope, List<String> themes,
			List<String> supportKinds, List<String> workingGroupKinds, String phase, String phaseLabel,
			Integer targetShortlistSize, String contributionsOpen) {

		static CampaignSummary of(Campaign c, Instant now) {
			var phase = c.phaseAt(now);
			return new CampaignSummary(c.getId().toString(), c.title(), c.description(), c.envelope().formatted(),
					c.themes(), c.supportKinds().stream().sorted().map(CollectiviteKind::label).toList(),
					c.workingGroupKinds().stream().sorted().map(CollectiviteKind::label).toList(), phase.name(),
					phase.label(), c.targetShortlistSize(),
					c.calendar().contributions().opensInParis().format(DAY));
		}
	}

	/** The administrator's form: dates typed in Europe/Paris local time. */
	static class CampaignForm {

		private String title = "";
		private String description = "";
		private String envelopeEuros = "";
		private String themes = "";
		private List<String> supportKinds = new ArrayList<>();
		private List<String> workingGroupKinds = new ArrayList<>();
		private String targetShortlistSize = "";
		private String contributionsOpens = "";
		private String contributionsCloses = "";
		private String supportsOpens = "";
		private String supportsCloses = "";
		private String referentApplicationsOpens = "";
		private String referentApplicationsCloses = "";
		private String shortlistDecision = "";
		private String fundingDecision = "";
		private boolean contributionTextsPublic;

		static CampaignForm empty() {
			var form = new CampaignForm();
			form.supportKinds = Campaign.DEFAULT_SUPPORT_KINDS.stream().map(Enum::name).toList();
			form.workingGroupKinds = Campaign.DEFAULT_WORKING_GROUP_KINDS.stream().map(Enum::name).toList();
			return form;
		}

		static CampaignForm of(CampaignCalendar calendar) {
			var form = new CampaignForm();
			form.contributionsOpens = local(calendar.contributions().opens());
			form.contributionsCloses = local(calendar.contributions().closes());
			form.supportsOpens = local(calendar.supports().opens());
			form.supportsCloses = local(calendar.supports().closes());
			form.referentApplicationsOpens = local(calendar.referentApplications().opens());
			form.referentApplicationsCloses = local(calendar.referentApplications().closes());
			form.shortlistDecision = calendar.shortlistDecision().toString();
			form.fundingDecision = calendar.fundingDecision().toString();
			return form;
		}

		private static String local(Instant instant) {
			return LocalDateTime.ofInstant(instant, Window.PARIS).format(LOCAL_INPUT);
		}

		/** A local date-time typed in the form, as an offset date-time in Paris (left as typed when unreadable). */
		private static String offset(String local) {
			if (local == null || local.isBlank()) {
				return null;
			}
			try {
				return LocalDateTime.parse(local.strip()).atZone(Window.PARIS).toOffsetDateTime().toString();
			}
			catch (DateTimeParseException e) {
				return local;
			}
		}

		CalendarJson calendarJson() {
			return new CalendarJson(
					new CalendarJson.WindowJson(offset(contributionsOpens), offset(contributionsCloses)),
					new CalendarJson.WindowJson(offset(supportsOpens), offset(supportsCloses)),
					new CalendarJson.WindowJson(offset(referentApplicationsOpens), offset(referentApplicationsCloses)),
					shortlistDecision, fundingDecision);
		}

		CampaignRequest toRequest() {
			var errors = new InvalidInput.Collector();
			Long envelope = null;
			if (envelopeEuros != null && !envelopeEuros.isBlank()) {
				try {
					envelope = Long.parseLong(envelopeEuros.replaceAll("[\\s\\u00a0\\u202f€]", ""));
				}
				catch (NumberFormatException e) {
					errors.add("envelopeEuros", "L'enveloppe doit être un nombre entier d'euros.");
				}
			}
			Integer target = null;
			if (targetShortlistSize != null && !targetShortlistSize.isBlank()) {
				try {
					target = Integer.parseInt(targetShortlistSize.strip());
				}
				catch (NumberFormatException e) {
					errors.add("targetShortlistSize", "Le nombre visé doit être un nombre entier.");
				}
			}
			errors.throwIfAny();
			var themeList = Arrays.stream(themes == null ? new String[0] : themes.split("\\R"))
					.filter(t -> !t.isBlank()).toList();
			return new CampaignRequest(title, description, envelope, themeList, supportKinds, workingGroupKinds,
					calendarJson(), target, contributionTextsPublic);
		}

		public boolean isContributionTextsPublic() { return contributionTextsPublic; }
		public void setContributionTextsPublic(boolean value) { this.contributionTextsPublic = value; }
		public String getTitle() { return title; }
		public void setTitle(String title) { this.title = title; }
		public String getDescription() { return description; }
		public void setDescription(String description) { this.description = description; }
		public String getEnvelopeEuros() { return envelopeEuros; }
		public void setEnvelopeEuros(String envelopeEuros) { this.envelopeEuros = envelopeEuros; }
		public String getThemes() { return themes; }
		public void setThemes(String themes) { this.themes = themes; }
		public List<String> getSupportKinds() { return supportKinds; }
		public void setSupportKinds(List<String> supportKinds) { this.supportKinds = supportKinds; }
		public List<String> getWorkingGroupKinds() { return workingGroupKinds; }
		public void setWorkingGroupKinds(List<String> workingGroupKinds) { this.workingGroupKinds = workingGroupKinds; }
		public String getTargetShortlistSize() { return targetShortlistSize; }
		public void setTargetShortlistSize(String targetShortlistSize) { this.targetShortlistSize = targetShortlistSize; }
		public String getContributionsOpens() { return contributionsOpens; }
		public void setContributionsOpens(String v) { this.contributionsOpens = v; }
		public String getContributionsCloses() { return contributionsCloses; }
		public void setContributionsCloses(String v) { this.contributionsCloses = v; }
		public String getSupportsOpens() { return supportsOpens; }
		public void setSupportsOpens(String v) { this.supportsOpens = v; }
		public String getSupportsCloses() { return supportsCloses; }
		public void setSupportsCloses(String v) { this.supportsCloses = v; }
		public String getReferentApplicationsOpens() { return referentApplicationsOpens; }
		public void setReferentApplicationsOpens(String v) { this.referentApplicationsOpens = v; }
		public String getReferentApplicationsCloses() { return referentApplicationsCloses; }
		public void setReferentApplicationsCloses(String v) { this.referentApplicationsCloses = v; }
		public String getShortlistDecision() { return shortlistDecision; }
		public void setShortlistDecision(String v) { this.shortlistDecision = v; }
		public String getFundingDecision() { return fundingDecision; }
		public void setFundingDecision(String v) { this.fundingDecision = v; }
	}
}
