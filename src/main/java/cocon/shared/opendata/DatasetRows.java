package cocon.shared.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What every module's datasets read their rows with: the same identifier pattern, instants and last update. */
public final class DatasetRows {

	/** The Table Schema pattern of an identifier (a UUID written in lower case). */
	public static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	private DatasetRows() {
	}

	/** A {@code timestamptz} column as an instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return cocon.shared.Timestamps.instant(rs, column);
	}

	/** The latest of the instants given (nulls ignored): a dataset's last update; the epoch when there is none. */
	public static Instant latest(Instant... instants) {
		Instant latest = null;
		for (var instant : instants) {
			if (instant != null && (latest == null || instant.isAfter(latest))) {
				latest = instant;
			}
		}
		return latest == null ? Instant.EPOCH : latest;
	}
}
