package cocon.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.directory.CollectiviteViews.Detail;
import cocon.directory.CollectiviteViews.Reference;
import cocon.directory.CollectiviteViews.ResultPage;
import cocon.directory.CollectiviteViews.Summary;
import cocon.shared.CollectiviteKind;
import cocon.shared.SearchText;
import cocon.shared.Siren;
import cocon.shared.directory.Collectivite;
import cocon.shared.directory.Directory;

/**
 * Reads the directory: the {@link Directory} lookup every module may use, and the search of the API and page.
 * The search compares the query, normalised like the stored {@code search_name} (see {@link SearchText}), word by
 * word with the names, and also matches an INSEE code or a SIREN; exact names come first, then names holding the
 * query as whole words, then names starting with it, then the others, each group by decreasing population.
 */
@Component
class DirectoryQueries implements Directory {

	private static final String SUMMARY_COLUMNS = """
			c.siren, c.name, c.kind, c.insee_code, c.departement, d.name as departement_name, c.region,
			r.name as region_name, c.population
			""";

	private static final String AREAS = """
			left join directory.area d on d.level = 'departement' and d.code = c.departement
			left join directory.area r on r.level = 'region' and r.code = c.region
			""";

	private final JdbcClient jdbc;
	private final DirectoryStartup startup;

	DirectoryQueries(JdbcClient jdbc, DirectoryStartup startup) {
		this.jdbc = jdbc;
		this.startup = startup;
	}

	// --- the shared lookup ---

	/** Only an active collectivité: one the current version of the open data no longer lists is unknown. */
	@Override
	public Optional<Collectivite> find(Siren siren) {
		startup.awaitInitialLoad();
		return jdbc.sql("select " + KERNEL_COLUMNS + " from directory.collectivite c where c.siren = :siren and c.active")
				.param("siren", siren.value())
				.query((rs, row) -> collectivite(rs))
				.optional();
	}

	@Override
	public Map<Siren, Collectivite> findAll(Collection<Siren> sirens) {
		startup.awaitInitialLoad();
		var found = new HashMap<Siren, Collectivite>();
		if (sirens.isEmpty()) {
			return found;
		}
		// one query for many collectivités: the open data export of the supports looks up thousands at once
		jdbc.sql("select " + KERNEL_COLUMNS + """
				 from directory.collectivite c where c.siren = any(string_to_array(:sirens, ',')) and c.active
				""").param("sirens", String.join(",", sirens.stream().map(Siren::value).toList()))
				.query(rs -> {
					var c = collectivite(rs);
					found.put(c.siren(), c);
				});
		return found;
	}

	/**
	 * The columns of the kernel's view, a commune's EPCI with them (the first by SIREN, should the data list two). The
	 * smallest SIREN rather than the first in order: with {@code order by … limit 1}, the planner could walk the whole
	 * primary key of the members, in that order, to the commune (4 ms of a 4.3 ms lookup of Lyon; 1.2 s for the
	 * demonstration replay's 537 lookups), instead of the commune's own index.
	 */
	private static final String KERNEL_COLUMNS = """
			c.siren, c.name, c.kind, c.insee_code, c.departement, c.region, c.population,
			(select min(m.epci_siren) from directory.epci_member m join directory.collectivite e on e.siren = m.epci_siren
			  where m.commune_siren = c.siren and e.active) as epci""";

	private static Collectivite collectivite(java.sql.ResultSet rs) throws java.sql.SQLException {
		var epci = rs.getString("epci");
		return new Collectivite(Siren.of(rs.getString("siren")), rs.getString("name"),
				CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("insee_code"), rs.getString("departement"),
				rs.getString("region"), rs.getLong("population"), epci == null ? null : Siren.of(epci));
	}

	@Override
	public List<Siren> epciMembers(Siren epci) {
		startup.awaitInitialLoad();
		return jdbc.sql("""
				select m.commune_siren from directory.epci_member m join directory.collectivite c on c.siren = m.commune_siren
				 where m.epci_siren = :siren and c.active order by m.commune_siren""")
				.param("siren", epci.value()).query((rs, row) -> Siren.of(rs.getString(1))).list();
	}

	@Override
	public Optional<String> regionName(String code) {
		return areaName("region", code);
	}

	@Override
	public Optional<String> departementName(String code) {
		return areaName("departement", code);
	}

	private Optional<String> areaName(String level, String code) {
		if (code == null) {
			return Optional.empty();
		}
		startup.awaitInitialLoad();
		return jdbc.sql("select name from directory.area where level = :level and code = :code")
				.param("level", level).param("code", code).query(String.class).optional();
	}

	// --- search and detail ---

