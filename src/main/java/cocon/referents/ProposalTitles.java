package cocon.referents;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.NewestCopy;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/** The latest known title of each proposal (from curation's events): an older revision never wins. */
@Repository
class ProposalTitles {

	private final JdbcClient jdbc;

	ProposalTitles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the title if it is newer than the one known (newest wins, ADR 0018); says whether it was. */
	boolean record(ProposalId id, String title, Instant asOf) {
		return NewestCopy.of(jdbc, "referents.proposal_title", "proposal_id", id.id()).set("title", title).write(asOf);
	}

	/** The title known, if it was set after the given instant. */
	Optional<String> revisedAfter(ProposalId id, Instant instant) {
		return jdbc.sql("select title from referents.proposal_title where proposal_id = :id and as_of > :at")
				.param("id", id.id()).param("at", Timestamps.column(instant)).query(String.class).optional();
	}

	Optional<String> find(ProposalId id) {
		return jdbc.sql("select title from referents.proposal_title where proposal_id = :id").param("id", id.id())
				.query(String.class).optional();
	}
}
