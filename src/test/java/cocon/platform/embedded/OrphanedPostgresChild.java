package cocon.platform.embedded;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process that {@link EmbeddedPostgresRestartTests} kills: it starts the real embedded configuration on the
 * given data directory, writes {@code rows} rows (one commit each), says so on its output, and waits to be killed.
 * Arguments: data directory, number of rows.
 */
public final class OrphanedPostgresChild {

	static final String READY = "LIGNES ÉCRITES";

	public static void main(String[] args) throws Exception {
		var context = new AnnotationConfigApplicationContext();
		context.getEnvironment().setActiveProfiles(EmbeddedDefaultEnvironmentPostProcessor.EMBEDDED);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("child",
				Map.of("cocon.embedded-postgres.data-directory", args[0])));
		context.register(EmbeddedPostgresConfiguration.class);
		context.refresh();
		var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		jdbc.execute("create table if not exists crash_probe (n integer primary key)");
		int rows = Integer.parseInt(args[1]);
		for (int n = 1; n <= rows; n++) {
			jdbc.update("insert into crash_probe (n) values (?)", n);
		}
		System.out.println(READY + " " + rows);
		System.out.flush();
		// no shutdown of its own: the test kills this JVM, so that its PostgreSQL is left running as an orphan
		new CountDownLatch(1).await();
	}

	private OrphanedPostgresChild() {
	}
}
