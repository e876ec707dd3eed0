package cocon.intake;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;

/** Records on each contribution what curation decided (the latest decision wins, every decision is kept). */
@Component
class CurationOutcomes {

	private final Intake intake;

	CurationOutcomes(Intake intake) {
		this.intake = intake;
	}

	@ApplicationModuleListener
	void on(ContributionGrouped event) {
		intake.decide(event.contributionId(), new Outcome.Grouped(event.proposalId(), event.proposalTitle()),
				event.decidedBy(), event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ContributionReoriented event) {
		intake.decide(event.contributionId(), new Outcome.Reoriented(event.target(), event.note()), event.decidedBy(),
				event.decidedAt());
	}

	@ApplicationModuleListener
	void on(ContributionRejected event) {
		intake.decide(event.contributionId(), new Outcome.Rejected(event.reason()), event.decidedBy(), event.decidedAt());
	}
}
