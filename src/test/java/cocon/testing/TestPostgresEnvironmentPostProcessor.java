package cocon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every Spring context of the test suite talks to one real PostgreSQL per JVM, started once from the zonky
 * binaries (no Docker, no H2). Contexts share it, so migrations and the directory load run once per suite.
 * Tests run with the demo identities unless {@code cocon.test.demo-profile=false}, and without the demonstration
 * data (lowest precedence: a test that wants them sets {@code cocon.demo.seed=true}). A test that needs an empty
 * instance names a database of its own with {@code cocon.test.database}: it is created on the same server. A test
 * that needs a server of its own (the database outage test stops it) gives its URL in
 * {@code cocon.test.datasource-url}; the shared server is then not even started for that context.
 */
public class TestPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static EmbeddedPostgres postgres;

	/** The key of the erasure log's digest in every test context (ADR 39): not a secret. */
	public static final String PERSONAL_DATA_KEY = "cle-des-tests-de-cocon-qui-n-est-pas-un-secret";

	static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder()
						.setRegisterShutdownHook(false)
						.setPort(FreePorts.next())
						.setServerConfig("max_connections", "500")
						.setServerConfig("fsync", "off")
						.setServerConfig("synchronous_commit", "off")
						.setServerConfig("full_page_writes", "off")
						.setLocaleConfig("locale", "C.UTF-8")
						.setLocaleConfig("encoding", "UTF8")
						.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Impossible de démarrer le PostgreSQL des tests", e);
			}
		}
		return postgres;
	}

	private static int openContexts;

	private static boolean testRunOver;

	/** A Spring context starts using the server (see {@link TestPostgresLease}). */
	static synchronized void contextOpened() {
		openContexts++;
	}

	/**
	 * A Spring context has destroyed its beans (the event publication registry still needs the database while it
	 * closes): the server stops once the test run is over and no context uses it any more.
	 */
	static synchronized void contextClosed() {
		openContexts--;
		stopIfUnused();
	}

	/** The test run is over; Spring closes the cached contexts afterwards, from its JVM shutdown hook. */
	static synchronized void testRunOver() {
		testRunOver = true;
		stopIfUnused();
	}

	private static void stopIfUnused() {
		if (testRunOver && openContexts <= 0 && postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			postgres = null;
		}
	}

	/** The JDBC URL of the test database, for tests that need a connection of their own. */
	public static String jdbcUrl() {
		return postgres().getJdbcUrl("postgres", "postgres");
	}

	/** A database of its own on the test server, created empty the first time it is asked for. */
	private static synchronized String jdbcUrl(String database) {
		if (!database.matches("[a-z][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("Nom de base de test invalide : " + database);
		}
		try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
				var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next();
			if (!exists) {
				statement.execute("create database " + database);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("Impossible de créer la base de test " + database, e);
		}
		return postgres().getJdbcUrl("postgres", database);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var database = environment.getProperty("cocon.test.database");
		var ownServer = environment.getProperty("cocon.test.datasource-url");
		environment.getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
				"spring.datasource.url", ownServer != null ? ownServer : database == null ? jdbcUrl() : jdbcUrl(database),
				"spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres")));
		// the tests' database is a demonstration's (ADR 0034)
		environment.getPropertySources().addLast(new MapPropertySource("test-demo-data", Map.of("cocon.demo.seed", "false",
				"cocon.demo.on-external-database", "true", "COCON_PERSONAL_DATA_KEY", PERSONAL_DATA_KEY,
				// the context cache keeps a few dozen contexts alive: each holds one idle connection, not a full pool
				"spring.datasource.hikari.minimum-idle", "1", "spring.datasource.hikari.idle-timeout", "10000")));
		if (environment.getProperty("cocon.test.demo-profile", Boolean.class, true)) {
			environment.addActiveProfile("demo");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}
}
