package cocon.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.intake.IntakeExceptions.MissingOrganisationException;
import cocon.intake.IntakeExceptions.UnreadableCsvException;
import cocon.shared.CampaignId;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;

/** The pages of intake: the contribution form, « Mes contributions », and the CSV import. */
@Controller
class ContributionPages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
			.withZone(Window.PARIS);

	private final Intake intake;
	private final Campaigns campaigns;
	private final Clock clock;
	private final MessageSource messages;

	ContributionPages(Intake intake, Campaigns campaigns, Clock clock,
			MessageSource messages) {
		this.intake = intake;
		this.campaigns = campaigns;
		this.clock = clock;
		this.messages = messages;
	}

	/** A campaign open to contributions now, on « Mes contributions ». */
	record OpenCall(UUID id, String title, String closes) {
	}

	/** A line of « Mes contributions ». */
	record Row(UUID id, String title, String campaign, String theme, String submittedAt, String status, String label,
			String badge, String detail, String decidedAt) {
	}

	@GetMapping("/campagnes/{campaignId}/contribuer")
	@PreAuthorize("hasRole('AGENT')")
	String form(@PathVariable UUID campaignId, CurrentUser user, Model model) {
		var campaign = intake.campaign(new CampaignId(campaignId));
		return formPage(campaign, user, new ContributionForm(), model);
	}

	@PostMapping("/campagnes/{campaignId}/contribuer")
	@PreAuthorize("hasRole('AGENT')")
	String submit(@PathVariable UUID campaignId, @ModelAttribute("form") ContributionForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect) {
		var campaign = intake.campaign(new CampaignId(campaignId));
		try {
			intake.submit(campaign.id(), form.submission(), user);
		}
		catch (InvalidSubmissionException e) {
			// the form offers the roles as radio buttons: say what to do, not the API's values (ELU, AGENT…)
			e.problems().forEach((field, message) -> binding.rejectValue(field, "invalid",
					"authorRole".equals(field) ? messages.getMessage("intake.form.role.required", null, Locale.FRANCE)
							: message));
			return formPage(campaign, user, form, model);
		}
		catch (OutsideContributionWindowException | MissingOrganisationException e) {
			return formPage(campaign, user, form, model);
		}
		redirect.addFlashAttribute("sent", form.getTitle());
		return "redirect:/mes-contributions";
	}

	private String formPage(Campaign campaign, CurrentUser user, ContributionForm form, Model model) {
		var now = clock.instant();
		model.addAttribute("campaign", campaign);
		model.addAttribute("textsPublic", campaigns.contributionTextsPublic(campaign.id()));
		model.addAttribute("form", form);
		model.addAttribute("roles", Arrays.asList(AuthorRole.values()));
		model.addAttribute("open", campaign.acceptsContributionsAt(now));
		model.addAttribute("closedMessage", campaign.acceptsContributionsAt(now) ? null : Contribution.windowMessage(campaign, now));
		model.addAttribute("closes", DATE.format(campaign.contributions().closes()));
		model.addAttribute("organisation", user.organisation());
		model.addAttribute("titleMax", Submission.TITLE_MAX);
		model.addAttribute("needMax", Submission.NEED_MAX);
		return "intake/contribuer";
	}

	@GetMapping("/mes-contributions")
	String mine(CurrentUser user, Model model) {
		var titles = campaigns.all().stream().collect(Collectors.toMap(c -> c.id().id(), Campaign::title));
		var rows = intake.mine(user).stream().map(c -> row(c, id -> titles.getOrDefault(id, ""))).toList();
		model.addAttribute("rows", rows);
		// where to contribute next, straight to the form (not back to the list of campaigns)
		var now = clock.instant();
		model.addAttribute("openCalls", campaigns.all().stream().filter(c -> c.acceptsContributionsAt(now))
				.map(c -> new OpenCall(c.id().id(), c.title(), DATE.format(c.contributions().closes()))).toList());
		model.addAttribute("canContribute", user.organisation() != null);
		return "intake/mes-contributions";
	}

	private static Row row(Contribution c, Function<UUID, String> campaignTitle) {
		var outcome = c.outcome();
		String badge;
		String detail;
		if (outcome instanceof Outcome.Grouped g) {
			badge = "fr-badge--success";
			detail = "Regroupée dans la proposition « " + g.proposalTitle() + " ».";
		}
		else if (outcome instanceof Outcome.Reoriented r) {
			badge = "fr-badge--new";
			detail = "Réorientée vers « " + r.target() + " »." + (r.note() == null || r.note().isBlank() ? "" : " " + r.note());
		}
		else if (outcome instanceof Outcome.Rejected r) {
			badge = "fr-badge--error";
			detail = "Motif : " + r.reason();
		}
		else {
			badge = "fr-badge--info";
			detail = "L'équipe de la campagne analyse les contributions ; vous serez prévenu par courriel de son devenir.";
		}
		return new Row(c.getId().id(), c.title(), campaignTitle.apply(c.campaignId().id()), c.theme(),
				DATE.format(c.submittedAt()), outcome.status().name(), outcome.status().label(), badge, detail,
				c.decidedAt() == null ? null : DATE.format(c.decidedAt()));
	}

	@GetMapping("/curation/campagnes/{campaignId}/import")
	@PreAuthorize("hasRole('CURATOR')")
	String importForm(@PathVariable UUID campaignId, Model model) {
		model.addAttribute("campaign", intake.campaign(new CampaignId(campaignId)));
		model.addAttribute("required", ContributionImport.REQUIRED);
		model.addAttribute("optional", ContributionImport.OPTIONAL);
		return "intake/import";
	}

	@PostMapping("/curation/campagnes/{campaignId}/import")
	@PreAuthorize("hasRole('CURATOR')")
	String importFile(@PathVariable UUID campaignId, @RequestParam("fichier") MultipartFile file, Model model)
			throws IOException {
		var campaign = intake.campaign(new CampaignId(campaignId));
		model.addAttribute("campaign", campaign);
		model.addAttribute("required", ContributionImport.REQUIRED);
		model.addAttribute("optional", ContributionImport.OPTIONAL);
		if (file.isEmpty()) {
			model.addAttribute("failure", "Choisissez un fichier CSV non vide.");
			return "intake/import";
		}
		try {
			model.addAttribute("report", intake.importCsv(campaign.id(), file.getBytes()));
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (UnreadableCsvException e) {
			model.addAttribute("failure", e.getMessage());
		}
		return "intake/import";
	}

	static String format(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}
}
