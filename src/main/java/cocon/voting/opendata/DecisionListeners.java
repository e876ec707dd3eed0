package cocon.voting.opendata;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.voting.opendata.DecisionCopies.Kind;

/** Keeps the committee's decisions that the {@code propositions} dataset shows, from governance's events. */
@Component
class DecisionListeners {

	private final DecisionCopies decisions;

	DecisionListeners(DecisionCopies decisions) {
		this.decisions = decisions;
	}

	@ApplicationModuleListener
	void on(ProposalsShortlisted event) {
		for (var proposal : event.proposals()) {
			decisions.keep(event.decisionId(), proposal.proposalId().id(), event.campaignId().id(), Kind.SHORTLISTED,
					event.supersedes(), event.decidedAt());
		}
	}

	@ApplicationModuleListener
	void on(ProjectsFunded event) {
		for (var project : event.projects()) {
			decisions.keep(event.decisionId(), project.proposalId().id(), event.campaignId().id(), Kind.FUNDED, null,
					event.decidedAt());
		}
	}
}
