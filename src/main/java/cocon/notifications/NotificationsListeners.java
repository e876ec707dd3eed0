package cocon.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalsMerged;
import cocon.deployment.events.AdoptionDeclared;
import cocon.deployment.events.ServicePhaseChanged;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.intake.events.ContributionSubmitted;
import cocon.referents.events.WorkingGroupFormed;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;

/**
 * What this module hears of the others: each event becomes a call of the mails it may cause, to contributors
 * ({@link ContributorMails}) or to collectivités and the public news ({@link DecisionMails}).
 */
@Component
class NotificationsListeners {

	private final ContributorMails contributors;
	private final DecisionMails decisions;

	NotificationsListeners(ContributorMails contributors, DecisionMails decisions) {
		this.contributors = contributors;
		this.decisions = decisions;
	}

	@ApplicationModuleListener
	void on(ContributionSubmitted event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ContributionGrouped event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ContributionUngrouped event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ContributionReoriented event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ContributionRejected event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(ProposalsMerged event) {
		contributors.on(event);
	}

	@ApplicationModuleListener
	void on(CampaignEvent event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(SupportsRecorded event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(SupportsClosed event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(ProposalsShortlisted event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(ProjectsFunded event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(WorkingGroupFormed event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(AdoptionDeclared event) {
		decisions.on(event);
	}

	@ApplicationModuleListener
	void on(ServicePhaseChanged event) {
		decisions.on(event);
	}
}
