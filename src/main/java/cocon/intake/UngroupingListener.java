package cocon.intake;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionUngrouped;

/**
 * A grouping undone by a curator (ADR 0045) puts the contribution back in the queue: without this, « Mes
 * contributions » would keep showing it as part of a proposal it left.
 */
@Component
class UngroupingListener {

	private final Intake intake;

	UngroupingListener(Intake intake) {
		this.intake = intake;
	}

	@ApplicationModuleListener
	void on(ContributionUngrouped event) {
		intake.ungroup(event.contributionId(), event.proposalId(), event.proposalTitle(), event.decidedBy(),
				event.decidedAt());
	}
}
