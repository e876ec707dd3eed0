package cocon.identity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The retention periods of the personal-data page, enforced (ADR 39): once a day, on one instance (ShedLock, ADR 11),
 * every module erases what it keeps beyond its period. The cron is {@code cocon.personal-data.retention.cron}
 * ({@code -} switches it off, as the tests do).
 */
@Component
class PersonalDataRetention {

	private final PersonalDataRights rights;

	PersonalDataRetention(PersonalDataRights rights) {
		this.rights = rights;
	}

	@Scheduled(cron = "${cocon.personal-data.retention.cron:0 30 3 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "personal-data-retention", lockAtMostFor = "PT30M")
	void run() {
		rights.eraseExpired();
	}
}
