package cocon.referents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.Timestamps;

/**
 * The shortlist decisions this module has seen. A decision is applied once, and only if no decision seen
 * supersedes it and no later decision of the campaign was applied (events may arrive late or twice).
 */
@Repository
class ShortlistDecisions {

	private final JdbcClient jdbc;

	ShortlistDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the decision and says whether it is to be applied (false when seen before, superseded or outdated). */
	boolean recordAndCheckApplicable(ProposalsShortlisted decision) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:campaign))").param("campaign", decision.campaignId().toString())
				.query().singleValue();
		boolean seen = jdbc.sql("select count(*) from referents.shortlist_decision where decision_id = :id")
				.param("id", decision.decisionId()).query(Long.class).single() > 0;
		if (seen) {
			return false;
		}
		boolean superseded = jdbc.sql("""
				select count(*) from referents.shortlist_decision
				where supersedes = :id or (campaign_id = :campaign and applied and decided_at > :at)
				""")
				.param("id", decision.decisionId()).param("campaign", decision.campaignId().id())
				.param("at", Timestamps.column(decision.decidedAt())).query(Long.class).single() > 0;
		jdbc.sql("""
				insert into referents.shortlist_decision (decision_id, campaign_id, supersedes, decided_at, applied)
				values (:id, :campaign, :supersedes, :at, :applied)
				""")
				.param("id", decision.decisionId()).param("campaign", decision.campaignId().id())
				.param("supersedes", decision.supersedes()).param("at", Timestamps.column(decision.decidedAt()))
				.param("applied", !superseded).update();
		return !superseded;
	}
}
