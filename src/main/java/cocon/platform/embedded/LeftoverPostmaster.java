package cocon.platform.embedded;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a previous run may have left in the data directory before the embedded PostgreSQL starts (ADR 0009). When
 * the JVM is killed ({@code kill -9}, out of memory, power off of a container), nothing stops its PostgreSQL: the
 * server keeps running as an orphan and keeps {@code postmaster.pid}. A new server on the same directory then
 * refuses to start ("lock file already exists"), and with a fixed port the application would silently talk to the
 * orphan, started with another configuration and owned by nobody. So, before starting:
 * <ul>
 * <li>no {@code postmaster.pid}: nothing to do;</li>
 * <li>the directory is locked by a live JVM (zonky's {@code epg-lock}, held while its server runs): another instance
 * uses it — refuse to start rather than stop a server that is in use;</li>
 * <li>the pid file names a live {@code postgres} serving this directory: an orphan — stop it with a fast shutdown
 * (SIGINT: sessions ended, checkpoint written, pid file removed), bounded; if it does not stop, an immediate shutdown
 * (SIGQUIT), after which the next start replays the WAL, which loses no committed transaction with {@code fsync=on};</li>
 * <li>otherwise (process gone, or its number reused by another program): the pid file is stale — remove it.</li>
 * </ul>
 * Everything it does is logged in French, for the operator.
 */
final class LeftoverPostmaster {

	private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

	/** The file zonky locks in the data directory while its server runs (released by the OS when the JVM dies). */
	static final String ZONKY_LOCK = "epg-lock";

	static final String PID_FILE = "postmaster.pid";

	private final Path dataDirectory;
	private final Duration fastShutdown;
	private final Duration immediateShutdown;

	LeftoverPostmaster(Path dataDirectory, Duration fastShutdown, Duration immediateShutdown) {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
		this.fastShutdown = fastShutdown;
		this.immediateShutdown = immediateShutdown;
	}

	/** Leaves the data directory ready for a new server: orphan stopped or stale pid file removed. */
	void clear() throws IOException {
		var pidFile = dataDirectory.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		if (lockedByAnotherProcess()) {
			throw new IllegalStateException("Le dossier de données " + dataDirectory + " est utilisé par une autre "
					+ "instance de Cocon en marche (verrou " + ZONKY_LOCK + ") : arrêtez-la, ou donnez un autre dossier "
					+ "(COCON_DATA_DIR).");
		}
		List<String> lines = Files.readAllLines(pidFile);
		var pid = lines.isEmpty() ? Optional.<Long>empty() : parse(lines.get(0));
		var servedDirectory = lines.size() > 1 ? lines.get(1).trim() : "";
		var process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isPresent() && isPostgres(process.get()) && sameDirectory(servedDirectory)) {
			stopOrphan(process.get(), lines);
		}
		else {
			Files.deleteIfExists(pidFile);
			LOG.warn("PostgreSQL embarqué : fichier {} périmé supprimé (le processus {} {}), rien d'autre à faire.",
					pidFile, pid.map(String::valueOf).orElse("illisible"),
					process.isPresent() ? "n'est pas un PostgreSQL de ce dossier" : "n'existe plus");
		}
	}

	private void stopOrphan(ProcessHandle orphan, List<String> pidLines) throws IOException {
		var port = pidLines.size() > 3 ? pidLines.get(3).trim() : "?";
		LOG.warn("PostgreSQL embarqué : un serveur orphelin (processus {}, port {}) laissé par un arrêt brutal de "
				+ "l'application sert encore {}. Arrêt rapide (SIGINT, point de contrôle) avant de redémarrer.",
				orphan.pid(), port, dataDirectory);
		long began = System.nanoTime();
		signal(orphan, "INT");
		if (!exited(orphan, fastShutdown)) {
			LOG.warn("PostgreSQL embarqué : le serveur orphelin {} ne s'est pas arrêté en {} s ; arrêt immédiat (SIGQUIT), "
					+ "le prochain démarrage rejouera le journal (WAL), sans perte de transaction validée.", orphan.pid(),
					fastShutdown.toSeconds());
			signal(orphan, "QUIT");
			if (!exited(orphan, immediateShutdown)) {
				throw new IllegalStateException("Le serveur PostgreSQL orphelin (processus " + orphan.pid() + ") qui sert "
						+ dataDirectory + " ne s'arrête pas : arrêtez-le à la main avant de relancer Cocon.");
			}
		}
		LOG.warn("PostgreSQL embarqué : serveur orphelin {} arrêté en {} ms ; les données écrites sont conservées, "
				+ "démarrage d'un nouveau serveur sur le même dossier.", orphan.pid(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
		// a fast or immediate shutdown removes the pid file; should it remain, it is stale now
		Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
	}

	/**
	 * Sends a shutdown signal: with the system's {@code kill}, else with the orphan's own {@code pg_ctl} (which refuses
	 * its {@code kill} mode to root, but not {@code stop}), else SIGTERM from Java, a smart shutdown that also ends with
	 * a checkpoint (the orphan's clients died with their JVM).
	 */
	private void signal(ProcessHandle orphan, String signal) {
		var pgCtl = orphan.info().command().map(Path::of).map(command -> command.resolveSibling("pg_ctl"))
				.filter(Files::isExecutable);
		var attempts = new ArrayList<List<String>>();
		attempts.add(List.of("kill", "-s", signal, String.valueOf(orphan.pid())));
		pgCtl.ifPresent(binary -> attempts.add(List.of(binary.toString(), "stop", "-D", dataDirectory.toString(),
				"-m", "INT".equals(signal) ? "fast" : "immediate", "-W")));
		for (var command : attempts) {
			if (run(command)) {
				return;
			}
		}
		orphan.destroy();
	}

	private static boolean run(List<String> command) {
		try {
			var process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean exited(ProcessHandle process, Duration within) {
		try {
			process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			return !process.isAlive();
		}
		catch (ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/**
	 * Whether a live JVM holds zonky's lock on the directory. The lock is an OS file lock: it dies with its JVM, so a
	 * server whose JVM was killed leaves it free. The probe lock is released at once, before zonky takes it.
	 */
	private boolean lockedByAnotherProcess() throws IOException {
		var lockFile = dataDirectory.resolve(ZONKY_LOCK);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (var stream = new FileOutputStream(lockFile.toFile(), true); FileLock lock = stream.getChannel().tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException e) {
			// held by this very JVM: another embedded server of this process runs on the directory
			return true;
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
				.filter(name -> name.equals("postgres") || name.equals("postgres.exe")).isPresent();
	}

	private boolean sameDirectory(String served) {
		if (served.isEmpty()) {
			return false;
		}
		try {
			return Files.isSameFile(Path.of(served), dataDirectory);
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static Optional<Long> parse(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
