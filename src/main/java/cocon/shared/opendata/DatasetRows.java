package cocon.shared.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cocon.shared.CollectiviteKind;

/**
 * What every module's datasets read their rows with: the same identifier pattern, identifiers, instants, codes of
 * kinds of collectivité and last update.
 */
public final class DatasetRows {

	/** The Table Schema pattern of an identifier (a UUID written in lower case). */
	public static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	/** The codes the datasets write for the kinds of collectivité ({@link #kind(String)}): lower case, French, stable. */
	public static final List<String> KINDS = List.of("commune", "epci", "departement", "region",
			"collectivite-statut-particulier", "autre");

	private DatasetRows() {
	}

	/** A {@code timestamptz} column as an instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		return cocon.shared.Timestamps.instant(rs, column);
	}

	/** A {@code uuid} column as the text the datasets write (lower case), or null. */
	public static String uuid(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, UUID.class);
		return value == null ? null : value.toString();
	}

	/** The code of a kind of collectivité as stored (a {@link CollectiviteKind} name), one of {@link #KINDS}. */
	public static String kind(String storedKind) {
		return switch (CollectiviteKind.valueOf(storedKind)) {
			case COMMUNE -> "commune";
			case EPCI -> "epci";
			case DEPARTEMENT -> "departement";
			case REGION -> "region";
			case COLLECTIVITE_PARTICULIERE -> "collectivite-statut-particulier";
			case OTHER -> "autre";
		};
	}

	/**
	 * The latest of the {@code timestamptz} columns given (nulls ignored): a dataset's last update; the epoch when
	 * there is none.
	 */
	public static Instant latest(ResultSet rs, String... columns) throws SQLException {
		Instant latest = null;
		for (var column : columns) {
			var instant = instant(rs, column);
			if (instant != null && (latest == null || instant.isAfter(latest))) {
				latest = instant;
			}
		}
		return latest == null ? Instant.EPOCH : latest;
	}
}
