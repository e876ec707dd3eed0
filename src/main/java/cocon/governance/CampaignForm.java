package cocon.governance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.ui.Model;

import cocon.shared.CampaignCalendar;
import cocon.shared.Refusal;
import cocon.shared.Window;

/** The administrator's form: dates typed in Europe/Paris local time. */
class CampaignForm {

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
		// The value of an <input type="datetime-local">: ISO without seconds (toString drops zero seconds).
		return LocalDateTime.ofInstant(instant, Window.PARIS).truncatedTo(ChronoUnit.MINUTES).toString();
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

	/**
	 * The summary of the errors (each linked to its field) and, by input id, the message shown under the input: the
	 * fields at fault of the use case (named as in the API) mapped to this form's inputs.
	 */
	static void showErrors(Model model, List<Refusal.FieldError> errors) {
		var byField = new LinkedHashMap<String, String>();
		var summary = new ArrayList<Refusal.FieldError>();
		for (var error : errors) {
			var field = inputOf(error.field());
			byField.merge(field, error.message(), (a, b) -> a + " " + b);
			summary.add(new Refusal.FieldError(field, error.message()));
		}
		model.addAttribute("errors", summary);
		model.addAttribute("fieldErrors", byField);
	}

	/**
	 * The id of the form's input that a field at fault is about: {@code calendar.supports.opens} is
	 * {@code supportsOpens}, {@code calendar.shortlistDecision} is {@code shortlistDecision}, a window as a whole is
	 * its closing input, {@code themes[2]} is {@code themes}.
	 */
	static String inputOf(String field) {
		if (field.startsWith("themes")) {
			return "themes";
		}
		if (field.equals("calendar")) {
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

	/** The request as typed; a rule between two dates of the calendar is reported on the input at fault. */
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
