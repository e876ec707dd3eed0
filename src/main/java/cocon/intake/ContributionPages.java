package cocon.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
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

import cocon.shared.FrenchDates;
import cocon.intake.IntakeExceptions.MissingOrganisationException;
import cocon.intake.IntakeExceptions.UnreadableCsvException;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/**
 * The pages of intake: the contribution form, « Mes contributions » (with the story of each proposal a contribution
 * led to, and the correction or withdrawal of a pending one) and the CSV import.
 */
@Controller
class ContributionPages {


	private final Intake intake;
	private final Campaigns campaigns;
	private final Clock clock;
	private final MessageSource messages;
	/** What became of the proposals, told by every module that knows a part of it (ADR 43). */
	private final ObjectProvider<ProposalStory> stories;

	ContributionPages(Intake intake, Campaigns campaigns, Clock clock, MessageSource messages,
			ObjectProvider<ProposalStory> stories) {
		this.intake = intake;
		this.campaigns = campaigns;
		this.clock = clock;
		this.messages = messages;
		this.stories = stories;
	}

	/** A campaign open to contributions now, on « Mes contributions ». */
	record OpenCall(UUID id, String title, String closes) {
	}

	/**
	 * A line of « Mes contributions »: what became of the contribution, and once grouped the story of its proposal up
	 * to the services and their adoptions; while pending, its author may correct it (in the window) or withdraw it.
	 */
	record Row(UUID id, String title, String campaign, String theme, String submittedAt, String status, String label,
			String badge, String detail, String decidedAt, String revisedAt, boolean withdrawable, boolean revisable,
			List<StoryStep> story) {
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
		model.addAttribute("closes", FrenchDates.dateTime(campaign.contributions().closes()));
		model.addAttribute("organisation", user.organisation());
		model.addAttribute("titleMax", Submission.TITLE_MAX);
		model.addAttribute("needMax", Submission.NEED_MAX);
		return "intake/contribuer";
	}

	@GetMapping("/mes-contributions")
	String mine(CurrentUser user, Model model) {
		var all = campaigns.all();
		var titles = all.stream().collect(Collectors.toMap(c -> c.id().id(), Campaign::title));
		var now = clock.instant();
		var open = all.stream().filter(c -> c.acceptsContributionsAt(now)).map(c -> c.id().id())
				.collect(Collectors.toSet());
		var mine = intake.mine(user);
		var proposals = mine.stream().map(Contribution::outcome).filter(Outcome.Grouped.class::isInstance)
				.map(g -> ((Outcome.Grouped) g).proposalId()).collect(Collectors.toSet());
		var story = ProposalStory.told(stories.orderedStream(), proposals);
		var rows = mine.stream().map(c -> row(c, id -> titles.getOrDefault(id, ""), open.contains(c.campaignId().id()),
				c.outcome() instanceof Outcome.Grouped g ? story.getOrDefault(g.proposalId(), List.of()) : List.of()))
				.toList();
		model.addAttribute("rows", rows);
		// where to contribute next, straight to the form (not back to the list of campaigns)
		model.addAttribute("openCalls", campaigns.all().stream().filter(c -> c.acceptsContributionsAt(now))
				.map(c -> new OpenCall(c.id().id(), c.title(), FrenchDates.dateTime(c.contributions().closes()))).toList());
		model.addAttribute("canContribute", user.organisation() != null);
		return "intake/mes-contributions";
	}

	private static Row row(Contribution c, Function<UUID, String> campaignTitle, boolean windowOpen,
			List<StoryStep> story) {
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
				FrenchDates.dateTime(c.submittedAt()), outcome.status().name(), outcome.status().label(), badge, detail,
				c.decidedAt() == null || c.isPending() ? null : FrenchDates.dateTime(c.decidedAt()),
				c.revisedAt() == null ? null : FrenchDates.dateTime(c.revisedAt()), c.isPending(), c.isPending() && windowOpen,
				story);
	}

	@GetMapping("/mes-contributions/{id}/modifier")
	String reviseForm(@PathVariable UUID id, CurrentUser user, Model model) {
		var contribution = intake.read(new ContributionId(id), user);
		var form = new ContributionForm();
		form.setTitle(contribution.title());
		form.setNeed(contribution.need());
		form.setTheme(contribution.theme());
		form.setAuthorRole(contribution.authorRole().name());
		form.setAuthorFunction(contribution.authorFunction());
		return revisePage(contribution, user, form, model);
	}

	@PostMapping("/mes-contributions/{id}/modifier")
	String revise(@PathVariable UUID id, @ModelAttribute("form") ContributionForm form, BindingResult binding,
			CurrentUser user, Model model, RedirectAttributes redirect) {
		var contributionId = new ContributionId(id);
		try {
			intake.revise(contributionId, form.submission(), user);
		}
		catch (InvalidSubmissionException e) {
			e.problems().forEach((field, message) -> binding.rejectValue(field, "invalid",
					"authorRole".equals(field) ? messages.getMessage("intake.form.role.required", null, Locale.FRANCE)
							: message));
			return revisePage(intake.read(contributionId, user), user, form, model);
		}
		catch (IntakeExceptions.NotRevisableException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/mes-contributions";
		}
		redirect.addFlashAttribute("revised", form.getTitle());
		return "redirect:/mes-contributions#contribution-" + id;
	}

	private String revisePage(Contribution contribution, CurrentUser user, ContributionForm form, Model model) {
		if (!contribution.isAuthoredBy(user.username())) {
			throw new IntakeExceptions.NotYourContributionException();
		}
		formPage(intake.campaign(contribution.campaignId()), user, form, model);
		model.addAttribute("revising", contribution.getId().id());
		model.addAttribute("pending", contribution.isPending());
		return "intake/contribuer";
	}

	/** The contribution its author is about to withdraw, as the confirmation page shows it. */
	record Withdrawal(UUID id, String title, String need, boolean pending) {
	}

	@GetMapping("/mes-contributions/{id}/retrait")
	String withdrawForm(@PathVariable UUID id, CurrentUser user, Model model) {
		var contribution = intake.read(new ContributionId(id), user);
		if (!contribution.isAuthoredBy(user.username())) {
			throw new IntakeExceptions.NotYourContributionException();
		}
		model.addAttribute("contribution", new Withdrawal(id, contribution.title(), contribution.need(),
				contribution.isPending()));
		model.addAttribute("campaign", intake.campaign(contribution.campaignId()));
		model.addAttribute("submittedAt", FrenchDates.dateTime(contribution.submittedAt()));
		return "intake/retrait";
	}

	@PostMapping("/mes-contributions/{id}/retrait")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) String confirmation, CurrentUser user,
			RedirectAttributes redirect) {
		var contributionId = new ContributionId(id);
		var contribution = intake.read(contributionId, user);
		if (!contribution.isAuthoredBy(user.username())) {
			throw new IntakeExceptions.NotYourContributionException();
		}
		if (!"oui".equals(confirmation)) {
			redirect.addFlashAttribute("unconfirmed", true);
			return "redirect:/mes-contributions/" + id + "/retrait";
		}
		var title = contribution.title();
		try {
			intake.withdraw(contributionId, user);
			redirect.addFlashAttribute("withdrawn", title);
		}
		catch (IntakeExceptions.NotRevisableException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/mes-contributions";
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
		return instant == null ? "" : FrenchDates.dateTime(instant);
	}
}
