package cocon.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import cocon.shared.Timestamps;

/** Short names for this module's repositories of the shared conversions ({@link Timestamps}) and of UUID columns. */
final class Sql {

	private Sql() {
	}

	static OffsetDateTime ts(Instant instant) {
		return Timestamps.column(instant);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return Timestamps.instant(rs, column);
	}

	static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}
}
