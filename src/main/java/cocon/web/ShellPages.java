package cocon.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cocon.shared.wayfinding.CampaignOverviews;

/**
 * The pages of the shell that belong to no module: home (with where each campaign stands, from governance through
 * {@link CampaignOverviews}), the accessibility statement, the legal notice, the site map, the French description
 * of the API and the credits of the reference data.
 */
@Controller
class ShellPages {

	/** One step of the consultation on the home page: message keys of its title and description. */
	record Step(String title, String description) {
	}

	private static final List<Step> STEPS = List.of(
			new Step("platform.home.step1.title", "platform.home.step1.text"),
			new Step("platform.home.step2.title", "platform.home.step2.text"),
			new Step("platform.home.step3.title", "platform.home.step3.text"));

	/** One operation of the API on its French page: method, path and the message key of what it does. */
	record Operation(String method, String path, String key) {
	}

	/** The operations of the API by area: the message key of the area's heading, then its operations. */
	record Area(String key, List<Operation> operations) {
	}

	static final List<Area> API = List.of(
			new Area("platform.api.area.campaigns", List.of(
					new Operation("GET", "/api/campaigns", "platform.api.op.campaigns"),
					new Operation("GET", "/api/campaigns/{id}", "platform.api.op.campaign"),
					new Operation("POST", "/api/campaigns", "platform.api.op.schedule"),
					new Operation("PUT", "/api/campaigns/{id}/calendar", "platform.api.op.calendar"),
					new Operation("GET", "/api/campaigns/{id}/calendar-changes", "platform.api.op.calendarChanges"))),
			new Area("platform.api.area.contributions", List.of(
					new Operation("POST", "/api/campaigns/{id}/contributions", "platform.api.op.contribute"),
					new Operation("POST", "/api/campaigns/{id}/contributions/import", "platform.api.op.import"),
					new Operation("GET", "/api/me/contributions", "platform.api.op.mine"))),
			new Area("platform.api.area.curation", List.of(
					new Operation("GET", "/api/campaigns/{id}/triage", "platform.api.op.triage"),
					new Operation("POST", "/api/campaigns/{id}/proposals", "platform.api.op.group"),
					new Operation("POST", "/api/contributions/{id}/reorientation", "platform.api.op.reorient"),
					new Operation("POST", "/api/contributions/{id}/rejection", "platform.api.op.reject"),
					new Operation("POST", "/api/proposals/{id}/publication", "platform.api.op.publish"),
					new Operation("GET", "/api/campaigns/{id}/curation-report", "platform.api.op.funnel"))),
			new Area("platform.api.area.supports", List.of(
					new Operation("GET", "/api/campaigns/{id}/proposals", "platform.api.op.proposals"),
					new Operation("GET", "/api/campaigns/{id}/ranking", "platform.api.op.ranking"),
					new Operation("PUT", "/api/proposals/{id}/support", "platform.api.op.support"),
					new Operation("DELETE", "/api/proposals/{id}/support", "platform.api.op.withdraw"),
					new Operation("GET", "/api/campaigns/{id}/supports-over-time", "platform.api.op.overTime"))),
			new Area("platform.api.area.committee", List.of(
					new Operation("PUT", "/api/campaigns/{id}/committee", "platform.api.op.committee"),
					new Operation("GET", "/api/campaigns/{id}/decision-inputs", "platform.api.op.inputs"),
					new Operation("POST", "/api/campaigns/{id}/shortlist", "platform.api.op.shortlist"),
					new Operation("POST", "/api/campaigns/{id}/funded-projects", "platform.api.op.fund"),
					new Operation("GET", "/api/campaigns/{id}/decisions", "platform.api.op.decisions"))),
			new Area("platform.api.area.referents", List.of(
					new Operation("GET", "/api/me/referent-invitations", "platform.api.op.invitations"),
					new Operation("POST", "/api/proposals/{id}/referent-applications", "platform.api.op.apply"),
					new Operation("GET", "/api/proposals/{id}/working-group", "platform.api.op.workingGroup"))),
			new Area("platform.api.area.directory", List.of(
					new Operation("GET", "/api/collectivites", "platform.api.op.directory"),
					new Operation("GET", "/api/collectivites/{siren}", "platform.api.op.collectivite"))));

	private final ObjectProvider<CampaignOverviews> campaigns;

	ShellPages(ObjectProvider<CampaignOverviews> campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("steps", STEPS);
		model.addAttribute("campaigns", campaigns.orderedStream().flatMap(c -> c.all().stream()).toList());
		return "web/home";
	}

	@GetMapping("/accessibilite")
	String accessibility() {
		return "web/accessibility";
	}

	@GetMapping("/mentions-legales")
	String legalNotice() {
		return "web/legal-notice";
	}

	@GetMapping("/plan-du-site")
	String siteMap(Model model) {
		model.addAttribute("campaigns", campaigns.orderedStream().flatMap(c -> c.all().stream()).toList());
		return "web/site-map";
	}

	@GetMapping("/api-documentation")
	String apiDocumentation(Model model) {
		model.addAttribute("areas", API);
		return "web/api-documentation";
	}

	@GetMapping("/donnees-de-reference")
	String referenceData() {
		return "opendata/reference-data";
	}
}
