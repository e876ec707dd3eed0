package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The open data of a campaign played across every module (issue 11): every dataset downloads in CSV and JSON and
 * validates against its Table Schema; the supports dataset has exactly the rows the public API counts; spreadsheet
 * users read accents, numbers, dates and codes back from the XLSX; downloads answer conditional requests; the pages
 * and the DCAT-AP catalogue list every dataset with licence and last update; and no public dataset, API response or
 * page holds an e-mail address or the name of a person who acted.
 */
@SpringBootTest(properties = "cocon.voting.close-check.cron=* * * * * *")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataAcceptanceTests {

	static final List<String> DATASETS = List.of("propositions", "soutiens", "decisions", "projets-finances",
			"groupes-de-travail", "entonnoir", "adoptions", "services");

	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	static final Pattern FRENCH_DATE = Pattern.compile(
			"\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4} à \\d{2} h \\d{2}");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	OpenDataFixture fixture;

	@BeforeAll
	void playTheCampaign() throws Exception {
		fixture = new OpenDataFixture(mvc, clock).play();
	}

	@Test
	void everyDatasetDownloadsInCsvAndJsonAndValidatesAgainstItsTableSchema() throws Exception {
		var propositionIds = new HashSet<String>();
		for (var dataset : DATASETS) {
			var check = new TableSchemaCheck(json("/api/open-data/schemas/" + dataset + ".json"));
			var csv = download(dataset, "csv");
			assertThat(csv.getContentType()).startsWith("text/csv");
			var csvRows = check.validateCsv(csv.getContentAsByteArray());
			var jsonRows = check.validateJson(download(dataset, "json").getContentAsByteArray());
			assertThat(csvRows.toString()).as("%s : le CSV et le JSON ont les mêmes lignes", dataset)
					.isEqualTo(jsonRows.toString());
			assertThat(csv.getHeader("X-Total-Count")).isEqualTo(Integer.toString(csvRows.size()));
			assertThat(csvRows.size()).as("%s a des lignes", dataset).isPositive();
			if (dataset.equals("propositions")) {
				csvRows.forEach(row -> propositionIds.add(row.get("id").asString()));
			}
			else if (check.tableSchema.has("foreignKeys") && "propositions".equals(
					check.tableSchema.get("foreignKeys").get(0).get("reference").get("resource").asString())) {
				// foreign keys to the proposals of the same campaign hold
				for (var row : csvRows) {
					var id = row.get(check.tableSchema.get("foreignKeys").get(0).get("fields").get(0).asString());
					assertThat(id.isNull() || propositionIds.contains(id.asString())).as("%s → %s", dataset, id).isTrue();
				}
			}
		}
		var propositions = rows("propositions");
		var byId = new HashMap<String, JsonNode>();
		propositions.forEach(p -> byId.put(p.get("id").asString(), p));
		assertThat(byId.get(fixture.proposals.get(0).toString()).get("statut").asString()).isEqualTo("financee");
		assertThat(byId.get(fixture.proposals.get(0).toString()).get("nombre_retraits").asLong()).isEqualTo(1);
		assertThat(byId.get(fixture.proposals.get(2).toString()).get("statut").asString()).isEqualTo("publiee");
		var funnel = rows("entonnoir");
		long received = 0;
		for (var theme : funnel) {
			assertThat(theme.get("recues").asLong()).isEqualTo(theme.get("en_attente").asLong()
					+ theme.get("regroupees").asLong() + theme.get("reorientees").asLong() + theme.get("rejetees").asLong());
			received += theme.get("recues").asLong();
		}
		assertThat(received).isEqualTo(8);
		var decisions = rows("decisions");
		var stepped = decisions.stream().filter(d -> d.get("proposition_id").asString()
				.equals(fixture.proposals.get(0).toString()) && d.get("type").asString().equals("preselection"))
				.findFirst().orElseThrow();
		assertThat(stepped.get("organisations_deportees").asString()).isEqualTo("AMF");
		assertThat(stepped.get("organisations_presentes").asString()).isEqualTo("ADF ; AMF ; DINUM");
	}

	@Test
	void theSupportsDatasetHasExactlyTheRowsThePublicApiCounts() throws Exception {
		var counted = 0L;
		var listed = new HashSet<String>();
		for (var proposal : json("/api/campaigns/" + fixture.campaign + "/proposals")) {
			counted += proposal.get("supportCount").asLong();
			for (var s : json("/api/proposals/" + proposal.get("id").asString() + "/supports?size=500").get("content")) {
				listed.add(proposal.get("id").asString() + "/" + s.get("siren").asString());
			}
		}
		var supports = rows("soutiens");
		assertThat(supports).hasSize((int) counted);
		assertThat(counted).isEqualTo(12 + 5 + 3);
		var exported = new HashSet<String>();
		supports.forEach(s -> exported.add(s.get("proposition_id").asString() + "/" + s.get("siren").asString()));
		assertThat(exported).isEqualTo(listed);
		// the published order, proposal by proposal then SIREN by SIREN (ADR 0069: one sort, not the key's order)
		var keys = supports.stream().map(s -> s.get("proposition_id").asString() + "/" + s.get("siren").asString()).toList();
		assertThat(keys).isSorted();
		assertThat(keys.stream().map(k -> k.substring(0, 36)).distinct()).hasSize(3);
		// codes stay text: Corsica's « 2A » or « 2B », a département with a leading zero
		assertThat(supports).anySatisfy(s -> assertThat(s.get("departement").asString()).matches("2[AB]"));
		assertThat(supports).anySatisfy(s -> assertThat(s.get("departement").asString()).startsWith("0"));
		assertThat(supports).allSatisfy(s -> assertThat(s.get("code_insee").isNull()).isFalse());
	}

	@Test
	void spreadsheetUsersReadAccentsNumbersDatesAndCodesBackFromTheXlsx() throws Exception {
		var csv = rows("soutiens");
		var xlsx = download("soutiens", "xlsx");
		assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var sheet = workbook.getFirstSheet();
			var lines = sheet.read();
			var header = new ArrayList<String>();
			lines.get(0).forEach(c -> header.add(c.asString()));
			assertThat(header).containsExactly("proposition_id", "siren", "nom", "nature", "code_insee", "departement",
					"region", "population", "date_soutien");
			assertThat(lines).hasSize(csv.size() + 1);
			for (int i = 1; i < lines.size(); i++) {
				var line = lines.get(i);
				var expected = csv.get(i - 1);
				assertThat(line.getCell(1).getType()).as("SIREN en texte").isEqualTo(CellType.STRING);
				assertThat(line.getCell(1).asString()).isEqualTo(expected.get("siren").asString());
				assertThat(line.getCell(2).asString()).as("accents").isEqualTo(expected.get("nom").asString());
				assertThat(line.getCell(5).getType()).as("département en texte").isEqualTo(CellType.STRING);
				assertThat(line.getCell(5).asString()).isEqualTo(expected.get("departement").asString());
				assertThat(line.getCell(7).getType()).as("population en nombre").isEqualTo(CellType.NUMBER);
				assertThat(line.getCell(7).asNumber().longValueExact()).isEqualTo(expected.get("population").asLong());
				assertThat(line.getCell(8).asDate()).as("date du soutien en date du tableur, heure de Paris")
						.isEqualTo(OffsetDateTime.parse(expected.get("date_soutien").asString()).toLocalDateTime());
			}
		}
		assertThat(csv).anySatisfy(s -> assertThat(s.get("nom").asString()).doesNotMatch("\\p{ASCII}*"));
	}

	@Test
	void downloadsAnswerConditionalRequestsAndChangeTheirTagWhenTheDataChange() throws Exception {
		var first = download("soutiens", "csv");
		var etag = first.getHeader("ETag");
		var lastModified = first.getHeader("Last-Modified");
		assertThat(etag).isNotBlank();
		assertThat(lastModified).isNotBlank();
		var notModified = mvc.perform(get(url("soutiens", "csv")).header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(notModified.getStatus()).isEqualTo(304);
		assertThat(notModified.getContentAsByteArray()).isEmpty();
		assertThat(mvc.perform(get(url("soutiens", "csv")).header("If-Modified-Since", lastModified)).andReturn()
				.getResponse().getStatus()).isEqualTo(304);
		assertThat(fixture.etagBeforeWithdrawal).isNotEqualTo(fixture.etagAfterWithdrawal);
		assertThat(mvc.perform(get(url("soutiens", "csv")).header("If-None-Match", fixture.etagBeforeWithdrawal))
				.andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void thePagesAndTheDcatCatalogueListEveryDatasetWithLicenceAndLastUpdate() throws Exception {
		var page = html("/campagnes/" + fixture.campaign + "/donnees-ouvertes");
		assertThat(page).contains("Licence Ouverte").contains("etalab-2.0");
		for (var dataset : DATASETS) {
			var row = Pattern.compile("<tr data-dataset=\"" + dataset + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
			assertThat(row.find()).as("ligne du jeu %s", dataset).isTrue();
			assertThat(FRENCH_DATE.matcher(row.group(1)).find()).as("dernière mise à jour de %s", dataset).isTrue();
			assertThat(row.group(1)).contains(url(dataset, "csv")).contains(url(dataset, "json"))
					.contains("/api/open-data/schemas/" + dataset + ".json").contains("ligne");
			assertThat(page).contains("id=\"champs-" + dataset + "\"");
		}
		assertThat(page).doesNotContain("data-dataset=\"contributions\"");
		var service = html("/donnees-ouvertes");
		assertThat(service).contains("Licence Ouverte").contains("/campagnes/" + fixture.campaign + "/donnees-ouvertes")
				.contains("/campagnes/" + fixture.openCampaign + "/donnees-ouvertes").contains("catalogue.jsonld");

		var catalogue = json("/donnees-ouvertes/catalogue.jsonld");
		assertThat(catalogue.get("@type").asString()).isEqualTo("dcat:Catalog");
		var listed = new ArrayList<String>();
		for (var dataset : catalogue.get("dcat:dataset")) {
			var id = dataset.get("dct:identifier").asString();
			if (!id.startsWith(fixture.campaign + "/")) {
				continue;
			}
			listed.add(id.substring(id.indexOf('/') + 1));
			assertThat(dataset.get("dct:license").get("@id").asString())
					.isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
			OffsetDateTime.parse(dataset.get("dct:modified").get("@value").asString());
			var formats = new HashSet<String>();
			dataset.get("dcat:distribution").forEach(d -> {
				formats.add(d.get("dct:format").get("@id").asString().replaceAll(".*/", "")); // EU file-type IRI
				assertThat(d.get("dct:license").get("@id").asString()).contains("licence-ouverte");
			});
			assertThat(formats).contains("CSV", "JSON");
		}
		assertThat(listed).containsExactlyElementsOf(DATASETS);
		// the catalogue as served, every campaign and dataset of the database in it, against the official shapes
		assertThat(cocon.opendata.DcatApConformanceTests.violations(catalogue.toString())).isEmpty();

		var dataPackage = json("/api/open-data/campaigns/" + fixture.campaign + "/datapackage.json");
		assertThat(dataPackage.get("licenses").get(0).get("name").asString()).isEqualTo("etalab-2.0");
		assertThat(dataPackage.get("contributors").get(0).get("title").asString()).contains("ANCT");
		for (var resource : dataPackage.get("resources")) {
			assertThat(resource.get("rowCount").asLong()).isEqualTo(rows(resource.get("name").asString()).size());
			OffsetDateTime.parse(resource.get("lastUpdate").asString());
		}
	}

	@Test
	void contributionTextsArePublicOnlyWhereTheCampaignSaysSo() throws Exception {
		assertThat(mvc.perform(get(url("contributions", "csv"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(json("/api/campaigns/" + fixture.campaign).get("contributionTextsPublic").asBoolean()).isFalse();
		assertThat(json("/api/campaigns/" + fixture.openCampaign).get("contributionTextsPublic").asBoolean()).isTrue();
		var open = mvc.perform(get("/api/open-data/campaigns/" + fixture.openCampaign + "/contributions.csv"))
				.andReturn().getResponse();
		assertThat(open.getStatus()).isEqualTo(200);
		var check = new TableSchemaCheck(json("/api/open-data/schemas/contributions.json"));
		var rows = check.validateCsv(open.getContentAsByteArray());
		assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("besoin").asString())
				.isEqualTo(fixture.openContributionNeed));
		// the form tells contributors which
		var commune = fixture.communes.get(0).agent();
		assertThat(pageAs("/campagnes/" + fixture.campaign + "/contribuer", commune)).contains("reste réservé aux curateurs");
		assertThat(pageAs("/campagnes/" + fixture.openCampaign + "/contribuer", commune)).contains("publie en données ouvertes");
	}

	@Test
	void noPublicDatasetApiResponseOrPageHoldsAnEmailAddressOrThePersonalDataOfAContributorAgentOrElu()
			throws Exception {
		var campaign = fixture.campaign;
		var publicUrls = new ArrayList<String>(List.of("/api/campaigns", "/api/campaigns/" + campaign,
				"/api/campaigns/" + campaign + "/proposals", "/api/campaigns/" + campaign + "/ranking",
				"/api/campaigns/" + campaign + "/supports-over-time", "/api/campaigns/" + campaign + "/decisions",
				"/api/campaigns/" + campaign + "/curation-report",
				"/api/open-data/campaigns/" + campaign + "/datapackage.json", "/donnees-ouvertes/catalogue.jsonld",
				"/donnees-ouvertes", "/campagnes/" + campaign + "/donnees-ouvertes", "/campagnes/" + campaign,
				"/campagnes/" + campaign + "/propositions", "/campagnes/" + campaign + "/decisions",
				"/campagnes/" + campaign + "/entonnoir", "/campagnes/" + campaign + "/soutiens-dans-le-temps",
				"/api/open-data/campaigns/" + fixture.openCampaign + "/contributions.csv"));
		for (var dataset : DATASETS) {
			publicUrls.add(url(dataset, "csv"));
			publicUrls.add(url(dataset, "json"));
			publicUrls.add("/api/open-data/schemas/" + dataset + ".json");
		}
		for (var proposal : fixture.proposals) {
			publicUrls.add("/api/proposals/" + proposal + "/supports?size=500");
			publicUrls.add("/api/proposals/" + proposal + "/working-group");
			publicUrls.add("/propositions/" + proposal);
			publicUrls.add("/propositions/" + proposal + "/soutiens");
			publicUrls.add("/propositions/" + proposal + "/groupe-de-travail");
		}
		assertThat(fixture.personalData).hasSizeGreaterThan(50);
		var checked = 0;
		for (var url : publicUrls) {
			var response = mvc.perform(get(url)).andReturn().getResponse();
			if (response.getStatus() != 200) {
				assertThat(response.getStatus()).as(url).isIn(200, 404);
				continue;
			}
			var body = response.getContentAsString(StandardCharsets.UTF_8);
			var email = EMAIL.matcher(body);
			assertThat(email.find() ? email.group() : null).as("adresse électronique dans %s", url).isNull();
			for (var personal : fixture.personalData) {
				assertThat(body).as("donnée personnelle dans %s", url).doesNotContain(personal);
			}
			checked++;
		}
		assertThat(checked).isGreaterThan(40);
	}

	@Test
	void curatorsExportTheContributionsWithTheirOutcomeAndEveryExportIsLogged() throws Exception {
		var path = "/api/campaigns/" + fixture.campaign + "/contributions/export";
		assertThat(mvc.perform(get(path + ".csv")).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get(path + ".csv").with(Identities.as(fixture.communes.get(0).agent()))).andReturn()
				.getResponse().getStatus()).isEqualTo(403);
		var before = json(path + "s", Identities.curator()).size();

		var csv = mvc.perform(get(path + ".csv").with(Identities.as(Identities.curator()))).andReturn().getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getHeader("Cache-Control")).isEqualTo("no-store");
		var lines = TableSchemaCheck.Csv.parse(TableSchemaCheck.strictUtf8(csv.getContentAsByteArray()));
		assertThat(lines).hasSize(1 + 8);
		var header = lines.get(0);
		var outcomes = new HashMap<String, Integer>();
		for (var line : lines.subList(1, lines.size())) {
			var issue = line.get(header.indexOf("issue"));
			outcomes.merge(issue, 1, Integer::sum);
			switch (issue) {
				case "regroupee" -> assertThat(line.get(header.indexOf("proposition_titre"))).isNotBlank();
				case "reorientee" -> assertThat(line.get(header.indexOf("reorientee_vers"))).isEqualTo("Programme France Services");
				case "rejetee" -> assertThat(line.get(header.indexOf("motif_rejet"))).startsWith("Inéligible");
				default -> throw new AssertionError("issue inattendue : " + issue);
			}
		}
		assertThat(outcomes).isEqualTo(Map.of("regroupee", 6, "reorientee", 1, "rejetee", 1));

		var xlsx = mvc.perform(get(path + ".xlsx").with(Identities.as(Identities.curator()))).andReturn().getResponse();
		assertThat(xlsx.getStatus()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(1 + 8);
			assertThat(rows.get(1).getCell(header.indexOf("organisation")).asString())
					.isEqualTo(lines.get(1).get(header.indexOf("organisation")));
		}

		var log = json(path + "s", Identities.curator());
		assertThat(log.size()).isEqualTo(before + 2);
		assertThat(log.get(0).get("exportedBy").asString()).isEqualTo("curator");
		assertThat(log.get(0).get("format").asString()).isEqualTo("xlsx");
		assertThat(log.get(0).get("rows").asInt()).isEqualTo(8);
		assertThat(log.get(1).get("format").asString()).isEqualTo("csv");
		OffsetDateTime.parse(log.get(0).get("exportedAt").asString());
	}

	@Test
	void theApiDocumentsTheDownloadsAndThePaginationLimits() throws Exception {
		var docs = json("/v3/api-docs");
		assertThat(docs.get("paths").has("/api/open-data/campaigns/{id}/{dataset}.{format}")).isTrue();
		assertThat(docs.get("paths").has("/api/open-data/schemas/{dataset}.json")).isTrue();
		var proposals = docs.get("paths").get("/api/campaigns/{id}/proposals").get("get");
		assertThat(proposals.get("description").asString()).contains("de 1 à 500").contains("X-Total-Count");
		var bad = mvc.perform(get("/api/campaigns/" + fixture.campaign + "/proposals?size=501")).andReturn().getResponse();
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("de 1 à 500");
		var paged = mvc.perform(get("/api/campaigns/" + fixture.campaign + "/proposals?page=0&size=2")).andReturn()
				.getResponse();
		assertThat(TableSchemaCheck.JSON.readTree(paged.getContentAsByteArray()).size()).isEqualTo(2);
		assertThat(paged.getHeader("X-Total-Count")).isEqualTo("3");
		assertThat(paged.getHeader("Link")).contains("page=1&size=2").contains("rel=\"next\"");
	}

	@Test
	void theTableSchemasCommittedInDocsAreTheOnesServed() throws Exception {
		var docs = java.nio.file.Path.of("docs", "donnees-ouvertes");
		var all = new ArrayList<>(DATASETS);
		all.add("contributions");
		for (var dataset : all) {
			var served = TableSchemaCheck.JSON.writerWithDefaultPrettyPrinter()
					.writeValueAsString(json("/api/open-data/schemas/" + dataset + ".json")) + "\n";
			var file = docs.resolve(dataset + ".schema.json");
			var committed = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
			if (!served.equals(committed) && Boolean.getBoolean("cocon.docs.update")) {
				java.nio.file.Files.createDirectories(docs);
				java.nio.file.Files.writeString(file, served);
				committed = served;
			}
			assertThat(committed).as("%s est à jour : ./mvnw test -Dtest=OpenDataAcceptanceTests "
					+ "-Dcocon.docs.update=true, puis commiter", file).isEqualTo(served);
		}
	}

	// ------------------------------------------------------------------------------------------------------------

	String url(String dataset, String format) {
		return "/api/open-data/campaigns/" + fixture.campaign + "/" + dataset + "." + format;
	}

	MockHttpServletResponse download(String dataset, String format) throws Exception {
		var response = mvc.perform(get(url(dataset, format))).andReturn().getResponse();
		assertThat(response.getStatus()).as("%s.%s", dataset, format).isEqualTo(200);
		return response;
	}

	List<JsonNode> rows(String dataset) throws Exception {
		var check = new TableSchemaCheck(json("/api/open-data/schemas/" + dataset + ".json"));
		var rows = new ArrayList<JsonNode>();
		check.validateCsv(download(dataset, "csv").getContentAsByteArray()).forEach(rows::add);
		return rows;
	}

	JsonNode json(String url) throws Exception {
		var response = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return TableSchemaCheck.JSON.readTree(response.getContentAsByteArray());
	}

	JsonNode json(String url, cocon.shared.identity.CurrentUser user) throws Exception {
		var response = mvc.perform(get(url).with(Identities.as(user))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return TableSchemaCheck.JSON.readTree(response.getContentAsByteArray());
	}

	String html(String url) throws Exception {
		var response = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	String pageAs(String url, cocon.shared.identity.CurrentUser user) throws Exception {
		var response = mvc.perform(get(url).with(Identities.as(user))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
