package cocon.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway left out of a start when nothing it looks at changed since its last successful run (issue 26, ADR 0068
 * addendum): the ten module-aware Flyway runs only validate, in series, on an existing database, about half a second
 * of a start. The fingerprint covers the modules migrated, Flyway's locations and table, every migration resource
 * (name and bytes) and the state of every Flyway history table (rows, checksums, last rank, successes). It is stored,
 * after a successful migration only, in {@code cocon_migrations_fingerprint}. Any difference, a missing or unreadable
 * fingerprint, any error while computing it: Flyway runs as before.
 */
final class MigrationFingerprint {

	private static final Logger LOG = LoggerFactory.getLogger(MigrationFingerprint.class);

	static final String TABLE = "cocon_migrations_fingerprint";

	static final String RESOURCES = "classpath*:db/migration/**/*";

	private final String resources;

	MigrationFingerprint(String resources) {
		this.resources = resources;
	}

	/** The strategy, run only when the fingerprint differs from the one stored by its last successful run. */
	FlywayMigrationStrategy skippingWhenUnchanged(FlywayMigrationStrategy strategy, Supplier<String> modules) {
		return flyway -> {
			var dataSource = flyway.getConfiguration().getDataSource();
			var before = of(flyway, modules.get());
			if (before != null && before.equals(stored(dataSource))) {
				LOG.info("Migrations inchangées depuis leur dernière exécution réussie : Flyway non lancé (ADR 0068)");
				return;
			}
			strategy.migrate(flyway);
			var after = of(flyway, modules.get());
			if (after != null) {
				store(dataSource, after);
			}
		};
	}

	/** The fingerprint, or null when any part of it could not be read (then Flyway runs). */
	String of(Flyway flyway, String modules) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			var configuration = flyway.getConfiguration();
			update(digest, "modules=" + modules);
			update(digest, "locations=" + Arrays.toString(configuration.getLocations()));
			update(digest, "table=" + configuration.getTable());
			for (var resource : resources().entrySet()) {
				update(digest, resource.getKey());
				digest.update(resource.getValue().getContentAsByteArray());
			}
			var jdbc = new JdbcTemplate(configuration.getDataSource());
			for (var table : jdbc.queryForList("""
					select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
					where tablename like 'flyway\\_schema\\_history%' order by 1""", String.class)) {
				update(digest, table + "=" + jdbc.queryForMap("select count(*) as n, coalesce(sum(checksum::bigint), 0)"
						+ " as checksums, coalesce(max(installed_rank), 0) as last_rank, bool_and(success) as success"
						+ " from " + table));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException | NoSuchAlgorithmException | RuntimeException unreadable) {
			LOG.debug("Empreinte des migrations illisible : Flyway lancé", unreadable);
			return null;
		}
	}

	/** The resources by their path from {@code db/migration/}, in one order whatever the class path's. */
	private Map<String, Resource> resources() throws IOException {
		var byName = new TreeMap<String, Resource>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources(resources)) {
			if (resource.isReadable()) {
				var url = resource.getURL().toString();
				int base = url.lastIndexOf("db/migration/");
				byName.put(base < 0 ? url : url.substring(base), resource);
			}
		}
		return byName;
	}

	static String stored(DataSource dataSource) {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select to_regclass('" + TABLE + "') is not null");
			if (!exists.next() || !exists.getBoolean(1)) {
				return null;
			}
			var result = statement.executeQuery("select fingerprint from " + TABLE + " where id = 1");
			return result.next() ? result.getString(1) : null;
		}
		catch (SQLException unreadable) {
			return null;
		}
	}

	private static void store(DataSource dataSource, String fingerprint) {
		try {
			var jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("create table if not exists " + TABLE + " (id integer primary key check (id = 1),"
					+ " fingerprint text not null, recorded_at timestamptz not null)");
			jdbc.update("insert into " + TABLE + " (id, fingerprint, recorded_at) values (1, ?, now())"
					+ " on conflict (id) do update set fingerprint = excluded.fingerprint, recorded_at = now()",
					fingerprint);
		}
		catch (RuntimeException unwritable) {
			// the next start runs Flyway, as before
			LOG.warn("Empreinte des migrations non enregistrée : {}", unwritable.toString());
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}
}
