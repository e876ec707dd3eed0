package cocon.referents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.shared.Window;

/**
 * The sessions a working group's organiser plans (issue 25, point 6): when, where — a place or a visio link — and on
 * what agenda. The page lists those to come; once held, the organiser records the session with its attendees
 * ({@link WorkingGroupSession}).
 */
@Repository
class PlannedSessions {

	/** A session to come, as the working group's page shows it. */
	record Planned(UUID id, Instant startsAt, String place, String agenda) {
	}

	private final JdbcClient jdbc;

	PlannedSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Plans a session in the future (Paris time) of a call not cancelled; each field is required. */
	void plan(ReferentCall call, LocalDateTime startsAt, String place, String agenda, String by, Instant now) {
		if (call.isCancelled()) {
			throw new ReferentProblem.CallCancelled();
		}
		if (startsAt == null) {
			throw new ReferentProblem.InvalidSession("startsAt", "Indiquez la date et l'heure de la séance.");
		}
		var instant = startsAt.atZone(Window.PARIS).toInstant();
		if (!instant.isAfter(now)) {
			throw new ReferentProblem.InvalidSession("startsAt", "Une séance se programme à venir : choisissez une date future.");
		}
		if (place == null || place.isBlank() || place.length() > 500) {
			throw new ReferentProblem.InvalidSession("place",
					"Indiquez le lieu de la séance ou le lien de la visioconférence (500 caractères au plus).");
		}
		if (agenda == null || agenda.isBlank() || agenda.length() > 4000) {
			throw new ReferentProblem.InvalidSession("agenda", "Indiquez l'ordre du jour (4 000 caractères au plus).");
		}
		jdbc.sql("""
				insert into referents.planned_session (id, proposal_id, starts_at, place, agenda, planned_by, planned_at)
				values (:id, :proposal, :startsAt, :place, :agenda, :by, :at)""")
				.param("id", UUID.randomUUID()).param("proposal", call.getId().id()).param("startsAt", Timestamps.column(instant))
				.param("place", place.strip()).param("agenda", agenda.strip()).param("by", by).param("at", Timestamps.column(now))
				.update();
	}

	/** The group's sessions to come, soonest first. */
	List<Planned> upcoming(ProposalId proposal, Instant now) {
		return jdbc.sql("""
				select id, starts_at, place, agenda from referents.planned_session
				where proposal_id = :p and starts_at >= :now order by starts_at""")
				.param("p", proposal.id()).param("now", Timestamps.column(now))
				.query((rs, row) -> new Planned(rs.getObject("id", UUID.class), Timestamps.instant(rs, "starts_at"), rs.getString("place"),
						rs.getString("agenda")))
				.list();
	}
}
