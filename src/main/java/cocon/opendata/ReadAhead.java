package cocon.opendata;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Threads;

/**
 * Reads a dataset's rows on a thread of its own while the caller writes them (issue 26, acceptance 3; ADR 0069): the
 * database's cursor and the file's formatting work at the same time on two cores, where one thread doing both left
 * PostgreSQL waiting for the JVM and the JVM for PostgreSQL, fetch after fetch.
 * <p>
 * Rows go across in batches of {@value #BATCH}, at most {@value #BATCHES} waiting: the memory stays bounded whatever
 * the row count. A failure on either side fails the whole write: the reader's is thrown to the writer, the writer's
 * stops the reader at its next row, and the writer waits for the reader's end, so that no thread and no connection
 * outlives the write.
 */
final class ReadAhead {

	static final int BATCH = 1_000;
	static final int BATCHES = 4;

	/** The prefix of the reading threads' names. */
	static final String THREAD = "donnees-ouvertes-lecture-";

	private static final Object END = new Object();

	/** What the reader hands over when its read failed. */
	private record Failure(Throwable cause) {
	}

	/** Thrown into the dataset's read when the writer has stopped: it unwinds the read (cursor, transaction). */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super("écriture du fichier interrompue", null, false, false);
		}
	}

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
	private volatile boolean stopped;

	private ReadAhead() {
	}

	/** Streams every row of the campaign's dataset to the writer, read on another thread. */
	static void copy(OpenDataset dataset, CampaignId campaign, RowSink writer) {
		new ReadAhead().run(dataset, campaign, writer);
	}

	private void run(OpenDataset dataset, CampaignId campaign, RowSink writer) {
		var reader = new Thread(() -> read(dataset, campaign), THREAD + dataset.id());
		reader.setDaemon(true);
		reader.start();
		try {
			for (var item = take(); item != END; item = take()) {
				if (item instanceof Failure failure) {
					throw rethrown(failure.cause());
				}
				for (var row : (Object[][]) item) {
					writer.row(row);
				}
			}
		}
		finally {
			stopped = true;
			Threads.joinUninterruptibly(reader);
		}
	}

	private void read(OpenDataset dataset, CampaignId campaign) {
		try {
			var batch = new Batch();
			dataset.rows(campaign, batch);
			put(Arrays.copyOf(batch.rows, batch.size));
			put(END);
		}
		catch (Stopped writerGone) {
			// the writer failed or finished: nobody waits for this read any more
		}
		catch (Throwable failure) {
			try {
				put(new Failure(failure));
			}
			catch (Stopped writerGone) {
				// idem
			}
		}
	}

	/** Gathers the rows as they are read, and hands each full batch over. */
	private final class Batch implements RowSink {

		Object[][] rows = new Object[BATCH][];
		int size;

		@Override
		public void row(Object... values) {
			if (stopped) {
				throw new Stopped();
			}
			rows[size++] = values;
			if (size == BATCH) {
				put(rows);
				rows = new Object[BATCH][];
				size = 0;
			}
		}
	}

	/** Waits for room, giving up as soon as the writer has stopped (it no longer takes anything). */
	private void put(Object item) {
		try {
			while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
				if (stopped) {
					throw new Stopped();
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Stopped();
		}
	}

	private Object take() {
		try {
			return queue.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("écriture du fichier interrompue", e);
		}
	}

	private static RuntimeException rethrown(Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}
}
