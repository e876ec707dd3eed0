package cocon.shared.opendata;

/**
 * Receives the rows of a dataset one at a time. Values follow the schema's fields: {@link String}, {@link Long} or
 * {@link Integer}, {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.LocalDate},
 * {@link java.time.Instant}, or {@literal null} when empty.
 * <p>
 * The array of a row's values is given away: a dataset never fills it again for another row, so that a sink may keep
 * it (the file's writer reads rows ahead, in batches).
 */
@FunctionalInterface
public interface RowSink {

	void row(Object... values);
}
