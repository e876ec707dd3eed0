package cocon.referents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/** Stores the calls (one per shortlisted proposal), with optimistic locking. */
@Repository
class ReferentCalls {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	ReferentCalls(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	Optional<ReferentCall> find(ProposalId id) {
		return jdbc.sql("select * from referents.referent_call where proposal_id = :id").param("id", id.id())
				.query(ReferentCalls::map).optional();
	}

	/** The call, locked for the rest of the transaction. */
	Optional<ReferentCall> findForUpdate(ProposalId id) {
		return jdbc.sql("select * from referents.referent_call where proposal_id = :id for update").param("id", id.id())
				.query(ReferentCalls::map).optional();
	}

	List<ReferentCall> ofCampaign(CampaignId campaign) {
		return jdbc.sql("select * from referents.referent_call where campaign_id = :id").param("id", campaign.id())
				.query(ReferentCalls::map).list();
	}

	void save(ReferentCall call) {
		if (call.isNew()) {
			jdbc.sql("""
					insert into referents.referent_call (proposal_id, campaign_id, proposal_title, status, decision_id, opened_at, cancelled_at, formed_at, version)
					values (:id, :campaign, :title, :status, :decision, :opened, :cancelled, :formed, 0)
					""")
					.param("id", call.getId().id()).param("campaign", call.campaignId().id())
					.param("title", call.proposalTitle()).param("status", call.state().name())
					.param("decision", call.decisionId()).param("opened", Timestamps.column(call.openedAt()))
					.param("cancelled", Timestamps.column(call.cancelledAt())).param("formed", Timestamps.column(call.formedAt())).update();
			call.events().publishTo(events);
			return;
		}
		int updated = jdbc.sql("""
				update referents.referent_call set proposal_title = :title, status = :status, decision_id = :decision,
				  cancelled_at = :cancelled, version = version + 1
				where proposal_id = :id and version = :version
				""")
				.param("id", call.getId().id()).param("title", call.proposalTitle())
				.param("status", call.state().name()).param("decision", call.decisionId())
				.param("cancelled", Timestamps.column(call.cancelledAt())).param("version", call.version()).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("L'appel " + call.getId() + " a changé entre-temps.");
		}
		call.events().publishTo(events);
	}

	static ReferentCall map(ResultSet rs, int row) throws SQLException {
		return new ReferentCall(new ProposalId(rs.getObject("proposal_id", UUID.class)), new CampaignId(rs.getObject("campaign_id", UUID.class)),
				rs.getString("proposal_title"), ReferentCall.State.valueOf(rs.getString("status")),
				rs.getObject("decision_id", UUID.class), Timestamps.instant(rs, "opened_at"), Timestamps.instant(rs, "cancelled_at"),
				Timestamps.instant(rs, "formed_at"), rs.getLong("version"));
	}
}
