package cocon.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a module keeps its copy of another module's aggregate from events that may arrive late, twice or out
 * of order: "newest wins". Each event carries the whole snapshot with its {@code as_of}; the row is inserted, or
 * replaced as a whole when the stored {@code as_of} is not newer than the event's (ADR 0018):
 *
 * <pre>
 * insert into t (key, c1, c2, as_of) values (...)
 * on conflict (key) do update set c1 = excluded.c1, c2 = excluded.c2, as_of = excluded.as_of
 * where t.as_of &lt;= excluded.as_of
 * </pre>
 *
 * The table and column names are the caller's constants, checked to be plain SQL identifiers; values are bound.
 * An {@link Instant} is bound as a timestamp and a collection of strings as a {@code text[]}.
 */
public final class NewestCopy {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

	private final JdbcClient jdbc;
	private final String table;
	private final String key;
	private final Object keyValue;
	private final Map<String, Object> columns = new LinkedHashMap<>();

	private NewestCopy(JdbcClient jdbc, String table, String key, Object keyValue) {
		this.jdbc = jdbc;
		this.table = identifier(table);
		this.key = identifier(key);
		this.keyValue = keyValue;
	}

	/** The copy in {@code table} (schema-qualified) of the row whose key column {@code key} is {@code keyValue}. */
	public static NewestCopy of(JdbcClient jdbc, String table, String key, Object keyValue) {
		return new NewestCopy(jdbc, table, key, keyValue);
	}

	/** A column of the snapshot and its value. */
	public NewestCopy set(String column, Object value) {
		if (columns.containsKey(identifier(column)) || column.equals(key) || column.equals("as_of")) {
			throw new IllegalArgumentException("Colonne en double : " + column + ".");
		}
		columns.put(column, value);
		return this;
	}

	/** Writes the snapshot taken at {@code asOf} unless a newer one is held; whether it was written. */
	public boolean write(Instant asOf) {
		if (asOf == null) {
			throw new IllegalArgumentException("Un instantané a une date.");
		}
		var names = String.join(", ", columns.keySet());
		var values = columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
		var updates = columns.keySet().stream().map(column -> column + " = excluded." + column)
				.collect(Collectors.joining(", "));
		var sql = "insert into " + table + " (" + key + (names.isEmpty() ? "" : ", " + names) + ", as_of)"
				+ " values (:" + key + (values.isEmpty() ? "" : ", " + values) + ", :as_of)"
				+ " on conflict (" + key + ") do update set " + (updates.isEmpty() ? "" : updates + ", ")
				+ "as_of = excluded.as_of where " + table + ".as_of <= excluded.as_of";
		var statement = jdbc.sql(sql).param(key, keyValue).param("as_of", Timestamps.column(asOf));
		for (var column : columns.entrySet()) {
			statement = statement.param(column.getKey(), bound(column.getValue()));
		}
		return statement.update() > 0;
	}

	private static Object bound(Object value) {
		if (value instanceof Instant instant) {
			return Timestamps.column(instant);
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toArray(String[]::new);
		}
		return value;
	}

	private static String identifier(String name) {
		if (name == null || !IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Nom SQL invalide : " + name + ".");
		}
		return name;
	}
}
