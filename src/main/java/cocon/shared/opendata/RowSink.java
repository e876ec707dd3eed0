package cocon.shared.opendata;

/**
 * Receives the rows of a dataset one at a time. Values follow the schema's fields: {@link String}, {@link Long} or
 * {@link Integer}, {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.LocalDate},
 * {@link java.time.Instant}, or {@literal null} when empty.
 */
@FunctionalInterface
public interface RowSink {

	void row(Object... values);
}
