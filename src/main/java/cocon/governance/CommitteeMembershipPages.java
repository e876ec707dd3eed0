package cocon.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.FrenchDates;
import cocon.shared.CampaignId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.KnownIdentities;

/**
 * The administrator's page of a campaign's steering committee: its members (identity and organisation), named
 * again as a whole each time, every earlier naming kept with who made it and when (same use case as
 * {@code PUT /api/campaigns/{id}/committee}).
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CommitteeMembershipPages {

	/** Empty lines offered below the current members, to add people without JavaScript. */
	static final int FREE_LINES = 3;

	private final CampaignManagement management;
	private final SteeringCommittee committee;
	private final KnownIdentities identities;
	private final CommitteeMembers members;
	private final Clock clock;

	CommitteeMembershipPages(CampaignManagement management, SteeringCommittee committee, KnownIdentities identities,
			CommitteeMembers members, Clock clock) {
		this.management = management;
		this.committee = committee;
		this.identities = identities;
		this.members = members;
		this.clock = clock;
	}

	@GetMapping("/admin/campagnes/{id}/comite")
	String form(@PathVariable CampaignId id, Model model) {
		var form = new MembersForm();
		committee.committeeHistory(id).stream().findFirst()
				.ifPresent(c -> c.members().forEach(m -> form.getLines().add(new MembersForm.Line(m.username(), m.organisation()))));
		return page(id, form, model);
	}

	private String page(CampaignId id, MembersForm form, Model model) {
		while (form.getLines().stream().filter(MembersForm.Line::isBlank).count() < FREE_LINES) {
			form.getLines().add(new MembersForm.Line());
		}
		var campaign = management.get(id);
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("form", form);
		model.addAttribute("history", committee.committeeHistory(id).stream()
				.map(c -> new MembersForm.Naming(FrenchDates.weekdayTime(c.appointedAt()), c.appointedBy(),
						c.members().stream().map(m -> members.shown(m).label() + ", identifiant " + m.username()).toList()))
				.toList());
		return "governance/committee-members";
	}

	@PostMapping("/admin/campagnes/{id}/comite")
	String appoint(@PathVariable CampaignId id, @ModelAttribute("form") MembersForm form, CurrentUser admin, Model model,
			RedirectAttributes redirect) {
		var errors = new Refusal.Collector();
		var members = new ArrayList<Committee.Member>();
		var seen = new HashSet<String>();
		for (int i = 0; i < form.getLines().size(); i++) {
			var line = form.getLines().get(i);
			if (line.isBlank()) {
				continue;
			}
			var username = line.getUsername() == null ? "" : line.getUsername().strip();
			var organisation = line.getOrganisation() == null ? "" : line.getOrganisation().strip();
			if (username.isEmpty()) {
				errors.add("lines" + i + ".username", "Indiquez l'identifiant du membre représentant « " + organisation + " ».");
			}
			else if (!identities.isKnown(username)) {
				errors.add("lines" + i + ".username", "Aucune personne d'identifiant « " + username
						+ " » ne s'est connectée à Cocon : vérifiez l'identifiant.");
			}
			else if (!seen.add(username)) {
				errors.add("lines" + i + ".username", "« " + username + " » figure deux fois dans le comité.");
			}
			if (organisation.isEmpty()) {
				errors.add("lines" + i + ".organisation", "Indiquez l'organisation que représente « " + username + " ».");
			}
			if (!username.isEmpty() && !organisation.isEmpty()) {
				members.add(new Committee.Member(username, organisation));
			}
		}
		if (members.isEmpty() && errors.isEmpty()) {
			errors.add("lines0.username", "Le comité compte au moins un membre : indiquez son identifiant et son organisation.");
		}
		if (!errors.isEmpty()) {
			var byField = new java.util.LinkedHashMap<String, String>();
			errors.errors().forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + " " + b));
			model.addAttribute("errors", errors.errors());
			model.addAttribute("fieldErrors", byField);
			return page(id, form, model);
		}
		committee.appoint(id, members, admin.username());
		redirect.addFlashAttribute("success", members.size() == 1
				? "Le comité de pilotage est composé d'un membre."
				: "Le comité de pilotage est composé de " + members.size() + " membres.");
		return "redirect:/admin/campagnes/" + id + "/comite";
	}
}
