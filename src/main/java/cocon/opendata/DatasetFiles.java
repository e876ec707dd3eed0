package cocon.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.TabularFormat;

/**
 * Each version of a campaign's dataset, written once per format to a file of its own and served from it (issue 20,
 * finding 3): the database is read at its own pace while the file is written, never at a client's — a client reading
 * one byte a second holds a file, not one of the pool's connections — and the repeated exports of a version are
 * instant. A new version replaces the files of the previous one, so that the folder holds one file per dataset,
 * campaign and format.
 * <p>
 * Writers of the same version wait for the first one (a lock among {@value #STRIPES}, chosen by the file's name)
 * instead of each reading the database. The rows are read on a thread of their own while this one writes them
 * ({@link ReadAhead}): a failure of either leaves no file.
 */
final class DatasetFiles {

	static final int STRIPES = 64;

	private final Path folder;
	private final Object[] locks = new Object[STRIPES];

	DatasetFiles(Path folder) {
		this.folder = folder;
		for (int i = 0; i < STRIPES; i++) {
			locks[i] = new Object();
		}
	}

	/** A folder of its own in the system's temporary folder: the files are a cache, rebuilt after a restart. */
	static DatasetFiles inTemporaryFolder() {
		try {
			return new DatasetFiles(Files.createTempDirectory("cocon-donnees-ouvertes-"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path folder() {
		return folder;
	}

	/** The file of this version of the dataset in this format, written now if it is not yet. */
	Path file(OpenDataset dataset, CampaignId campaign, Snapshot snapshot, TabularFormat format) {
		var file = folder.resolve(name(dataset, campaign, snapshot, format));
		if (Files.exists(file)) {
			return file;
		}
		synchronized (locks[Math.floorMod(file.getFileName().toString().hashCode(), STRIPES)]) {
			if (Files.exists(file)) {
				return file;
			}
			try {
				var partial = Files.createTempFile(folder, "ecriture-", ".part");
				try {
					try (var out = Files.newOutputStream(partial);
							var writer = format.open(out, dataset.schema(), dataset.id())) {
						ReadAhead.copy(dataset, campaign, writer);
					}
					Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				finally {
					Files.deleteIfExists(partial);
				}
				removeOlderVersions(file, prefix(dataset, campaign, format));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return file;
		}
	}

	/** A version's file, open for reading: it stays readable even if a newer version removes it meanwhile. */
	record Opened(Path path, FileChannel channel) implements java.io.Closeable {

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}

	/**
	 * Opens the file of this version for reading, written now if it is not yet; written again if a newer version
	 * removed it between the two steps.
	 */
	Opened open(OpenDataset dataset, CampaignId campaign, Snapshot snapshot, TabularFormat format) throws IOException {
		var file = file(dataset, campaign, snapshot, format);
		try {
			return new Opened(file, FileChannel.open(file));
		}
		catch (java.nio.file.NoSuchFileException removed) {
			file = file(dataset, campaign, snapshot, format);
			return new Opened(file, FileChannel.open(file));
		}
	}

	/** The size of this version's file if it is written, without writing it. */
	Optional<Long> size(OpenDataset dataset, CampaignId campaign, Snapshot snapshot, TabularFormat format) {
		var file = folder.resolve(name(dataset, campaign, snapshot, format));
		try {
			return Files.exists(file) ? Optional.of(Files.size(file)) : Optional.empty();
		}
		catch (IOException e) {
			return Optional.empty(); // replaced by a newer version meanwhile
		}
	}

	/** How many files the folder holds (the bound the catalogue's tests check). */
	long count() {
		try (var files = Files.list(folder)) {
			return files.count();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void deleteAll() {
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// a temporary folder: the system cleans it anyway
		}
	}

	private void removeOlderVersions(Path kept, String prefix) throws IOException {
		try (DirectoryStream<Path> older = Files.newDirectoryStream(folder, prefix + "*")) {
			for (var file : older) {
				if (!file.equals(kept)) {
					// a client still reading it keeps reading: the system frees it when the last one closes it
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static String prefix(OpenDataset dataset, CampaignId campaign, TabularFormat format) {
		return dataset.id() + "_" + campaign.id() + "_" + format.extension() + "_";
	}

	private static String name(OpenDataset dataset, CampaignId campaign, Snapshot snapshot, TabularFormat format) {
		return prefix(dataset, campaign, format) + digest(snapshot.version()) + "." + format.extension();
	}

	private static String digest(String version) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
