package cocon.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.FrenchDates;
import cocon.shared.CampaignId;
import cocon.shared.Refusal;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;

/**
 * The committee's shortlist decision, on a page of its own (issue 25, point 4): every standing proposal on one
 * compact line with its box to tick, the count of ticks against the campaign's target, the rationale and the members
 * present. The form is offered once the shortlist date has come; a refused decision comes back with everything the
 * member ticked and wrote, each error beside its field and in a summary.
 */
@Controller
class ShortlistPages {

	/** The ids of the page's fields, where the error summary links to. */
	static final String PROPOSALS = "propositions", RATIONALE = "rationale", PRESENT = "membres-presents",
			CONFIRMATION = "confirmation";

	private final SteeringCommittee committee;
	private final CampaignManagement campaigns;
	private final CommitteeMembers members;
	private final Clock clock;

	ShortlistPages(SteeringCommittee committee, CampaignManagement campaigns, CommitteeMembers members, Clock clock) {
		this.committee = committee;
		this.campaigns = campaigns;
		this.members = members;
		this.clock = clock;
	}

	/** Whether the shortlist may be decided now: from its day on, in Paris (the rule of {@link ShortlistDecision}). */
	static boolean open(Campaign campaign, Instant now) {
		return !LocalDate.ofInstant(now, Window.PARIS).isBefore(campaign.calendar().shortlistDecision());
	}

	/** What the member ticked and wrote, shown back as it was sent. */
	record Form(List<UUID> proposalIds, String rationale, List<String> presentMembers) {

		Form {
			proposalIds = proposalIds == null ? List.of() : List.copyOf(proposalIds);
			presentMembers = presentMembers == null ? List.of() : List.copyOf(presentMembers);
		}

		public boolean retains(UUID proposal) {
			return proposalIds.contains(proposal);
		}

		public boolean present(String username) {
			return presentMembers.contains(username);
		}
	}

	@GetMapping("/campagnes/{id}/comite/preselection")
	String form(@PathVariable CampaignId id, CurrentUser user, Model model) {
		committee.requireMember(id, user.username());
		var inputs = inputs(id);
		var current = inputs.proposals().stream().filter(DecisionInputs.Row::shortlisted)
				.map(DecisionInputs.Row::proposalId).toList();
		var everyone = committee.members(id).stream().map(Committee.Member::username).toList();
		return page(id, inputs, new Form(current, "", everyone), List.of(), model);
	}

	@PostMapping("/campagnes/{id}/comite/preselection")
	String decide(@PathVariable CampaignId id, @RequestParam(required = false) List<UUID> proposalIds,
			@RequestParam(required = false) String rationale, @RequestParam(required = false) List<String> presentMembers,
			@RequestParam(required = false) String confirmation, CurrentUser user, Model model,
			RedirectAttributes redirect) {
		committee.requireMember(id, user.username());
		var form = new Form(proposalIds, rationale, presentMembers);
		var errors = new Refusal.Collector();
		if (form.proposalIds().isEmpty()) {
			errors.add(PROPOSALS, "Cochez au moins une proposition à retenir.");
		}
		if (rationale == null || rationale.isBlank()) {
			errors.add(RATIONALE, "Motivez la décision : elle sera publiée avec la présélection.");
		}
		if (confirmation == null) {
			errors.add(CONFIRMATION, "Cochez la case de confirmation pour enregistrer la décision.");
		}
		if (errors.isEmpty()) {
			try {
				var decision = committee.shortlist(id, form.proposalIds(), rationale, form.presentMembers(),
						user.username());
				var count = decision.items().size();
				redirect.addFlashAttribute("success", "La présélection de " + count
						+ (count > 1 ? " propositions" : " proposition") + " est enregistrée et publiée.");
				return "redirect:/campagnes/" + id + "/decisions";
			}
			catch (Refusal e) {
				if (e.kind() == Refusal.Kind.FORBIDDEN) {
					throw e;
				}
				refused(e, errors);
			}
			catch (IllegalArgumentException e) {
				errors.add(e.getMessage().contains("motivation") ? RATIONALE : PROPOSALS, e.getMessage());
			}
		}
		return page(id, inputs(id), form, errors.errors(), model);
	}

	private static void refused(Refusal refusal, Refusal.Collector errors) {
		if (refusal.errors().isEmpty()) {
			errors.add(PROPOSALS, refusal.getMessage());
			return;
		}
		refusal.errors().forEach(e -> errors.add(switch (e.field()) {
			case "presentMembers" -> PRESENT;
			case "rationale" -> RATIONALE;
			default -> PROPOSALS;
		}, e.message()));
	}

	private DecisionInputs inputs(CampaignId id) {
		return committee.inputs(id, SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT, SteeringCommittee.DEFAULT_MATURITY_WEIGHT);
	}

	private String page(CampaignId id, DecisionInputs inputs, Form form, List<Refusal.FieldError> errors,
			Model model) {
		var campaign = campaigns.get(id);
		var current = committee.members(id);
		var byField = new java.util.LinkedHashMap<String, String>();
		errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + " " + b));
		model.addAttribute("campaign", CampaignSummary.of(campaign, clock.instant()));
		model.addAttribute("inputs", inputs);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("members", members.of(current));
		var conflicts = new java.util.HashMap<UUID, String>();
		inputs.proposals().stream().filter(p -> !p.membersInConflict().isEmpty()).forEach(p -> conflicts
				.put(p.proposalId(), String.join(", ", members.names(current, p.membersInConflict()))));
		model.addAttribute("conflicts", conflicts);
		model.addAttribute("open", open(campaign, clock.instant()));
		model.addAttribute("shortlistDate", FrenchDates.weekday(campaign.calendar().shortlistDecision()));
		model.addAttribute("count", count(form.proposalIds().size(), inputs.targetShortlistSize()));
		model.addAttribute("target", inputs.targetShortlistSize());
		return "governance/shortlist";
	}

	/** « 12 sélectionnées sur un objectif de 17 », the script of the page says the same as boxes are ticked. */
	static String count(int ticked, Integer target) {
		var selected = ticked + (ticked > 1 ? " sélectionnées" : " sélectionnée");
		return target == null ? selected : selected + " sur un objectif de " + target;
	}
}
