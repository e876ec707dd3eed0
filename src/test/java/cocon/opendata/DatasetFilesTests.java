package cocon.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.Type;
import cocon.shared.opendata.TabularFormat;

/**
 * Issue 26, acceptance 3 (ADR 0069): a version's file is written while its rows are read on another thread; whichever
 * side fails, the write fails, no file is published and the reading thread is gone when the write returns.
 */
class DatasetFilesTests {

	private final DatasetFiles files = DatasetFiles.inTemporaryFolder();
	private final CampaignId campaign = CampaignId.random();
	private final Snapshot snapshot = new Snapshot(Instant.parse("2021-04-01T10:00:00Z"), 1);

	/**
	 * Rows {@code 0, 1, 2, …}: {@code rows} of them, then what {@code after} does (nothing, throw, a bad row);
	 * {@code released} once its read is over, as a cursor's connection would be.
	 */
	record Counting(long rows, Runnable after, boolean badRowAfter, AtomicBoolean released) implements OpenDataset {

		Counting(long rows, Runnable after, boolean badRowAfter) {
			this(rows, after, badRowAfter, new AtomicBoolean());
		}

		@Override
		public String id() {
			return "essai";
		}

		@Override
		public String title() {
			return "Essai";
		}

		@Override
		public String description() {
			return "Des lignes numérotées.";
		}

		@Override
		public TableSchema schema() {
			return new TableSchema(List.of(Field.of("n", Type.INTEGER, "N", "").mandatory(),
					Field.of("texte", Type.STRING, "Texte", "")), List.of("n"));
		}

		@Override
		public Optional<Snapshot> snapshot(CampaignId campaign) {
			return Optional.empty();
		}

		@Override
		public void rows(CampaignId campaign, RowSink sink) {
			try {
				for (long n = 0; n < rows; n++) {
					sink.row(n, "ligne " + n);
				}
				after.run();
				if (badRowAfter) {
					for (long n = rows;; n++) {
						// the writer refuses a row of one value; a reader nobody stops would go on for ever
						sink.row(n == rows ? new Object[] { n } : new Object[] { n, "encore" });
					}
				}
			}
			finally {
				released.set(true);
			}
		}
	}

	@AfterEach
	void deleteFiles() {
		files.deleteAll();
	}

	@Test
	void theRowsAreWrittenInTheirOrderAcrossManyBatches() throws IOException {
		int rows = ReadAhead.BATCH * (ReadAhead.BATCHES + 3) + 17;
		var file = files.file(new Counting(rows, () -> {
		}, false), campaign, snapshot, TabularFormat.CSV);
		var lines = Files.readAllLines(file);
		assertThat(lines).hasSize(rows + 1);
		assertThat(lines.get(0)).isEqualTo("n,texte");
		for (int n = 0; n < rows; n++) {
			assertThat(lines.get(n + 1)).isEqualTo(n + ",ligne " + n);
		}
		assertThat(readers()).isEmpty();
	}

	@Test
	void aReadFailingMidwayPublishesNoFileAndLeavesNoThread() {
		var refused = new DataAccessResourceFailureException("la base refuse");
		var failing = new Counting(ReadAhead.BATCH * 3 + 5, () -> {
			throw refused;
		}, false);
		assertThatThrownBy(() -> files.file(failing, campaign, snapshot, TabularFormat.CSV)).isSameAs(refused);
		assertThat(failing.released()).as("la lecture est finie quand l'écriture échoue").isTrue();
		assertThat(files.count()).as("ni fichier publié ni fichier partiel").isZero();
		assertThat(readers()).isEmpty();
	}

	@Test
	void aWriteFailingMidwayStopsTheReadPublishesNoFileAndLeavesNoThread() {
		var endless = new Counting(ReadAhead.BATCH * 2 + 5, () -> {
		}, true);
		assertThatThrownBy(() -> files.file(endless, campaign, snapshot, TabularFormat.CSV))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(endless.released()).as("la lecture est arrêtée et finie quand l'écriture échoue").isTrue();
		assertThat(files.count()).as("ni fichier publié ni fichier partiel").isZero();
		assertThat(readers()).isEmpty();
	}

	private static List<Thread> readers() {
		return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(ReadAhead.THREAD))
				.filter(Thread::isAlive).toList();
	}
}
