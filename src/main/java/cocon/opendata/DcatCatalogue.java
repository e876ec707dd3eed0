package cocon.opendata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cocon.shared.opendata.OpenDataLicence;
import cocon.shared.opendata.TabularFormat;

/**
 * The DCAT-AP catalogue in JSON-LD that data.gouv.fr harvests: the catalogue of the service, one {@code dcat:Dataset}
 * per dataset and campaign, its distributions (CSV, JSON, XLSX while it fits in a spreadsheet), licence, publisher,
 * last update and Table Schema ({@code dct:conformsTo}). It conforms to DCAT-AP 3.0.1 (the official SHACL shapes, in
 * the tests): media types and formats as IRIs of the IANA and EU file-type vocabularies, sizes as
 * {@code xsd:nonNegativeInteger}, the EU data theme « Gouvernement et secteur public » (GOVE) and a contact point.
 */
final class DcatCatalogue {

	/** The vocabularies DCAT-AP 3 asks for: IANA media types, the EU file types, data themes and availability. */
	static final String IANA = "http://www.iana.org/assignments/media-types/";
	static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type";
	static final String THEMES = "http://publications.europa.eu/resource/authority/data-theme";
	static final String AVAILABILITY = "http://publications.europa.eu/resource/authority/planned-availability";

	private DcatCatalogue() {
	}

