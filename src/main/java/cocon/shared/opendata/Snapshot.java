package cocon.shared.opendata;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a campaign's dataset: how many rows, since when, and a version that changes with every change of its
 * content (it makes the {@code ETag}).
 *
 * @param lastUpdate the instant of the latest change of the data (the campaign's creation while there is none)
 * @param rowCount the number of rows
 * @param version changes whenever a row is added, changed or removed
 */
public record Snapshot(Instant lastUpdate, long rowCount, String version) {

	public Snapshot {
		Objects.requireNonNull(lastUpdate, "lastUpdate");
		if (rowCount < 0) {
			throw new IllegalArgumentException("rowCount < 0");
		}
		version = version == null ? lastUpdate.toEpochMilli() + "-" + rowCount : version;
	}

	public Snapshot(Instant lastUpdate, long rowCount) {
		this(lastUpdate, rowCount, null);
	}

	/**
	 * A snapshot whose version is made of counts that change with the content, then the last update:
	 * {@code count-count-…-epochMillis}. Counts of rows that only grow (given, ended) change with every change.
	 */
	public static Snapshot counting(Instant lastUpdate, long rowCount, long... counts) {
		var version = new StringBuilder();
		for (var count : counts) {
			version.append(count).append('-');
		}
		return new Snapshot(lastUpdate, rowCount, version.append(lastUpdate.toEpochMilli()).toString());
	}
}