	ResultPage<Summary> search(String query, CollectiviteKind kind, int page, int size) {
		startup.awaitInitialLoad();
		var where = new ArrayList<String>();
		where.add("c.active");
		String normalised = SearchText.normalise(query);
		String compact = query == null ? "" : query.replace(" ", "").trim().toLowerCase(Locale.ROOT);
		var params = new java.util.HashMap<String, Object>();
		if (kind != null) {
			where.add("c.kind = :kind");
			params.put("kind", kind.name());
		}
		String rank = null;
		if (!normalised.isEmpty()) {
			var words = SearchText.words(normalised);
			var nameMatch = new ArrayList<String>();
			for (int i = 0; i < words.size(); i++) {
				nameMatch.add("c.search_name like :w" + i);
				params.put("w" + i, "%" + words.get(i) + "%");
			}
			String codeMatch = "c.siren = :compact or lower(c.insee_code) = :compact";
			if (compact.matches("\\d{5,8}")) {
				codeMatch += " or c.siren like :compactPrefix";
				params.put("compactPrefix", compact + "%");
			}
			where.add("((" + String.join(" and ", nameMatch) + ") or " + codeMatch + ")");
			params.put("compact", compact);
			params.put("q", normalised);
			params.put("qWord", "% " + normalised + " %");
			params.put("qStart", normalised + " %");
			params.put("qEnd", "% " + normalised);
			params.put("qPrefix", normalised + "%");
			params.put("qWordPrefix", "% " + normalised + "%");
			rank = """
					case when c.siren = :compact or lower(c.insee_code) = :compact then 0
					     when c.search_name = :q then 1
					     when c.search_name like :qStart or c.search_name like :qEnd or c.search_name like :qWord then 2
					     when c.search_name like :qPrefix or c.search_name like :qWordPrefix then 3
					     else 4 end""";
		}
		String whereClause = String.join(" and ", where);
		long total = jdbc.sql("select count(*) from directory.collectivite c where " + whereClause).params(params)
				.query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Summary> content = jdbc.sql("select " + SUMMARY_COLUMNS + " from directory.collectivite c " + AREAS
				+ " where " + whereClause + " order by " + (rank == null ? "" : rank + ", ")
				+ "c.population desc, c.name, c.siren"
				+ " limit :limit offset :offset")
				.params(params)
				.query((rs, row) -> new Summary(rs.getString("siren"), rs.getString("name"),
						CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("insee_code"),
						rs.getString("departement"), rs.getString("departement_name"), rs.getString("region"),
						rs.getString("region_name"), rs.getLong("population")))
				.list();
		int totalPages = (int) ((total + size - 1) / size);
		return new ResultPage<>(content, page, size, total, totalPages);
	}

	/** The collectivité with this SIREN, active or not (a former one still shows, marked inactive). */
	Optional<Detail> detail(Siren siren) {
		startup.awaitInitialLoad();
		return jdbc.sql("select " + SUMMARY_COLUMNS + ", c.epci_type, c.active from directory.collectivite c " + AREAS
				+ " where c.siren = :siren")
				.param("siren", siren.value())
				.query((rs, row) -> {
					var kind = CollectiviteKind.valueOf(rs.getString("kind"));
					return new Detail(rs.getString("siren"), rs.getString("name"), kind, kind.label(),
							rs.getString("insee_code"), rs.getString("epci_type"), rs.getString("departement"),
							rs.getString("departement_name"), rs.getString("region"), rs.getString("region_name"),
							rs.getLong("population"), rs.getBoolean("active"), null, null, null);
				})
				.optional()
				.map(this::withRelations);
	}

	/** An EPCI (or the Métropole de Lyon) with its member communes; a commune with its EPCI. */
	private Detail withRelations(Detail detail) {
		var siren = Siren.of(detail.siren());
		if (detail.epciType() != null) {
			var members = members(siren);
			return new Detail(detail.siren(), detail.name(), detail.kind(), detail.kindLabel(), detail.inseeCode(),
					detail.epciType(), detail.departement(), detail.departementName(), detail.region(),
					detail.regionName(), detail.population(), detail.active(), null, members.size(), members);
		}
		return epciOf(siren).map(epci -> new Detail(detail.siren(), detail.name(), detail.kind(), detail.kindLabel(),
				detail.inseeCode(), detail.epciType(), detail.departement(), detail.departementName(), detail.region(),
				detail.regionName(), detail.population(), detail.active(), epci, null, null)).orElse(detail);
	}

	private List<Reference> members(Siren epci) {
		return jdbc.sql("""
				select c.siren, c.name, c.insee_code from directory.epci_member m
				  join directory.collectivite c on c.siren = m.commune_siren
				 where m.epci_siren = :siren order by c.name, c.siren
				""").param("siren", epci.value())
				.query((rs, row) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	private Optional<Reference> epciOf(Siren commune) {
		return jdbc.sql("""
				select c.siren, c.name, c.insee_code from directory.epci_member m
				  join directory.collectivite c on c.siren = m.epci_siren
				 where m.commune_siren = :siren and c.active order by c.siren limit 1
				""").param("siren", commune.value())
				.query((rs, row) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
	}
}
