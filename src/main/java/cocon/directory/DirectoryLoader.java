package cocon.directory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.directory.DirectoryData.Area;
import cocon.directory.DirectoryData.Entry;
import cocon.directory.DirectoryData.Membership;
import cocon.shared.SearchText;
import cocon.shared.Timestamps;

/**
 * Loads a version of the directory into PostgreSQL, idempotently: a version already loaded (same package version
 * and same CSV checksum in {@code directory.dataset}) is skipped; otherwise names, kinds, populations and
 * memberships are upserted (a row is only written when something in it changed, so its {@code updated_at} tells
 * when it last changed), and collectivités the new version no longer lists turn inactive — never deleted, since
 * other modules may have recorded their SIREN. Several application contexts sharing one database (the test suite)
 * may start together: the load runs under a transaction-scoped advisory lock and re-checks the versions.
 */
@Component
class DirectoryLoader {

	private static final Logger LOG = LoggerFactory.getLogger(DirectoryLoader.class);

	/** Key of the advisory lock that serialises loads ("cocon.directory" in ASCII). */
	private static final long LOCK_KEY = 0x636f636f6e2e6469L;

	private final DirectorySources sources;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DirectoryLoader(DirectorySources sources, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.sources = sources;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** What a load did. */
	record Outcome(boolean loaded, int upserted, int deactivated, long millis) {
	}

	/** Loads the sources of the classpath unless their version is already loaded. */
	Outcome loadIfNeeded() {
		long start = System.nanoTime();
		var versions = sources.versions();
		if (isLoaded(versions.packageVersion(), versions.csvChecksum())) {
			LOG.info("Annuaire des collectivités à jour (découpage administratif {}), rien à charger.", versions.packageVersion());
			return new Outcome(false, 0, 0, (System.nanoTime() - start) / 1_000_000);
		}
		var data = sources.read();
		long read = (System.nanoTime() - start) / 1_000_000;
		var outcome = load(data, false);
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (outcome.loaded()) {
			LOG.info("Annuaire des collectivités chargé en {} ms (lecture {} ms, écriture {} ms) : découpage "
					+ "administratif {}, {} collectivités, {} écrites, {} devenues inactives.", millis, read,
					outcome.millis(), data.packageVersion(), data.entries().size(), outcome.upserted(),
					outcome.deactivated());
		}
		return new Outcome(outcome.loaded(), outcome.upserted(), outcome.deactivated(), millis);
	}

	/**
	 * Loads the given version. Unless {@code force}, does nothing when that version is already loaded (checked
	 * again under the lock, in case another instance loaded it meanwhile).
	 */
	Outcome load(DirectoryData data, boolean force) {
		long start = System.nanoTime();
		var outcome = write(data, force, start);
		if (outcome.loaded()) {
			// the planner's statistics of what was just written: without them (autovacuum had not analysed the tables
			// minutes after a first load) a commune's EPCI was looked up by walking the whole primary key of the
			// members (4 ms instead of 0.1), and a page of communes by sorting all 34,874 of them
			jdbc.execute("analyze directory.collectivite, directory.epci_member, directory.area");
		}
		return outcome;
	}

	private Outcome write(DirectoryData data, boolean force, long start) {
		return transactions.execute(status -> {
			jdbc.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
			if (!force && isLoaded(data.packageVersion(), data.csvChecksum())) {
				return new Outcome(false, 0, 0, (System.nanoTime() - start) / 1_000_000);
			}
			var now = Timestamps.column(clock.instant());
			int upserted = upsertCollectivites(data.entries(), now);
			LOG.debug("collectivités écrites : {} ms", (System.nanoTime() - start) / 1_000_000);
			int deactivated = deactivateAbsent(data.entries(), now);
			LOG.debug("absentes désactivées : {} ms", (System.nanoTime() - start) / 1_000_000);
			replaceMemberships(data.members());
			LOG.debug("appartenances : {} ms", (System.nanoTime() - start) / 1_000_000);
			upsertAreas(data.areas());
			recordDataset(DirectoryData.PACKAGE_SOURCE, data.packageVersion(), now, data.rowCount(DirectoryData.PACKAGE_SOURCE));
			recordDataset(DirectoryData.CSV_SOURCE, data.csvChecksum(), now, data.rowCount(DirectoryData.CSV_SOURCE));
			return new Outcome(true, upserted, deactivated, (System.nanoTime() - start) / 1_000_000);
		});
	}

	boolean hasLoadedAnyVersion() {
		return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from directory.dataset)", Boolean.class));
	}

