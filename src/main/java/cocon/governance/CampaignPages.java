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
import cocon.shared.Refusal;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;
import cocon.shared.wayfinding.CampaignFigure;
import cocon.shared.wayfinding.CampaignLink;

/** The campaign pages: the public list and page of a campaign, the administrator's forms. */
@Controller
class CampaignPages {

	static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm",
			Locale.FRENCH);
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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

	/** A campaign's card on the list: where it stands, with its key figures. */
	record CampaignCard(CampaignSummary campaign, String timeLeft, List<CampaignFigure> figures) {
	}

	@GetMapping("/campagnes")
	String list(Model model) {
		var now = clock.instant();
		model.addAttribute("campaigns", management.all().stream()
				.map(c -> new CampaignCard(CampaignSummary.of(c, now), wayfinding.timeLeft(c.calendar(), now),
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
		model.addAttribute("calendar", calendarRows(campaign.calendar(), now));
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
			var draft = form.toRequest().validate();
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
			errors(model, e.errors());
			model.addAttribute("kinds", CollectiviteKind.values());
			return "governance/campaign-form";
		}
	}

	/** The summary of the errors (each linked to its field) and, by field id, the message shown under the field. */
	static void errors(Model model, List<Refusal.FieldError> errors) {
		var byField = new java.util.LinkedHashMap<String, String>();
		var summary = new ArrayList<Refusal.FieldError>();
		for (var error : errors) {
			var field = inputOf(error.field(), error.message());
			byField.merge(field, error.message(), (a, b) -> a + " " + b);
			summary.add(new Refusal.FieldError(field, error.message()));
		}
		model.addAttribute("errors", summary);
		model.addAttribute("fieldErrors", byField);
	}

	/** The id of the form's input that an error of the use case (named as in the API) is about. */
	static String inputOf(String field, String message) {
		if (field.startsWith("themes")) {
			return "themes";
		}
		if (field.equals("calendar")) {
			// an ordering rule of the calendar: the field that comes too early is the later one
			if (message.startsWith("La période de soutien")) {
				return "supportsOpens";
			}
			if (message.startsWith("La présélection")) {
				return "shortlistDecision";
			}
			if (message.startsWith("Les candidatures")) {
				return "referentApplicationsOpens";
			}
			if (message.startsWith("Le financement")) {
				return "fundingDecision";
			}
			return "contributionsOpens";
		}
		if (field.startsWith("calendar.")) {
			var parts = field.substring("calendar.".length()).split("\\.");
			if (parts.length == 1) {
				return parts[0].endsWith("Decision") ? parts[0] : parts[0] + "Closes";
			}
			return parts[0] + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
		}
		return field;
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
		model.addAttribute("changes", management.calendarChanges(campaign.getId()).stream().map(ChangeRow::of).toList());
		return "governance/calendar-form";
	}

	@PostMapping("/admin/campagnes/{id}/calendrier")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String changeCalendar(@PathVariable CampaignId id, @ModelAttribute("form") CampaignForm form, Model model,
			CurrentUser user, RedirectAttributes redirect) {
		var campaign = management.get(id);
		var errors = new Refusal.Collector();
		var calendar = form.calendarJson().toCalendar("calendar", errors);
		if (!errors.isEmpty()) {
			errors(model, errors.errors());
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

	/** One change of the calendar, in French: when, who, the calendar before and after. */
	record ChangeRow(String when, String by, List<String> before, List<String> after) {

		static ChangeRow of(CampaignRepository.CalendarChangeView change) {
			return new ChangeRow(change.changedAt().atZone(Window.PARIS).format(DAY_TIME), change.changedBy(),
					lines(change.oldCalendar()), lines(change.newCalendar()));
		}

		private static List<String> lines(CalendarJson json) {
			var calendar = json.toCalendar("calendar", new Refusal.Collector());
			if (calendar == null) {
				return List.of();
			}
			return calendarRows(calendar, Instant.EPOCH).stream()
					.map(r -> r.label() + " : " + (r.to() == null ? r.from() : "du " + r.from() + " au " + r.to()))
					.toList();
		}
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
		private boolean confirmed;
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
			var errors = new Refusal.Collector();
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
		public boolean isConfirmed() { return confirmed; }
		public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
		public String getFundingDecision() { return fundingDecision; }
		public void setFundingDecision(String v) { this.fundingDecision = v; }
	}
}
