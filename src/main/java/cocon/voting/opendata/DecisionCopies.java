package cocon.voting.opendata;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.Timestamps;

/**
 * Which proposals the committee shortlisted and funded, for their status in the {@code propositions} dataset.
 * Idempotent: a second delivery of a decision inserts nothing.
 */
@Repository
class DecisionCopies {

	enum Kind {
		SHORTLISTED, FUNDED
	}

	private final JdbcClient jdbc;

	DecisionCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void keep(UUID decision, UUID proposal, UUID campaign, Kind kind, UUID supersedes, Instant at) {
		jdbc.sql("""
				insert into voting.decision_copy (decision_id, proposal_id, campaign_id, kind, supersedes, decided_at)
				values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(decision, proposal, campaign, kind.name(), supersedes, Timestamps.column(at))
				.update();
	}
}