	boolean isLoaded(String packageVersion, String csvChecksum) {
		Map<String, String> loaded = jdbc.query("select source, version from directory.dataset",
				rs -> {
					Map<String, String> versions = new HashMap<>();
					while (rs.next()) {
						versions.put(rs.getString(1), rs.getString(2));
					}
					return versions;
				});
		return packageVersion.equals(loaded.get(DirectoryData.PACKAGE_SOURCE))
				&& csvChecksum.equals(loaded.get(DirectoryData.CSV_SOURCE));
	}

	private int upsertCollectivites(List<Entry> entries, OffsetDateTime now) {
		// one statement for the whole version: the rows travel as arrays and are unnested by PostgreSQL
		return jdbc.update("""
				insert into directory.collectivite as c (siren, name, kind, insee_code, epci_type, departement, region,
				       population, search_name, source, active, created_at, updated_at)
				select t.siren, t.name, t.kind, t.insee_code, t.epci_type, t.departement, t.region, t.population,
				       t.search_name, t.source, true, ?, ?
				  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
				              ?::text[], ?::text[])
				       as t(siren, name, kind, insee_code, epci_type, departement, region, population, search_name, source)
				on conflict (siren) do update
				   set name = excluded.name, kind = excluded.kind, insee_code = excluded.insee_code,
				       epci_type = excluded.epci_type, departement = excluded.departement, region = excluded.region,
				       population = excluded.population, search_name = excluded.search_name, source = excluded.source,
				       active = true, updated_at = excluded.updated_at
				 where (c.name, c.kind, c.insee_code, c.epci_type, c.departement, c.region, c.population,
				        c.search_name, c.source, c.active)
				       is distinct from
				       (excluded.name, excluded.kind, excluded.insee_code, excluded.epci_type, excluded.departement,
				        excluded.region, excluded.population, excluded.search_name, excluded.source, true)
				""", ps -> {
			ps.setObject(1, now);
			ps.setObject(2, now);
			int i = 3;
			i = texts(ps, i, entries, Entry::siren);
			i = texts(ps, i, entries, Entry::name);
			i = texts(ps, i, entries, entry -> entry.kind().name());
			i = texts(ps, i, entries, Entry::inseeCode);
			i = texts(ps, i, entries, Entry::epciType);
			i = texts(ps, i, entries, Entry::departement);
			i = texts(ps, i, entries, Entry::region);
			ps.setArray(i++, ps.getConnection().createArrayOf("bigint",
					entries.stream().map(Entry::population).toArray(Long[]::new)));
			i = texts(ps, i, entries, entry -> SearchText.normalise(entry.name()));
			texts(ps, i, entries, Entry::source);
		});
	}

	private int deactivateAbsent(List<Entry> entries, OffsetDateTime now) {
		return jdbc.update("""
				update directory.collectivite set active = false, updated_at = ?
				 where active and not (siren = any (?::text[]))
				""", ps -> {
			ps.setObject(1, now);
			texts(ps, 2, entries, Entry::siren);
		});
	}

	private void replaceMemberships(List<Membership> members) {
		jdbc.update("""
				delete from directory.epci_member m
				 where not exists (select 1 from unnest(?::text[], ?::text[]) as n(epci, commune)
				                    where n.epci = m.epci_siren and n.commune = m.commune_siren)
				""", ps -> {
			texts(ps, 1, members, Membership::epciSiren);
			texts(ps, 2, members, Membership::communeSiren);
		});
		jdbc.update("""
				insert into directory.epci_member (epci_siren, commune_siren)
				select * from unnest(?::text[], ?::text[]) on conflict do nothing
				""", ps -> {
			texts(ps, 1, members, Membership::epciSiren);
			texts(ps, 2, members, Membership::communeSiren);
		});
	}

	private void upsertAreas(List<Area> areas) {
		jdbc.update("""
				insert into directory.area as a (level, code, name, region)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
				on conflict (level, code) do update set name = excluded.name, region = excluded.region
				 where (a.name, a.region) is distinct from (excluded.name, excluded.region)
				""", ps -> {
			texts(ps, 1, areas, Area::level);
			texts(ps, 2, areas, Area::code);
			texts(ps, 3, areas, Area::name);
			texts(ps, 4, areas, Area::region);
		});
	}

	private void recordDataset(String source, String version, OffsetDateTime now, long rowCount) {
		jdbc.update("""
				insert into directory.dataset (source, version, loaded_at, row_count) values (?, ?, ?, ?)
				on conflict (source) do update set version = excluded.version, loaded_at = excluded.loaded_at,
				       row_count = excluded.row_count
				""", source, version, now, rowCount);
	}

	private static <T> int texts(PreparedStatement ps, int index, List<T> rows, Function<T, String> field)
			throws SQLException {
		ps.setArray(index, ps.getConnection().createArrayOf("text", rows.stream().map(field).toArray(String[]::new)));
		return index + 1;
	}
}
