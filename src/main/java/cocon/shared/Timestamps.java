package cocon.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL {@code timestamptz} columns, the one conversion of every module's repositories
 * (null stays null). Shown dates are formatted in Europe/Paris time by each page, in French ({@link Window#PARIS}).
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** A {@code timestamptz} column as an instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** A {@code timestamptz} column, by its position in the result (1 for the first), as an instant, or null. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An instant as the value of a {@code timestamptz} parameter, or null. */
	public static OffsetDateTime column(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
