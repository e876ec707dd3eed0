package cocon.demo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.Timestamps;

/**
 * The one row of {@code platform.demo_replay} (which moment was replayed, when, in how long), and the erasure of the
 * demonstration's data: the business modules' tables and the event registry.
 */
@Repository
class DemoReplays {

	/** The schemas of the business modules: everything in them is demonstration data on a demo instance. */
	static final List<String> BUSINESS_SCHEMAS = List.of("intake", "curation", "voting", "governance", "referents",
			"deployment");

	/**
	 * Every schema the replay writes to: the business modules' and the notifications module's, which the replay's
	 * events fill too (its mails, its copies of the campaigns, proposals and supports).
	 */
	static final List<String> REPLAYED_SCHEMAS = Stream.concat(BUSINESS_SCHEMAS.stream(), Stream.of("notifications"))
			.toList();

	/** The row as stored. */
	record Row(String moment, UUID campaignId, Instant completedAt, Long durationMillis) {
	}

	private final JdbcClient jdbc;

	DemoReplays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void started(Moment moment, Instant at) {
		jdbc.sql("""
				insert into platform.demo_replay (id, moment, started_at) values (1, ?, ?)
				on conflict (id) do update set moment = excluded.moment, started_at = excluded.started_at,
				  campaign_id = null, completed_at = null, duration_ms = null""")
				.params(moment.key(), Timestamps.column(at))
				.update();
	}

	void completed(UUID campaign, Instant at, long millis) {
		jdbc.sql("update platform.demo_replay set campaign_id = ?, completed_at = ?, duration_ms = ? where id = 1")
				.params(campaign, Timestamps.column(at), millis)
				.update();
	}

	Optional<Row> find() {
		return jdbc.sql("select moment, campaign_id, completed_at, duration_ms from platform.demo_replay where id = 1")
				.query((rs, n) -> new Row(rs.getString("moment"), rs.getObject("campaign_id", UUID.class),
						Timestamps.instant(rs, "completed_at"), (Long) rs.getObject("duration_ms")))
				.optional();
	}

	/** Empties the business modules' tables, the event registry and the replay's row; the number of tables. */
	int erase() {
		return erase(BUSINESS_SCHEMAS, "");
	}

	/**
	 * Empties everything the replay wrote, so that the database is again as before any request: the tables of
	 * {@link #REPLAYED_SCHEMAS}, the event registry and the replay's row, their sequences restarted; the number of
	 * tables. For the archive's training run only (ADR 0082): the administrator's reset of a demonstration instance
	 * keeps the notifications module, its subscriptions and its mails' journal included.
	 */
	int eraseEverythingReplayed() {
		return erase(REPLAYED_SCHEMAS, " restart identity");
	}

	private int erase(List<String> schemas, String sequences) {
		var tables = jdbc.sql("""
				select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
				where schemaname in (:schemas) and tablename not like 'flyway%'""")
				.param("schemas", schemas)
				.query(String.class)
				.list();
		if (!tables.isEmpty()) {
			jdbc.sql("truncate " + String.join(", ", tables) + ", event_publication, event_publication_archive" + sequences)
					.update();
		}
		jdbc.sql("delete from platform.demo_replay").update();
		return tables.size();
	}

	int incompletePublications() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class)
				.single();
	}
}
