package cocon.referents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.Timestamps;

/** Stores working-group sessions with their attendees (a foreign key keeps attendees members). */
@Repository
class WorkingGroupSessions {

	private final JdbcClient jdbc;

	WorkingGroupSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WorkingGroupSession session) {
		jdbc.sql("""
				insert into referents.working_group_session (id, proposal_id, held_on, subject, recorded_by, recorded_at)
				values (:id, :proposal, :heldOn, :subject, :by, :at)
				""")
				.param("id", session.getId().id()).param("proposal", session.proposalId().id())
				.param("heldOn", session.heldOn()).param("subject", session.subject())
				.param("by", session.recordedBy()).param("at", Timestamps.column(session.recordedAt())).update();
		for (var siren : session.attendees()) {
			jdbc.sql("insert into referents.session_attendee (session_id, proposal_id, siren) values (:s, :p, :siren)")
					.param("s", session.getId().id()).param("p", session.proposalId().id())
					.param("siren", siren.value()).update();
		}
	}
}
