package cocon.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.directory.DirectoryData.Entry;
import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.directory.Directory;

/** The directory loaded from the real open data into the real PostgreSQL of the test suite. */
@SpringBootTest
@AutoConfigureMockMvc
class DirectoryTests {

	static final String LYON = "216901231";
	static final String METROPOLE_DE_LYON = "200046977";
	static final String AIN = "220100010";
	static final String AUVERGNE_RHONE_ALPES = "200053767";
	/** Valid SIRENs (Luhn) that no collectivité has. */
	static final String UNKNOWN = "999990005";
	static final String FORMER = "999990013";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DirectoryLoader loader;

	@Autowired
	DirectorySources sources;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryStartup startup;

	@Autowired
	PlatformTransactionManager transactions;

	/** The sources as the classpath gives them, read once for the tests that load them again. */
	static DirectoryData current;

	@BeforeEach
	void directoryLoaded() {
		startup.awaitInitialLoad();
		if (current == null) {
			current = sources.read();
		}
	}

	@Test
	void loadsEveryCurrentCommuneAndEpci() {
		assertThat(count("COMMUNE")).isGreaterThan(34_000);
		assertThat(count("EPCI")).isGreaterThan(1_200);
		assertThat(count("DEPARTEMENT")).isGreaterThan(90);
		assertThat(count("REGION")).isEqualTo(14); // 18 régions, of which Corse, Martinique, Guyane and Mayotte are CTU
		assertThat(jdbc.queryForObject("select count(*) from directory.epci_member", Long.class)).isGreaterThan(34_000L);
	}

	@Test
	void findsTheCommuneOfLyonWithItsPopulationAndEpci() throws Exception {
		mvc.perform(get("/api/collectivites/{siren}", LYON))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.siren").value(LYON))
				.andExpect(jsonPath("$.name").value("Lyon"))
				.andExpect(jsonPath("$.kind").value("COMMUNE"))
				.andExpect(jsonPath("$.inseeCode").value("69123"))
				.andExpect(jsonPath("$.population").value(greaterThan(500_000)))
				.andExpect(jsonPath("$.departementName").value("Rhône"))
				.andExpect(jsonPath("$.regionName").value("Auvergne-Rhône-Alpes"))
				.andExpect(jsonPath("$.epci.siren").value(METROPOLE_DE_LYON));

		var lyon = directory.find(Siren.of(LYON)).orElseThrow();
		assertThat(lyon.kind()).isEqualTo(CollectiviteKind.COMMUNE);
		assertThat(lyon.departement()).isEqualTo("69");
		assertThat(lyon.region()).isEqualTo("84");
		assertThat(directory.regionName("84")).contains("Auvergne-Rhône-Alpes");
		assertThat(directory.departementName("01")).contains("Ain");
	}

