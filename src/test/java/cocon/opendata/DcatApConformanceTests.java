package cocon.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataCampaigns;
import cocon.shared.opendata.OpenDataset;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22, point 4: the DCAT catalogue data.gouv.fr harvests conforms to DCAT-AP 3.0.1, checked with Apache Jena's
 * SHACL engine against the official shapes, kept outside the repository ({@code ../shared/data/dcat-ap-3.0.1}, a
 * sibling of the clone in CI): media types and formats as IRIs of their vocabularies, sizes as non-negative
 * integers, a theme and a contact point on every dataset.
 */
public class DcatApConformanceTests {

	static final Path SHAPES = Path.of("..", "shared", "data", "dcat-ap-3.0.1");

	@Test
	void theCatalogueHasNoViolationOfTheDcatAp301Shapes() throws Exception {
		var campaign = new OpenDataCampaigns.PublishedCampaign(CampaignId.random(), "Coconstruction 2021",
				"Appel à contributions", Instant.parse("2021-01-10T09:00:00Z"));
		var campaigns = new OpenDataCampaigns() {

			@Override
			public List<OpenDataCampaigns.PublishedCampaign> campaigns() {
				return List.of(campaign);
			}

			@Override
			public Optional<OpenDataCampaigns.PublishedCampaign> campaign(CampaignId id) {
				return Optional.of(campaign).filter(c -> c.id().equals(id));
			}
		};
		var dataset = new CatalogueMemoryTests.ChangingDataset() {

			@Override
			public Optional<cocon.shared.opendata.Snapshot> snapshot(CampaignId id) {
				return Optional.of(new cocon.shared.opendata.Snapshot(Instant.parse("2021-04-01T10:00:00Z"), 2, "v1"));
			}
		};
		var beans = new StaticListableBeanFactory(Map.of("dataset", dataset, "campaigns", campaigns));
		var catalog = new OpenDataCatalog(beans.getBeanProvider(OpenDataset.class),
				beans.getBeanProvider(OpenDataCampaigns.class));
		String jsonld;
		try {
			jsonld = JsonMapper.builder().build().writeValueAsString(DcatCatalogue.of(catalog, "https://cocon.exemple.gouv.fr"));
		}
		finally {
			for (var method : OpenDataCatalog.class.getDeclaredMethods()) {
				if (method.getName().equals("deleteFiles")) { // the written files, if the catalogue writes any
					method.setAccessible(true);
					method.invoke(catalog);
				}
			}
		}

		var data = ModelFactory.createDefaultModel();
		RDFParser.create().source(new StringReader(jsonld)).lang(Lang.JSONLD).parse(data);
		assertThat(data.size()).as("triples of the catalogue").isGreaterThan(40);

		var violations = violations(data);
		assertThat(violations).as(jsonld).isEmpty();
	}

	/** The violations of the DCAT-AP 3.0.1 shapes (mandatory and recommended) by a catalogue in JSON-LD. */
	public static List<String> violations(String jsonld) throws Exception {
		var data = ModelFactory.createDefaultModel();
		RDFParser.create().source(new StringReader(jsonld)).lang(Lang.JSONLD).parse(data);
		return violations(data);
	}

	private static List<String> violations(org.apache.jena.rdf.model.Model data) {
		var violations = new ArrayList<String>();
		for (var file : List.of("shapes.ttl", "shapes_recommended.ttl")) {
			var path = SHAPES.resolve(file);
			assertThat(path).as("the DCAT-AP 3.0.1 shapes, a sibling folder « shared » of the clone").exists();
			var shapes = Shapes.parse(RDFDataMgr.loadGraph(path.toString()));
			var report = ShaclValidator.get().validate(shapes, data.getGraph());
			report.getEntries().forEach(entry -> violations.add(file + " : " + entry.severity().level().getLocalName() + " "
					+ entry.focusNode() + " " + entry.resultPath() + " — " + entry.message()));
		}
		return violations;
	}
}
