package cocon.scaleout;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * A scheduled job of the multi-instance test only ({@link ManyInstancesTests}): every 2 seconds, under a ShedLock
 * lock held at least 1.9 s, it writes a row saying which instance ran it and when (the database's time). Not a
 * component (no test context picks it up): the test adds it to the instances it starts as an auto-configuration.
 */
public class TickJob {

	static final String TABLE = "public.scaleout_tick";

	private final JdbcTemplate jdbc;

	private final String instance;

	public TickJob(DataSource dataSource, Environment environment) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.instance = environment.getProperty("cocon.test.instance", "?");
		try {
			jdbc.execute("create table if not exists " + TABLE
					+ " (instance text not null, ran_at timestamptz not null default clock_timestamp())");
		}
		catch (DataAccessException raceWithAnotherInstance) {
			// two instances creating it at once: one of them did
		}
	}

	@Scheduled(cron = "*/2 * * * * *")
	@SchedulerLock(name = "scaleout-test-tick", lockAtMostFor = "PT10S", lockAtLeastFor = "PT1.9S")
	public void tick() {
		jdbc.update("insert into " + TABLE + " (instance) values (?)", instance);
	}
}
