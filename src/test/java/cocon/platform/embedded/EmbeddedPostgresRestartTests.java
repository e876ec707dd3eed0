package cocon.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default's PostgreSQL (ADR 0009), started from the real configuration on a data directory of its own
 * (not the test suite's shared server, which stays non-durable for speed): it is durable, and it comes up by itself
 * after the application was killed with {@code kill -9}, keeping every committed row.
 */
class EmbeddedPostgresRestartTests {

	@TempDir
	Path dataDirectory;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final List<Process> children = new ArrayList<>();

	@BeforeEach
	void listenToTheLog() {
		log.start();
		((Logger) LoggerFactory.getLogger(LeftoverPostmaster.class)).addAppender(log);
	}

	@AfterEach
	void stopWhatThisTestStarted() throws Exception {
		((Logger) LoggerFactory.getLogger(LeftoverPostmaster.class)).detachAppender(log);
		for (var child : children) {
			child.destroyForcibly().waitFor();
		}
		// an orphan left by a failed test: a smart shutdown by its pid (its clients are gone)
		postmaster().ifPresent(orphan -> {
			orphan.destroy();
			orphan.onExit().join();
		});
	}

	private ApplicationContextRunner embedded() {
		return new ApplicationContextRunner()
				.withInitializer(context -> context.getEnvironment().setActiveProfiles(EmbeddedDefaultEnvironmentPostProcessor.EMBEDDED))
				.withPropertyValues("cocon.embedded-postgres.data-directory=" + dataDirectory)
				.withUserConfiguration(EmbeddedPostgresConfiguration.class);
	}

	@Test
	void theEmbeddedServerSyncsEveryCommitToDisk() {
		embedded().run(context -> {
			var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
		});
	}

	@Test
	void aStartAfterKill9StopsTheOrphanedServerAndKeepsEveryCommittedRow() throws Exception {
		var output = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-child.log");
		var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				OrphanedPostgresChild.class.getName(), dataDirectory.toString(), "250")
				.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		children.add(child);
		Awaitility.await("le processus enfant a écrit ses lignes").atMost(Duration.ofSeconds(60))
				.until(() -> read(output).contains(OrphanedPostgresChild.READY) || !child.isAlive());
		assertThat(read(output)).contains(OrphanedPostgresChild.READY + " 250");

		// kill -9: the JVM dies at once, its PostgreSQL keeps running and keeps postmaster.pid
		var orphan = postmaster().orElseThrow();
		child.destroyForcibly().waitFor();
		assertThat(child.exitValue()).isEqualTo(137);
		assertThat(orphan.isAlive()).as("PostgreSQL survit à sa JVM").isTrue();

		embedded().run(context -> {
			assertThat(context).hasNotFailed();
			var jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("select count(*) from crash_probe", Integer.class)).isEqualTo(250);
			jdbc.update("insert into crash_probe (n) values (251)");
			assertThat(orphan.isAlive()).as("l'orphelin est arrêté").isFalse();
			assertThat(postmaster().orElseThrow().pid()).isNotEqualTo(orphan.pid());
			assertThat(context.getBean(EmbeddedPostgres.class).getPort()).isPositive();
		});
		assertThat(messages()).anySatisfy(message -> assertThat(message)
				.contains("serveur orphelin (processus " + orphan.pid()).contains("Arrêt rapide"));
		assertThat(messages()).anySatisfy(message -> assertThat(message)
				.contains("serveur orphelin " + orphan.pid() + " arrêté").contains("données écrites sont conservées"));
	}

	@Test
	void aPidFileNamingAnotherLiveProcessIsRemovedAsStale() throws Exception {
		embedded().run(context -> new JdbcTemplate(context.getBean(DataSource.class))
				.execute("create table kept (n integer); insert into kept values (1)"));
		// what a killed server leaves when its number is then reused: here, by this very JVM (alive, not PostgreSQL),
		// which PostgreSQL itself would take for another server running on the directory
		Files.writeString(dataDirectory.resolve("postmaster.pid"),
				ProcessHandle.current().pid() + "\n" + dataDirectory + "\n1764583200\n5432\n/tmp\nlocalhost\n  0 0\nready\n");

		embedded().run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
					.queryForObject("select count(*) from kept", Integer.class)).isEqualTo(1);
		});
		assertThat(messages()).anySatisfy(message -> assertThat(message).contains("périmé supprimé")
				.contains(String.valueOf(ProcessHandle.current().pid())).contains("n'est pas un PostgreSQL de ce dossier"));
	}

	@Test
	void neverStopsAServerThatALiveInstanceIsUsing() {
		embedded().run(running -> {
			var before = postmaster().orElseThrow();
			embedded().run(second -> assertThat(second).getFailure().rootCause()
					.hasMessageContaining("utilisé par une autre instance de Cocon en marche"));
			assertThat(before.isAlive()).isTrue();
			assertThat(new JdbcTemplate(running.getBean(DataSource.class)).queryForObject("select 1", Integer.class))
					.isEqualTo(1);
		});
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		var pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		var lines = Files.readAllLines(pidFile);
		return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
				.filter(ProcessHandle::isAlive).filter(p -> p.info().command().orElse("").endsWith("/postgres"));
	}

	private List<String> messages() {
		return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}
}
