package cocon.voting.opendata;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;

/**
 * Keeps which proposals the committee shortlisted and funded, for their status in the {@code propositions} dataset.
 * Idempotent: a second delivery inserts nothing.
 */
@Component
class DecisionCopies {

	private final JdbcClient jdbc;

	DecisionCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ProposalsShortlisted event) {
		for (var proposal : event.proposals()) {
			insert(event.decisionId(), proposal.proposalId().id(), event.campaignId().id(), "SHORTLISTED",
					event.supersedes(), event.decidedAt());
		}
	}

	@ApplicationModuleListener
	void on(ProjectsFunded event) {
		for (var project : event.projects()) {
			insert(event.decisionId(), project.proposalId().id(), event.campaignId().id(), "FUNDED", null,
					event.decidedAt());
		}
	}

	private void insert(java.util.UUID decision, java.util.UUID proposal, java.util.UUID campaign, String kind,
			java.util.UUID supersedes, java.time.Instant at) {
		jdbc.sql("""
				insert into voting.decision_copy (decision_id, proposal_id, campaign_id, kind, supersedes, decided_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(decision, proposal, campaign, kind, supersedes, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.update();
	}
}
