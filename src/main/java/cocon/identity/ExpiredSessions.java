package cocon.identity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes the expired sessions of the shared session tables (ADR 0023), on one instance at a time (ADR 0011):
 * Spring Session's own cleanup, which would run on every instance, is off ({@code spring.session.jdbc.cleanup-cron=-}).
 */
@Component
class ExpiredSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	/** Every minute by default ({@code cocon.sessions.cleanup.cron}). */
	@Scheduled(cron = "${cocon.sessions.cleanup.cron:0 * * * * *}")
	@SchedulerLock(name = "expired-sessions", lockAtMostFor = "PT5M", lockAtLeastFor = "PT10S")
	public void deleteExpired() {
		sessions.cleanUpExpiredSessions();
	}
}
