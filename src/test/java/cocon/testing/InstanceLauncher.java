package cocon.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import cocon.CoconApplication;
import cocon.platform.ModuleMetadataFile;

/**
 * The application as it is shipped (its main class, demo identities), started in JVMs of its own by the tests that
 * kill it or run several of it (the crash and many-instance tests): one way to build the classpath, to start a
 * process, to give it its database and to wait until it answers. Each process writes its output to
 * {@code <name>.log} in the test's folder; {@link #stopAll()} (after each test) stops what was started.
 * <p>
 * The classpath is the test JVM's minus the test classes, whose environment post-processors would point the process
 * at the test suite's database, plus the description of the modules that the shipped jar carries (ADR 0054, see
 * {@link #moduleDescription}); a test adds folders of its own with {@code extraClasspath}. Every process resubmits
 * failed publications every second, with staleness bounds and locks of the jobs of seconds instead of the production
 * minutes (ADR 10, 11), so that the tests wait seconds.
 */
public final class InstanceLauncher {

	/** What every process is given: a small heap, a quick start, and the event bounds of seconds. */
	private static final List<String> JVM_SETTINGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-Dcocon.events.resubmission.cron=* * * * * *", "-Dcocon.events.resubmission.min-age=2s",
			"-Dcocon.events.staleness.published=3s", "-Dcocon.events.staleness.processing=3s",
			"-Dcocon.events.staleness.resubmission=10s", "-Dcocon.events.staleness.check-intervall=1s",
			// a job's lock left by an instance killed while it ran the job frees after its lockAtMostFor: seconds here,
			// minutes in production (ADR 0011), well above what one run of these jobs takes in the tests
			"-Dcocon.events.resubmission.lock-at-most=PT15S", "-Dcocon.voting.feed.sweep-lock-at-most=PT15S",
			"-Dcocon.voting.close-check.lock-at-most=PT15S");

	private final Path work;

	private final String classpath;

	private final List<Process> started = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	/** Processes that log into {@code work}, with {@code extraClasspath} after the application's classpath. */
	public InstanceLauncher(Path work, Path... extraClasspath) {
		this.work = work;
		this.classpath = Stream.of(Stream.of(moduleDescription(work)),
				Arrays.stream(testClasspath()).filter(entry -> !entry.endsWith("test-classes")), Arrays.stream(extraClasspath))
				.flatMap(paths -> paths).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * A folder holding the description of the application modules, as the jar's build writes it
	 * (written by the same {@link ModuleMetadataFile}): first on the processes' classpath, so that they start
	 * as the shipped jar does. Without it, each process imported the whole classpath with ArchUnit before its first
	 * migration (measured: 15 to 19 s of the 27 s start of two instances started together on 2 cores). Computed once
	 * per test JVM: Spring Modulith caches the modules of the application class, which this JVM's Spring contexts have
	 * usually computed already.
	 */
	private static Path moduleDescription(Path work) {
		var folder = work.resolve("module-description");
		try {
			ModuleMetadataFile.write(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
		return folder;
	}

	/** The folder of the compiled test classes, to copy a class of a test into an extra classpath folder. */
	public static Path testClasses() {
		return Arrays.stream(testClasspath()).filter(entry -> entry.endsWith("test-classes")).findFirst().orElseThrow();
	}

	private static Path[] testClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
				.toArray(Path[]::new);
	}

	/**
	 * Starts a process of the application listening on {@code port}, with the database {@code environment} (see
	 * {@link #onDatabase} and {@link #embedded}) and further {@code -D} settings; no demo data is seeded. Returns at
	 * once: {@link #awaitUp} waits for it.
	 */
	public Process start(String name, int port, Map<String, String> database, String... settings) throws IOException {
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_SETTINGS);
		command.addAll(List.of(settings));
		command.addAll(List.of("-cp", classpath, CoconApplication.class.getName()));
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(work.resolve(name + ".log").toFile());
		var environment = builder.environment();
		environment.keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("COCON_"));
		environment.put("PORT", String.valueOf(port));
		environment.put("COCON_DEMO_SEED", "false");
		environment.putAll(database);
		var app = builder.start();
		started.add(app);
		return app;
	}

	/**
	 * Waits until the process answers 200 on {@code healthPath}; fails with the end of its log if it stops before.
	 */
	public void awaitUp(String name, Process app, int port, String healthPath) {
		var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + healthPath))
				.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
		Awaitility.await("l'instance " + name + " est prête").atMost(Duration.ofSeconds(240))
				.pollInterval(Duration.ofMillis(250)).until(() -> {
					if (!app.isAlive()) {
						var log = log(name);
						throw new IllegalStateException("L'instance " + name + " s'est arrêtée au démarrage :\n"
								+ log.substring(Math.max(0, log.length() - 4000)));
					}
					try {
						return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
					}
					catch (IOException e) {
						return false;
					}
				});
	}

	/** What the process {@code name} has written so far. */
	public String log(String name) throws IOException {
		return Files.readString(work.resolve(name + ".log"), StandardCharsets.UTF_8);
	}

	/** Stops every process still alive, normally (Spring closes the application), by force after a minute. */
	public void stopAll() throws InterruptedException {
		for (var app : started) {
			if (app.isAlive()) {
				app.destroy();
				if (!app.waitFor(60, TimeUnit.SECONDS)) {
					app.destroyForcibly().waitFor();
				}
			}
		}
	}

	/** A port for a process, kept across its restart: see {@link FreePorts}. */
	public static int freePort() throws IOException {
		return FreePorts.next();
	}

	/**
	 * A new, empty database of the test suite's PostgreSQL (one a previous run left is dropped first): its JDBC URL,
	 * for {@link #onDatabase} and for the test's own queries.
	 */
	public static String freshDatabase(String database) throws Exception {
		var admin = TestPostgresEnvironmentPostProcessor.jdbcUrl();
		try (var connection = DriverManager.getConnection(admin); var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		return admin.replaceFirst("/postgres\\?", "/" + database + "?");
	}

	/**
	 * The environment of a process on a PostgreSQL of its deployment (a pool of five connections), with the demo
	 * identities that the embedded default gives by itself (declared a demonstration's database, ADR 0034), and the
	 * personal-data key every instance of a deployment shares.
	 */
	public static Map<String, String> onDatabase(String jdbcUrl) {
		return Map.of("SPRING_DATASOURCE_URL", jdbcUrl, "SPRING_PROFILES_ACTIVE", "demo", "DB_POOL_SIZE", "5",
				"COCON_PERSONAL_DATA_KEY", TestPostgresEnvironmentPostProcessor.PERSONAL_DATA_KEY,
				"COCON_DEMO_ON_EXTERNAL_DATABASE", "true");
	}

	/**
	 * The environment of a process on the embedded default (ADR 9, with the demo identities): durable, its data in
	 * {@code dataDirectory}, on a fixed port so that a restart on the same folder finds a server a crash left running.
	 */
	public static Map<String, String> embedded(Path dataDirectory, int postgresPort) {
		return Map.of("COCON_DATA_DIR", dataDirectory.toString(), "COCON_EMBEDDED_POSTGRES_PORT",
				String.valueOf(postgresPort));
	}

	/** The JDBC URL of the embedded default's PostgreSQL on {@code postgresPort}, for the test's own queries. */
	public static String embeddedJdbcUrl(int postgresPort) {
		return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres&password=postgres";
	}
}
