package cocon.opendata;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataLicence;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.TableSchema;

/**
 * The « Données ouvertes » pages: one for the service (every campaign, every dataset's description and field table)
 * and one per campaign (its datasets with last update, rows, size and the links to CSV, JSON, XLSX and schema).
 */
@Controller
class OpenDataPages {

	private static final Locale FRENCH = Locale.FRANCE;

	/** A dataset described for the pages: what it is and its fields in French. */
	record Description(String id, String title, String description, List<FieldRow> fields, String primaryKey,
			String schemaUrl) {
	}

	record FieldRow(String name, String title, String type, String description, String constraints) {
	}

	/** A dataset of one campaign: its state and its links. */
	record Row(String id, String title, String lastUpdate, String rows, String size, String csv, String json,
			String xlsx, String schema) {
	}

	record CampaignRows(UUID id, String title, String page, List<Row> datasets) {
	}

	private final OpenDataCatalog catalog;

	OpenDataPages(OpenDataCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/donnees-ouvertes")
	String service(Model model) {
		var campaigns = catalog.campaigns().stream().map(c -> new CampaignRows(c.id().id(), c.title(),
				"/campagnes/" + c.id().id() + "/donnees-ouvertes", rows(c.id()))).toList();
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("descriptions", catalog.datasets().stream().map(OpenDataPages::describe).toList());
		licence(model);
		return "opendata/open-data";
	}

	@GetMapping("/campagnes/{id}/donnees-ouvertes")
	String campaign(@PathVariable UUID id, Model model) {
		var campaign = catalog.campaign(new CampaignId(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var entries = catalog.entries(campaign.id());
		model.addAttribute("campaign", new CampaignRows(id, campaign.title(), "/campagnes/" + id, rows(campaign.id())));
		model.addAttribute("lastUpdate", dateTime(OpenDataCatalog.lastUpdate(entries, campaign.createdAt())));
		model.addAttribute("descriptions", entries.stream().map(e -> describe(e.dataset())).toList());
		model.addAttribute("dataPackage", OpenDataApi.BASE + "/campaigns/" + id + "/datapackage.json");
		licence(model);
		return "opendata/open-data-campaign";
	}

	private void licence(Model model) {
		model.addAttribute("licenceTitle", OpenDataLicence.TITLE);
		model.addAttribute("licenceUrl", OpenDataLicence.URL);
		model.addAttribute("producer", OpenDataLicence.PRODUCER);
		model.addAttribute("catalogue", "/donnees-ouvertes/catalogue.jsonld");
	}

	private List<Row> rows(CampaignId campaign) {
		return catalog.entries(campaign).stream().map(entry -> {
			var link = OpenDataApi.BASE + "/campaigns/" + campaign.id() + "/" + entry.dataset().id();
			return new Row(entry.dataset().id(), entry.dataset().title(), dateTime(entry.snapshot().lastUpdate()),
					count(entry.snapshot().rowCount(), "ligne", "lignes"), size(entry.csvBytes()), link + ".csv",
					link + ".json", entry.offersXlsx() ? link + ".xlsx" : null,
					OpenDataApi.BASE + "/schemas/" + entry.dataset().id() + ".json");
		}).toList();
	}

	static Description describe(OpenDataset dataset) {
		var schema = dataset.schema();
		var fields = schema.fields().stream().map(f -> new FieldRow(f.name(), f.title(), f.type().label(),
				f.description(), constraints(f))).toList();
		return new Description(dataset.id(), dataset.title(), dataset.description(), fields,
				String.join(", ", schema.primaryKey()), OpenDataApi.BASE + "/schemas/" + dataset.id() + ".json");
	}

	private static String constraints(TableSchema.Field field) {
		var parts = new java.util.ArrayList<String>();
		if (field.required()) {
			parts.add("obligatoire");
		}
		if (!field.values().isEmpty()) {
			parts.add("valeurs : " + String.join(", ", field.values()));
		}
		if (field.example() != null) {
			parts.add("exemple : " + field.example());
		}
		return String.join(" ; ", parts);
	}

	static String dateTime(Instant instant) {
		return cocon.shared.FrenchDates.dateTime(instant);
	}

	static String count(long n, String one, String many) {
		return NumberFormat.getIntegerInstance(FRENCH).format(n) + " " + (n <= 1 ? one : many);
	}

	static String size(Long bytes) {
		if (bytes == null) {
			return "connue après le premier téléchargement";
		}
		if (bytes < 1_000) {
			return count(bytes, "octet", "octets");
		}
		var format = NumberFormat.getNumberInstance(FRENCH);
		format.setMaximumFractionDigits(1);
		return bytes < 1_000_000 ? format.format(bytes / 1_000.0) + " ko" : format.format(bytes / 1_000_000.0) + " Mo";
	}
}