	static Map<String, Object> of(OpenDataCatalog catalog, String base) {
		var context = new LinkedHashMap<String, Object>();
		context.put("dcat", "http://www.w3.org/ns/dcat#");
		context.put("dct", "http://purl.org/dc/terms/");
		context.put("foaf", "http://xmlns.com/foaf/0.1/");
		context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
		context.put("spdx", "http://spdx.org/rdf/terms#");
		context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
		context.put("dcatap", "http://data.europa.eu/r5r/");
		var publisher = Map.of("@type", "foaf:Organization", "foaf:name", OpenDataLicence.PRODUCER, "foaf:homepage",
				Map.of("@id", OpenDataLicence.PRODUCER_URL));
		var licence = Map.of("@id", OpenDataLicence.URL);
		var contact = new LinkedHashMap<String, Object>();
		contact.put("@type", "vcard:Organization");
		contact.put("vcard:fn", OpenDataLicence.PRODUCER);
		contact.put("vcard:hasURL", Map.of("@id", base + "/donnees-ouvertes"));
		var theme = Map.of("@id", THEMES + "/GOVE");
		var latest = catalog.campaigns().stream().map(c -> c.createdAt()).max(java.util.Comparator.naturalOrder());
		var earliest = catalog.campaigns().stream().map(c -> c.createdAt()).min(java.util.Comparator.naturalOrder());
		var datasets = new ArrayList<Map<String, Object>>();
		var changes = new ArrayList<java.time.Instant>();
		for (var campaign : catalog.campaigns()) {
			var page = base + "/campagnes/" + campaign.id().id() + "/donnees-ouvertes";
			for (var entry : catalog.entries(campaign.id())) {
				var set = entry.dataset();
				var download = base + OpenDataApi.BASE + "/campaigns/" + campaign.id().id() + "/" + set.id();
				var schema = base + OpenDataApi.BASE + "/schemas/" + set.id() + ".json";
				var modified = modified(entry.snapshot().lastUpdate());
				var distributions = new ArrayList<Map<String, Object>>();
				for (var format : TabularFormat.values()) {
					if (format == TabularFormat.XLSX && !entry.offersXlsx()) {
						continue;
					}
					var d = new LinkedHashMap<String, Object>();
					d.put("@id", download + "." + format.extension());
					d.put("@type", "dcat:Distribution");
					d.put("dct:title", set.title() + " (" + format.extension().toUpperCase() + ")");
					d.put("dcat:accessURL", Map.of("@id", download + "." + format.extension()));
					d.put("dcat:downloadURL", Map.of("@id", download + "." + format.extension()));
					d.put("dct:description", set.title() + " de la campagne « " + campaign.title() + " », au format "
							+ format.extension().toUpperCase() + ".");
					d.put("dcat:mediaType", Map.of("@id", IANA + format.mediaType().replace(";charset=UTF-8", "")));
					d.put("dct:format", Map.of("@id", FILE_TYPES + "/" + format.extension().toUpperCase()));
					d.put("dcatap:availability", Map.of("@id", AVAILABILITY + "/AVAILABLE"));
					d.put("dct:license", licence);
					d.put("dct:modified", modified);
					d.put("dct:conformsTo", Map.of("@id", schema));
					if (format == TabularFormat.CSV && entry.csvBytes() != null) {
						d.put("dcat:byteSize", Map.of("@value", entry.csvBytes().toString(), "@type", "xsd:nonNegativeInteger"));
					}
					distributions.add(d);
				}
				var dataset = new LinkedHashMap<String, Object>();
				dataset.put("@id", download);
				dataset.put("@type", "dcat:Dataset");
				dataset.put("dct:identifier", campaign.id().id() + "/" + set.id());
				dataset.put("dct:title", set.title() + " — " + campaign.title());
				dataset.put("dct:description", set.description());
				dataset.put("dct:publisher", publisher);
				dataset.put("dct:license", licence);
				dataset.put("dct:issued", modified(campaign.createdAt()));
				dataset.put("dct:modified", modified);
				dataset.put("dct:language", Map.of("@id", "http://publications.europa.eu/resource/authority/language/FRA"));
				dataset.put("dct:accrualPeriodicity",
						Map.of("@id", "http://publications.europa.eu/resource/authority/frequency/CONT"));
				dataset.put("dct:spatial", Map.of("@id", "http://publications.europa.eu/resource/authority/country/FRA"));
				dataset.put("dcat:theme", theme);
				dataset.put("dcat:contactPoint", contact);
				dataset.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime",
						"dcat:startDate", modified(campaign.createdAt()), "dcat:endDate", modified));
				dataset.put("dcat:keyword", List.of("coconstruction", "collectivités", "services numériques", set.id()));
				dataset.put("dcat:landingPage", Map.of("@id", page));
				dataset.put("cocon:rowCount", entry.snapshot().rowCount());
				changes.add(entry.snapshot().lastUpdate());
				dataset.put("dcat:distribution", distributions);
				datasets.add(dataset);
			}
		}
		context.put("cocon", base + "/donnees-ouvertes#");
		var json = new LinkedHashMap<String, Object>();
		json.put("@context", context);
		json.put("@id", base + "/donnees-ouvertes/catalogue.jsonld");
		json.put("@type", "dcat:Catalog");
		json.put("dct:title", "Cocon — données ouvertes");
		json.put("dct:description", "Les contributions, propositions, soutiens, décisions et projets financés des "
				+ "campagnes de coconstruction de services numériques entre l'État et les collectivités.");
		json.put("dct:publisher", publisher);
		json.put("dct:license", licence);
		json.put("dct:language", Map.of("@id", "http://publications.europa.eu/resource/authority/language/FRA"));
		json.put("foaf:homepage", Map.of("@id", base + "/donnees-ouvertes"));
		json.put("dct:spatial", Map.of("@id", "http://publications.europa.eu/resource/authority/country/FRA"));
		json.put("dcat:themeTaxonomy", Map.of("@id", THEMES));
		// the first campaign's creation, the latest change of any: a catalogue without campaign says « now »
		var now = java.time.Instant.now();
		json.put("dct:issued", modified(earliest.orElse(now)));
		json.put("dct:modified", modified(changes.stream().max(java.util.Comparator.naturalOrder())
				.orElse(latest.orElse(now))));
		json.put("dcat:dataset", datasets);
		return json;
	}

	private static Map<String, Object> modified(java.time.Instant instant) {
		return Map.of("@value", TabularFormat.dateTime(instant), "@type", "xsd:dateTime");
	}
}
