package cocon.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataCampaigns;
import cocon.shared.opendata.OpenDataCampaigns.PublishedCampaign;
import cocon.shared.opendata.OpenDataLicence;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TabularFormat;

/**
 * The datasets the modules publish, collected in a fixed order, with what the pages, the catalogue and the downloads
 * need: the campaigns, each dataset's snapshot, its Table Schema as JSON and the size of its CSV once known.
 */
@Component
class OpenDataCatalog {

	/** The order of the pages and of the catalogue; a dataset of another name comes after these. */
	static final List<String> ORDER = List.of("propositions", "soutiens", "decisions", "projets-finances",
			"groupes-de-travail", "entonnoir", "contributions");

	/** Below this many rows the page measures the CSV itself; above, its size is known after a first download. */
	static final long MEASURED_ON_PAGE = 20_000;

	record Entry(OpenDataset dataset, Snapshot snapshot, Long csvBytes) {

		boolean offersXlsx() {
			return snapshot.rowCount() <= TabularFormat.XLSX_MAX_ROWS;
		}
	}

	private final ObjectProvider<OpenDataset> datasets;
	private final ObjectProvider<OpenDataCampaigns> campaigns;
	/** The written files of each dataset version: the sizes come from them, nothing else is kept per version. */
	private final DatasetFiles files = DatasetFiles.inTemporaryFolder();

	OpenDataCatalog(ObjectProvider<OpenDataset> datasets, ObjectProvider<OpenDataCampaigns> campaigns) {
		this.datasets = datasets;
		this.campaigns = campaigns;
	}

	DatasetFiles files() {
		return files;
	}

	@jakarta.annotation.PreDestroy
	void deleteFiles() {
		files.deleteAll();
	}

	List<OpenDataset> datasets() {
		var all = new ArrayList<OpenDataset>(datasets.stream().toList());
		all.sort(Comparator.comparingInt((OpenDataset d) -> ORDER.contains(d.id()) ? ORDER.indexOf(d.id()) : ORDER.size())
				.thenComparing(OpenDataset::id));
		return all;
	}

	Optional<OpenDataset> dataset(String id) {
		return datasets().stream().filter(d -> d.id().equals(id)).findFirst();
	}

	List<PublishedCampaign> campaigns() {
		var source = campaigns.getIfAvailable();
		return source == null ? List.of() : source.campaigns();
	}

	Optional<PublishedCampaign> campaign(CampaignId id) {
		var source = campaigns.getIfAvailable();
		return source == null ? Optional.empty() : source.campaign(id);
	}

	/** The datasets the modules publish for this campaign, with their snapshot and, when known, the CSV's size. */
	List<Entry> entries(CampaignId campaign) {
		var entries = new ArrayList<Entry>();
		for (var dataset : datasets()) {
			dataset.snapshot(campaign).ifPresent(snapshot -> entries.add(new Entry(dataset, snapshot,
					csvBytes(dataset, campaign, snapshot))));
		}
		return entries;
	}

	/** The latest change of any dataset of the campaign. */
	static Instant lastUpdate(List<Entry> entries, Instant otherwise) {
		return entries.stream().map(e -> e.snapshot().lastUpdate()).max(Comparator.naturalOrder()).orElse(otherwise);
	}

	/**
	 * The size of the version's CSV: its file's, written now for a small dataset (the file then serves the downloads:
	 * nothing is rendered only to be measured); for a large one, known once a first download wrote it.
	 */
	private Long csvBytes(OpenDataset dataset, CampaignId campaign, Snapshot snapshot) {
		var known = files.size(dataset, campaign, snapshot, TabularFormat.CSV);
		if (known.isPresent() || snapshot.rowCount() > MEASURED_ON_PAGE) {
			return known.orElse(null);
		}
		try {
			return java.nio.file.Files.size(files.file(dataset, campaign, snapshot, TabularFormat.CSV));
		}
		catch (java.io.IOException e) {
			return null; // replaced by a newer version meanwhile: known at the next look
		}
	}

	/** The Table Schema of a dataset as the frictionless specification writes it, with licence and producer. */
	static Map<String, Object> schemaJson(OpenDataset dataset) {
		var schema = dataset.schema();
		var json = new LinkedHashMap<String, Object>();
		json.put("$schema", "https://specs.frictionlessdata.io/schemas/table-schema.json");
		json.put("name", dataset.id());
		json.put("title", dataset.title());
		json.put("description", dataset.description());
		json.put("licenses", List.of(licence()));
		json.put("contributors", List.of(ordered("title", OpenDataLicence.PRODUCER, "role", "author")));
		json.put("missingValues", List.of(""));
		var fields = new ArrayList<Map<String, Object>>();
		for (var field : schema.fields()) {
			var f = new LinkedHashMap<String, Object>();
			f.put("name", field.name());
			f.put("type", field.type().schemaName());
			if (field.type() == TableSchema.Type.DATETIME) {
				// ISO 8601 with the Europe/Paris offset, not the UTC form the default format names
				f.put("format", "any");
			}
			f.put("title", field.title());
			f.put("description", field.description());
			if (field.example() != null) {
				f.put("example", field.example());
			}
			var constraints = new LinkedHashMap<String, Object>();
			if (field.required()) {
				constraints.put("required", true);
			}
			if (field.pattern() != null) {
				constraints.put("pattern", field.pattern());
			}
			if (!field.values().isEmpty()) {
				constraints.put("enum", field.values());
			}
			if (!constraints.isEmpty()) {
				f.put("constraints", constraints);
			}
			fields.add(f);
		}
		json.put("fields", fields);
		json.put("primaryKey", schema.primaryKey());
		if (!schema.foreignKeys().isEmpty()) {
			json.put("foreignKeys", schema.foreignKeys().stream().map(key -> ordered("fields", key.fields(), "reference",
					ordered("resource", key.dataset(), "fields", key.referenceFields()))).toList());
		}
		return json;
	}

	static Map<String, Object> licence() {
		return ordered("name", OpenDataLicence.ID, "title", OpenDataLicence.TITLE, "path", OpenDataLicence.URL);
	}

	/** A map in the order given: the committed schemas must not depend on a hash order. */
	static Map<String, Object> ordered(Object... keysAndValues) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
