package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cocon.testing.TestPostgresEnvironmentPostProcessor;

/**
 * Flyway is left out of a start only when nothing changed since its last successful run (ADR 0068 addendum): a new
 * migration is applied, a changed one is still refused by Flyway's validation, a history changed by hand or another
 * set of modules runs Flyway again. Real Flyway, real PostgreSQL (a database of its own on the test server).
 */
class MigrationFingerprintTests {

	@TempDir
	Path folder;

	private DriverManagerDataSource dataSource;

	private final AtomicInteger flywayRuns = new AtomicInteger();

	@BeforeEach
	void emptyDatabase() throws Exception {
		var url = TestPostgresEnvironmentPostProcessor.jdbcUrl();
		try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists migration_fingerprint with (force)");
			statement.execute("create database migration_fingerprint");
		}
		dataSource = new DriverManagerDataSource(url.replace("/postgres?", "/migration_fingerprint?"), "postgres",
				"postgres");
		Files.createDirectories(folder.resolve("db/migration/mod"));
	}

	private void migrate(String modules) {
		var flyway = Flyway.configure().dataSource(dataSource)
				.locations("filesystem:" + folder.resolve("db/migration/mod")).table("flyway_schema_history_mod")
				.load();
		FlywayMigrationStrategy counted = migrated -> {
			flywayRuns.incrementAndGet();
			migrated.migrate();
		};
		new MigrationFingerprint("file:" + folder + "/db/migration/**/*").skippingWhenUnchanged(counted, () -> modules)
				.migrate(flyway);
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(folder.resolve("db/migration/mod").resolve(name), sql);
	}

	private boolean tableExists(String table) {
		return new JdbcTemplate(dataSource).queryForObject("select to_regclass(?) is not null", Boolean.class, table);
	}

	@Test
	void anUnchangedStartSkipsFlywayANewMigrationIsAppliedAChangedOneIsStillRefused() throws Exception {
		write("V1__a.sql", "create table a (n integer);");
		migrate("[mod]");
		assertThat(tableExists("a")).isTrue();
		assertThat(MigrationFingerprint.stored(dataSource)).isNotNull();

		migrate("[mod]");
		assertThat(flywayRuns).as("rien n'a changé : Flyway non lancé").hasValue(1);

		write("V2__b.sql", "create table b (n integer);");
		migrate("[mod]");
		assertThat(flywayRuns).hasValue(2);
		assertThat(tableExists("b")).as("la nouvelle migration est appliquée").isTrue();

		write("V1__a.sql", "create table a (n bigint);");
		assertThatThrownBy(() -> migrate("[mod]")).as("la migration modifiée est toujours validée")
				.isInstanceOf(FlywayValidateException.class);
		assertThat(flywayRuns).hasValue(3);
	}

	@Test
	void aHistoryChangedByHandOrOtherModulesRunFlywayAgain() throws Exception {
		write("V1__a.sql", "create table a (n integer);");
		write("V2__b.sql", "create table if not exists b (n integer);");
		migrate("[mod]");
		migrate("[mod]");
		assertThat(flywayRuns).hasValue(1);

		new JdbcTemplate(dataSource).update("delete from flyway_schema_history_mod where version = '2'");
		migrate("[mod]");
		assertThat(flywayRuns).as("historique modifié").hasValue(2);
		assertThat(new JdbcTemplate(dataSource).queryForObject(
				"select count(*) from flyway_schema_history_mod where version = '2'", Integer.class)).isEqualTo(1);

		migrate("[mod, other]");
		assertThat(flywayRuns).as("autres modules").hasValue(3);
		migrate("[mod, other]");
		assertThat(flywayRuns).hasValue(3);
	}
}