	@Test
	void searchIgnoresAccentsCaseAndHyphensAndRanksTheExactNameFirst() throws Exception {
		mvc.perform(get("/api/collectivites").param("q", "saint etienne"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].name").value("Saint-Étienne"))
				.andExpect(jsonPath("$.content[0].inseeCode").value("42218"))
				.andExpect(jsonPath("$.page").value(0))
				.andExpect(jsonPath("$.size").value(20))
				.andExpect(jsonPath("$.totalElements").value(greaterThan(20)))
				.andExpect(jsonPath("$.totalPages").value(greaterThan(1)));

		mvc.perform(get("/api/collectivites").param("q", "LYON").param("kind", "COMMUNE").param("size", "5"))
				.andExpect(jsonPath("$.content[0].siren").value(LYON))
				.andExpect(jsonPath("$.content.length()").value(5));
	}

	@Test
	void searchFindsByInseeCodeOrSiren() throws Exception {
		mvc.perform(get("/api/collectivites").param("q", "69123"))
				.andExpect(jsonPath("$.content[0].siren").value(LYON));
		mvc.perform(get("/api/collectivites").param("q", "216 901 231"))
				.andExpect(jsonPath("$.content[0].name").value("Lyon"));
	}

	@Test
	void pagesAreCappedAtAHundred() throws Exception {
		// issue 22: a size over the maximum is refused, as on every list, instead of being cut silently
		mvc.perform(get("/api/collectivites").param("kind", "COMMUNE").param("size", "500").param("page", "2"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/collectivites").param("kind", "COMMUNE").param("size", "100").param("page", "2"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.size").value(100))
				.andExpect(jsonPath("$.page").value(2))
				.andExpect(jsonPath("$.content.length()").value(100));
		mvc.perform(get("/api/collectivites").param("page", "-1"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theMetropoleDeLyonIsACollectiviteAStatutParticulierWithItsCommunes() throws Exception {
		mvc.perform(get("/api/collectivites/{siren}", METROPOLE_DE_LYON))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Métropole de Lyon"))
				.andExpect(jsonPath("$.kind").value("COLLECTIVITE_PARTICULIERE"))
				.andExpect(jsonPath("$.epciType").value("MET69"))
				.andExpect(jsonPath("$.memberCount").value(greaterThan(50)))
				.andExpect(jsonPath("$.members[?(@.siren == '" + LYON + "')]").exists())
				.andExpect(jsonPath("$.population").value(greaterThan(1_000_000)));

		assertThat(directory.find(Siren.of("217500016")).orElseThrow().kind())
				.as("Ville de Paris").isEqualTo(CollectiviteKind.COLLECTIVITE_PARTICULIERE);
	}

	@Test
	void departementsAndRegionsHaveThePopulationOfTheirCommunes() {
		var ain = directory.find(Siren.of(AIN)).orElseThrow();
		assertThat(ain.kind()).isEqualTo(CollectiviteKind.DEPARTEMENT);
		assertThat(ain.inseeCode()).isEqualTo("01");
		assertThat(ain.region()).isEqualTo("84");
		assertThat(ain.population()).isEqualTo(jdbc.queryForObject(
				"select sum(population) from directory.collectivite where active and kind = 'COMMUNE' and departement = '01'", Long.class))
				.isGreaterThan(600_000);

		var region = directory.find(Siren.of(AUVERGNE_RHONE_ALPES)).orElseThrow();
		assertThat(region.kind()).isEqualTo(CollectiviteKind.REGION);
		assertThat(region.region()).isEqualTo("84");
		assertThat(region.population()).isGreaterThan(8_000_000);
	}

	@Test
	void loadingTheSameVersionAgainChangesNothing() {
		long rows = jdbc.queryForObject("select count(*) from directory.collectivite", Long.class);
		Timestamp lastUpdate = jdbc.queryForObject("select max(updated_at) from directory.collectivite", Timestamp.class);

		assertThat(loader.loadIfNeeded().loaded()).as("the version is already loaded").isFalse();
		var forced = loader.load(current, true);

		assertThat(forced.loaded()).isTrue();
		assertThat(forced.upserted()).isZero();
		assertThat(forced.deactivated()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from directory.collectivite", Long.class)).isEqualTo(rows);
		assertThat(jdbc.queryForObject("select max(updated_at) from directory.collectivite", Timestamp.class)).isEqualTo(lastUpdate);
	}

	/** The planner has the statistics of a directory just written, without waiting for autovacuum. */
	@Test
	void aLoadAnalysesTheTablesItWrote() {
		String analyses = "select coalesce(sum(analyze_count), 0) from pg_stat_user_tables where schemaname = 'directory'"
				+ " and relname in ('collectivite', 'epci_member', 'area')";
		long before = jdbc.queryForObject(analyses, Long.class);

		assertThat(loader.load(current, true).loaded()).isTrue();

		// at least: autovacuum may analyse one of them too meanwhile
		assertThat(jdbc.queryForObject(analyses, Long.class)).isGreaterThanOrEqualTo(before + 3);
	}

	@Test
	void aNewVersionUpdatesNamesAndRetiresWhatItNoLongerListsWithoutDeletingIt() throws Exception {
		long rows = jdbc.queryForObject("select count(*) from directory.collectivite", Long.class);
		try {
			// a version that renames Lyon and still lists a former collectivité
			var entries = new ArrayList<Entry>();
			for (var entry : current.entries()) {
				entries.add(entry.siren().equals(LYON) ? entry.renamed("Lyon (nom de test)") : entry);
			}
			entries.add(new Entry(FORMER, "Ancienne commune de test", CollectiviteKind.COMMUNE, "99999", null, "01",
					"84", 12, DirectoryData.PACKAGE_SOURCE));
			var previous = new DirectoryData("test-ancienne-version", current.csvChecksum(), entries, current.members(),
					current.areas());
			assertThat(loader.load(previous, false).upserted()).isEqualTo(2);
			assertThat(directory.find(Siren.of(LYON)).orElseThrow().name()).isEqualTo("Lyon (nom de test)");
			assertThat(directory.find(Siren.of(FORMER))).isPresent();

			var reloaded = loader.load(current, false);

			assertThat(reloaded.upserted()).isEqualTo(1);
			assertThat(reloaded.deactivated()).isEqualTo(1);
			assertThat(directory.find(Siren.of(LYON)).orElseThrow().name()).isEqualTo("Lyon");
			assertThat(directory.find(Siren.of(FORMER))).as("no longer known to other modules").isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from directory.collectivite", Long.class)).isEqualTo(rows + 1);
			mvc.perform(get("/api/collectivites/{siren}", FORMER))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.active").value(false));
			mvc.perform(get("/api/collectivites").param("q", "ancienne commune de test"))
					.andExpect(jsonPath("$.totalElements").value(0));
		}
		finally {
			loader.load(current, false);
		}
		assertThat(loader.isLoaded(current.packageVersion(), current.csvChecksum())).isTrue();
	}

	@Test
	void aMalformedSirenIsABadRequestThatSaysWhy() throws Exception {
		mvc.perform(get("/api/collectivites/{siren}", "12345"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("9 chiffres")));
		mvc.perform(get("/api/collectivites/{siren}", "123456789"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("Luhn")));
	}

	@Test
	void anUnknownSirenIsNotFound() throws Exception {
		mvc.perform(get("/api/collectivites/{siren}", UNKNOWN))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString(UNKNOWN)));
		assertThat(directory.find(Siren.of(UNKNOWN))).isEmpty();
	}

	@Test
	void thePublicPageListsTheResultsOfASearch() throws Exception {
		mvc.perform(get("/collectivites").param("q", "saint etienne"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Saint-Étienne")))
				.andExpect(content().string(containsString("214202186")))
				.andExpect(content().string(containsString("Page suivante")))
				.andExpect(content().string(containsString(" collectivités trouvées pour « saint etienne »")));
		mvc.perform(get("/collectivites").param("q", "xqzwv introuvable"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Aucune collectivité trouvée")))
				.andExpect(content().string(containsString("« xqzwv introuvable »")));
	}

	/** Issue 23 point 4: the kernel's view says which EPCI a commune belongs to, and an EPCI's members. */
	@Test
	void aCommuneKnowsItsEpciAndAnEpciItsMembers() {
		var agnin = directory.find(Siren.of("213800030")).orElseThrow();
		assertThat(agnin.epci()).as("CC Entre Bièvre et Rhône").isEqualTo(Siren.of("200085751"));
		assertThat(directory.findAll(java.util.List.of(Siren.of("213803448"))).get(Siren.of("213803448")).epci())
				.as("Roussillon, in the same EPCI").isEqualTo(agnin.epci());
		assertThat(directory.epciMembers(agnin.epci())).hasSize(37).contains(Siren.of("213800030"), Siren.of("213803448"))
				.doesNotContain(Siren.of("213801905"));
		assertThat(directory.find(Siren.of(AIN)).orElseThrow().epci()).as("a département belongs to no EPCI").isNull();
		assertThat(directory.epciMembers(Siren.of("213800030"))).as("a commune has no members").isEmpty();
	}

	/**
	 * Should the data list a commune in two EPCI, the first active one by SIREN is its EPCI, by the single lookup and
	 * by the lookup of many (written in a transaction rolled back at the end).
	 */
	@Test
	void aCommuneListedInTwoEpciBelongsToTheFirstActiveOneBySiren() {
		var agnin = Siren.of("213800030");
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			var smaller = jdbc.queryForObject("""
					select siren from directory.collectivite where kind = 'EPCI' and active and siren < '200085751'
					order by siren desc limit 1""", String.class);
			jdbc.update("insert into directory.epci_member (epci_siren, commune_siren) values (?, ?)", smaller, agnin.value());
			assertThat(directory.find(agnin).orElseThrow().epci()).isEqualTo(Siren.of(smaller));
			assertThat(directory.findAll(java.util.List.of(agnin)).get(agnin).epci()).isEqualTo(Siren.of(smaller));
			jdbc.update("update directory.collectivite set active = false where siren = ?", smaller);
			assertThat(directory.find(agnin).orElseThrow().epci()).as("an inactive EPCI is skipped")
					.isEqualTo(Siren.of("200085751"));
		});
		assertThat(directory.find(agnin).orElseThrow().epci()).isEqualTo(Siren.of("200085751"));
	}

	private long count(String kind) {
		return jdbc.queryForObject("select count(*) from directory.collectivite where active and kind = ?", Long.class, kind);
	}
}
