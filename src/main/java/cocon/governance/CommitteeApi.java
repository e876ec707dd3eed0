package cocon.governance;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/** The steering committee API (issue 5). Membership is per campaign and checked here, not by a platform role. */
@RestController
class CommitteeApi {

	private final SteeringCommittee committee;

	/** Set by Spring; a field so that the constructor stays as it is (issue 22's check, its own class). */
	@org.springframework.beans.factory.annotation.Autowired
	private KnownCommitteeMembers knownMembers;

	CommitteeApi(SteeringCommittee committee) {
		this.committee = committee;
	}

	record MemberJson(String username, String organisation) {
	}

	record CommitteeJson(List<MemberJson> members) {
	}

	/**
	 * A naming of the committee. Usernames (ProConnect subjects in production) and who appointed it are shown to the
	 * administrators and to the members of this committee only; everybody else sees the organisations represented.
	 */
	record CommitteeView(UUID campaignId, String appointedBy, String appointedAt, List<MemberJson> members) {

		static CommitteeView of(Committee.Naming c) {
			return new CommitteeView(c.campaignId().id(), c.appointedBy(), CalendarJson.format(c.appointedAt()),
					c.members().stream().map(m -> new MemberJson(m.username(), m.organisation())).toList());
		}

		static CommitteeView published(Committee.Naming c) {
			return new CommitteeView(c.campaignId().id(), null, CalendarJson.format(c.appointedAt()),
					c.members().stream().map(m -> new MemberJson(null, m.organisation())).toList());
		}
	}

	@PutMapping("/api/campaigns/{id}/committee")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	public CommitteeView appoint(@PathVariable CampaignId id, @RequestBody CommitteeJson body, CurrentUser user) {
		if (body == null || body.members() == null || body.members().isEmpty()) {
			throw Refusal.Invalid.field("members", "Le comité compte au moins un membre.");
		}
		var members = new ArrayList<Committee.Member>();
		var errors = new Refusal.Collector();
		for (int i = 0; i < body.members().size(); i++) {
			var m = body.members().get(i);
			knownMembers.check(i, m, errors);
			try {
				members.add(new Committee.Member(m == null ? null : m.username(), m == null ? null : m.organisation()));
			}
			catch (IllegalArgumentException e) {
				errors.add("members[" + i + "]", e.getMessage());
			}
		}
		errors.throwIfAny();
		return CommitteeView.of(committee.appoint(id, members, user.username()));
	}

	/** The committee's composition, the current one first, then every earlier naming. */
	@GetMapping("/api/campaigns/{id}/committee")
	public List<CommitteeView> composition(@PathVariable CampaignId id, @Nullable CurrentUser user) {
		return committee.committeeHistory(id).stream()
				.map(insider(id, user) ? CommitteeView::of : CommitteeView::published).toList();
	}

	record ConflictJson(String reason) {
	}

	@PostMapping("/api/proposals/{id}/conflicts")
	public ResponseEntity<Map<String, Object>> declareConflict(@PathVariable ProposalId id,
			@RequestBody(required = false) ConflictJson body, CurrentUser user) {
		var created = committee.declareConflict(id, body == null ? null : body.reason(), user.username());
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
				.body(Map.of("proposalId", id.id(), "username", user.username()));
	}

	record MaturityJson(Integer level, String note) {
	}

	@PutMapping("/api/proposals/{id}/maturity")
	public Map<String, Object> assess(@PathVariable ProposalId id, @RequestBody(required = false) MaturityJson body,
			CurrentUser user) {
		committee.assess(id, body == null ? null : body.level(), body == null ? null : body.note(), user.username());
		return Map.of("proposalId", id.id(), "level", body.level());
	}

	/** The decision inputs and the adjustable score, for committee members (and administrators). */
	@GetMapping("/api/campaigns/{id}/decision-inputs")
	public DecisionInputs inputs(@PathVariable CampaignId id,
			@RequestParam(defaultValue = "" + SteeringCommittee.DEFAULT_SUPPORTS_WEIGHT) double supportsWeight,
			@RequestParam(defaultValue = "" + SteeringCommittee.DEFAULT_MATURITY_WEIGHT) double maturityWeight,
			CurrentUser user) {
		if (!user.hasRole(Role.ADMINISTRATOR)) {
			committee.requireMember(id, user.username());
		}
		return committee.inputs(id, supportsWeight, maturityWeight);
	}

	record ShortlistJson(List<UUID> proposalIds, String rationale, List<String> presentMembers) {
	}

	@PostMapping("/api/campaigns/{id}/shortlist")
	public ResponseEntity<Map<String, Object>> shortlist(@PathVariable CampaignId id, @RequestBody ShortlistJson body,
			CurrentUser user) {
		var decision = committee.shortlist(id, body.proposalIds(), body.rationale(), body.presentMembers(),
				user.username());
		var response = new java.util.LinkedHashMap<String, Object>();
		response.put("id", decision.getId().id());
		if (decision.supersedes() != null) {
			response.put("supersedes", decision.supersedes().id());
		}
		response.put("steppedOut", decision.recusals().stream()
				.map(r -> Map.of("proposalId", r.proposalId().id(), "username", r.username())).toList());
		return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/decisions")).body(response);
	}

	record MilestoneJson(String label, String due) {
	}

	record FundingJson(UUID proposalId, String provider, String title, Long budgetEuros,
			List<MilestoneJson> milestones) {
	}

	@PostMapping("/api/campaigns/{id}/funded-projects")
	public ResponseEntity<Map<String, Object>> fund(@PathVariable CampaignId id, @RequestBody FundingJson body,
			CurrentUser user) {
		var milestones = new ArrayList<FundedProject.Milestone>();
		var errors = new Refusal.Collector();
		var given = body.milestones() == null ? List.<MilestoneJson>of() : body.milestones();
		for (int i = 0; i < given.size(); i++) {
			var m = given.get(i);
			if (m == null) {
				errors.add("milestones[" + i + "]", "Un jalon a un libellé et une échéance.");
				continue;
			}
			try {
				milestones.add(new FundedProject.Milestone(m.label(), m.due() == null ? null : LocalDate.parse(m.due())));
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				errors.add("milestones[" + i + "]", e instanceof DateTimeParseException
						? "Échéance invalide : attendu par exemple 2021-12-31." : e.getMessage());
			}
		}
		errors.throwIfAny();
		var funding = committee.fund(id, body.proposalId(), body.provider(), body.title(), body.budgetEuros(),
				milestones, user.username());
		return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/decisions"))
				.body(Map.of("id", funding.project().getId().id(), "decisionId", funding.project().decisionId(),
						"remainingEuros", funding.remaining().amount()));
	}

	/** The record of decisions; usernames for administrators and the committee's members, organisations otherwise. */
	@GetMapping("/api/campaigns/{id}/decisions")
	public Object decisions(@PathVariable CampaignId id, @Nullable CurrentUser user) {
		return insider(id, user) ? committee.decisions(id) : committee.publicDecisions(id);
	}

	private boolean insider(CampaignId id, @Nullable CurrentUser user) {
		return user != null && (user.hasRole(Role.ADMINISTRATOR) || committee.isMember(id, user.username()));
	}
}
