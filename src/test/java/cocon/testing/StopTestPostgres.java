package cocon.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Tells the test PostgreSQL that the test run is over: it stops once the last Spring context has closed (they
 * close from Spring's JVM shutdown hook, and still need the database while closing).
 */
public class StopTestPostgres implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		TestPostgresEnvironmentPostProcessor.testRunOver();
	}
}
