package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The number of rows of every table of every schema (module schemas, the event registry, the directory), except
 * ShedLock's table: a scheduled job writes its lock row whenever it first runs, whatever the requests do. The list of
 * tables is read once, at the first count.
 */
public final class TableRows {

	private final JdbcClient jdbc;
	private final TransactionOperations transactions;
	private String countQuery;

	public TableRows(JdbcClient jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Each table, as {@code schema.table}, with its number of rows. */
	public Map<String, Long> counts() {
		if (countQuery == null) {
			var tables = jdbc.sql("""
					select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
					where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
					and not (table_schema = 'public' and table_name = 'shedlock')
					order by 1""").query(String.class).list();
			assertThat(tables).contains("intake.contribution", "voting.support", "public.event_publication");
			countQuery = tables.stream().map(t -> "select '" + t.replace("'", "''") + "' as t, count(*) as n from " + t)
					.collect(Collectors.joining(" union all "));
		}
		var counts = new TreeMap<String, Long>();
		transactions.executeWithoutResult(status -> {
			// a union of a hundred tables is planned in parallel: starting the workers took 60 of its 65 ms, each time
			jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query(String.class).single();
			jdbc.sql(countQuery).query(rs -> {
				counts.put(rs.getString("t"), rs.getLong("n"));
			});
		});
		return counts;
	}
}
