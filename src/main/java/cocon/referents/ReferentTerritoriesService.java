package cocon.referents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.governance.events.ProposalsShortlisted;
import cocon.governance.events.ProposalsShortlisted.ShortlistedProposal;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;

/**
 * The use cases of the module: opening the calls of a shortlist, applying as a referent territory, marking
 * experimentation territories and recording working-group sessions. Events registered by the aggregates are
 * published inside the transaction (and so kept in the event publication registry).
 */
@Service
class ReferentTerritoriesService {

	private final ReferentCalls calls;
	private final ReferentTerritories territories;
	private final WorkingGroupSessions sessions;
	private final CampaignCopies campaigns;
	private final ShortlistDecisions decisions;
	private final ProposalTitles titles;
	private final Invitations invitations;
	private final Clock clock;
	private final PlannedSessions plannedSessions;

	ReferentTerritoriesService(ReferentCalls calls, ReferentTerritories territories, WorkingGroupSessions sessions,
			CampaignCopies campaigns, ShortlistDecisions decisions, ProposalTitles titles, Invitations invitations,
			Clock clock, PlannedSessions plannedSessions) {
		this.plannedSessions = plannedSessions;
		this.calls = calls;
		this.territories = territories;
		this.sessions = sessions;
		this.campaigns = campaigns;
		this.decisions = decisions;
		this.titles = titles;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * Applies a shortlist decision: every listed proposal gets an open call (a new one forms its working group),
	 * the calls of proposals a correction no longer lists are cancelled, and the supporters are invited.
	 */
	@Transactional
	void applyShortlist(ProposalsShortlisted decision) {
		if (!decisions.recordAndCheckApplicable(decision)) {
			return;
		}
		// before the calls are opened and their supporters read: a batch of supports in flight waits, or is seen
		invitations.lockProposals(decision.proposals().stream().map(ShortlistedProposal::proposalId).toList());
		var now = clock.instant();
		Set<ProposalId> listed = new HashSet<>();
		for (var retained : decision.proposals()) {
			listed.add(retained.proposalId());
			var title = titles.revisedAfter(retained.proposalId(), decision.decidedAt()).orElse(retained.title());
			var existing = calls.find(retained.proposalId());
			ReferentCall call;
			if (existing.isPresent()) {
				call = existing.get();
				call.retainedBy(decision.decisionId());
				call.retitle(title);
			}
			else {
				call = ReferentCall.open(retained.proposalId(), decision.campaignId(), title, decision.decisionId(), now);
			}
			calls.save(call);
			invitations.inviteSupporters(retained.proposalId(), now);
		}
		for (var call : calls.ofCampaign(decision.campaignId())) {
			if (!listed.contains(call.getId()) && !call.isCancelled()) {
				call.droppedBy(decision.decisionId(), now);
				calls.save(call);
			}
		}
	}

	/** The outcome of an application: the referent territory, and whether it was created by this request. */
	record Applied(ReferentTerritory territory, boolean created) {
	}

	/**
	 * A collectivité applies to the call of a proposal. Refused when the proposal has no open call (404), the
	 * organisation may not join (403), or outside the window (409); an existing application is returned as is, also
	 * when a concurrent request stored it first (the database's unique key decides).
	 */
	@Transactional
	Applied apply(ProposalId proposal, CurrentUser agent, String motivation, String contactName, String contactEmail) {
		var call = openCall(proposal);
		var campaign = campaigns.find(call.campaignId()).orElseThrow(() -> new ReferentProblem.WindowClosed(null));
		var organisation = ReferentTerritory.eligibleOrganisation(agent, campaign);
		var existing = territories.find(proposal, organisation.siren());
		if (existing.isPresent()) {
			return new Applied(existing.get(), false);
		}
		var territory = ReferentTerritory.apply(call, campaign, agent, motivation,
				new ReferentTerritory.Contact(contactName, contactEmail), clock.instant());
		if (!territories.add(territory)) {
			// a concurrent request of the same collectivité stored its application first
			return new Applied(territories.find(proposal, organisation.siren()).orElseThrow(), false);
		}
		return new Applied(territory, true);
	}

	@Transactional(readOnly = true)
	Optional<ReferentTerritory> applicationOf(ProposalId proposal, Siren siren) {
		return territories.find(proposal, siren);
	}

	/** Marks a referent territory as an experimentation territory (idempotent: the first mark is kept). */
	@Transactional
	ReferentTerritory markAsExperimentation(ReferentTerritory.ApplicationId id, CurrentUser staff) {
		var territory = territories.find(id).orElseThrow(ReferentProblem.UnknownApplication::new);
		if (territory.markAsExperimentation(staff.username(), clock.instant())) {
			territories.markExperimentation(territory);
		}
		return territories.find(id).orElseThrow();
	}

	/** Records a working-group session held by members of the group. */
	@Transactional
	WorkingGroupSession recordSession(ProposalId proposal, LocalDate heldOn, String subject, Set<Siren> attendees,
			CurrentUser staff) {
		var call = calls.find(proposal).orElseThrow(ReferentProblem.UnknownCall::new);
		var session = WorkingGroupSession.record(call, territories.members(proposal), heldOn, subject, attendees,
				staff.username(), clock.instant());
		sessions.add(session);
		return session;
	}

	/** The territory leaves the working group (its own agent, or staff); its application is kept in the history. */
	@Transactional
	ReferentTerritory leave(ReferentTerritory.ApplicationId id, CurrentUser by) {
		var territory = territories.find(id).orElseThrow(ReferentProblem.UnknownApplication::new);
		var now = clock.instant();
		territory.leave(by, now);
		territories.withdraw(territory, by.username(), now);
		return territory;
	}

	/** Plans a session of the working group: when, where (a place or a visio link), on what agenda. */
	@Transactional
	void planSession(ProposalId proposal, java.time.LocalDateTime startsAt, String place, String agenda,
			CurrentUser staff) {
		var call = calls.find(proposal).orElseThrow(ReferentProblem.UnknownCall::new);
		plannedSessions.plan(call, startsAt, place, agenda, staff.username(), clock.instant());
	}

	private ReferentCall openCall(ProposalId proposal) {
		return calls.find(proposal).filter(call -> !call.isCancelled()).orElseThrow(ReferentProblem.UnknownCall::new);
	}
}
