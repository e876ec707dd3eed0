package cocon.curation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.Timestamps;

/** The append-only history of curation decisions (invariant 7). */
@Repository
class History {

	/** An entry as shown to curators. */
	record Entry(UUID contributionId, UUID proposalId, String action, String details, String actor, Instant at) {

		public String actionLabel() {
			return Decision.Action.valueOf(action).label();
		}
	}

	private final JdbcClient jdbc;

	History(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(List<Decision> decisions) {
		for (var decision : decisions) {
			jdbc.sql("""
					insert into curation.history (campaign_id, contribution_id, proposal_id, action, details, actor, at)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(decision.campaignId().id(),
							decision.contributionId() == null ? null : decision.contributionId().id(),
							decision.proposalId() == null ? null : decision.proposalId().id(), decision.action().name(),
							decision.details(), decision.actor(), Timestamps.column(decision.at()))
					.update();
		}
	}

	/** A proposal's own decisions and those of the contributions grouped into it, oldest first. */
	List<Entry> ofProposal(UUID proposalId) {
		return jdbc.sql("""
				select contribution_id, proposal_id, action, details, actor, at from curation.history
				where proposal_id = ? order by at, id""").param(proposalId).query(Entry.class).list();
	}

	List<Entry> ofContribution(UUID contributionId) {
		return jdbc.sql("""
				select contribution_id, proposal_id, action, details, actor, at from curation.history
				where contribution_id = ? order by at, id""").param(contributionId).query(Entry.class).list();
	}
}
