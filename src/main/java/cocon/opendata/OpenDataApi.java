package cocon.opendata;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataLicence;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.TabularFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The open data downloads (ADR 0017): every dataset of every campaign in CSV, JSON and XLSX, streamed as the module
 * writes its rows, with {@code ETag} and {@code Last-Modified} so that a harvester asks again for nothing
 * ({@code 304}); the Table Schema of each dataset; a frictionless Data Package per campaign.
 */
@RestController
@Tag(name = "Données ouvertes", description = "Jeux de données publics de chaque campagne, sous Licence Ouverte 2.0")
class OpenDataApi {

	static final String BASE = "/api/open-data";

	private final OpenDataCatalog catalog;
	private final CatalogueAnswers catalogues;

	OpenDataApi(OpenDataCatalog catalog, CatalogueAnswers catalogues) {
		this.catalog = catalog;
		this.catalogues = catalogues;
	}

	@Operation(summary = "Télécharger un jeu de données d'une campagne",
			description = "CSV (UTF-8, virgule, en-tête, dates ISO 8601, point décimal), JSON (tableau d'objets) ou XLSX "
					+ "(jusqu'à 1 048 575 lignes). Toutes les lignes, dans l'ordre de la clé primaire, sans pagination : "
					+ "chaque version d'un jeu est écrite une fois dans un fichier, servi ensuite tel quel. ETag et Last-Modified permettent une requête "
					+ "conditionnelle (If-None-Match, If-Modified-Since → 304).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Le fichier, selon l'extension",
			content = {
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
							schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
							array = @io.swagger.v3.oas.annotations.media.ArraySchema(
									schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object"))),
					@io.swagger.v3.oas.annotations.media.Content(
							mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")) })
	@GetMapping(BASE + "/campaigns/{id}/{dataset:[a-z-]+}.{format:csv|json|xlsx}")
	void download(@PathVariable UUID id, @Parameter(description = "propositions, soutiens, decisions, "
			+ "projets-finances, groupes-de-travail, entonnoir") @PathVariable String dataset,
			@PathVariable String format, HttpServletRequest request, HttpServletResponse response) throws IOException {
		var campaign = new CampaignId(id);
		var set = catalog.dataset(dataset).orElseThrow(() -> unknownDataset(dataset));
		var snapshot = set.snapshot(campaign).orElseThrow(() -> unknownCampaign(id));
		var tabular = TabularFormat.ofExtension(format);
		if (tabular == TabularFormat.XLSX && snapshot.rowCount() > TabularFormat.XLSX_MAX_ROWS) {
			throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE, "Ce jeu de données compte "
					+ snapshot.rowCount() + " lignes, plus qu'une feuille de calcul n'en contient (1 048 575) : "
					+ "téléchargez le CSV.");
		}
		var etag = etag(set, campaign, snapshot.version(), tabular.extension());
		var web = new ServletWebRequest(request, response);
		if (web.checkNotModified(etag, snapshot.lastUpdate().toEpochMilli())) {
			return;
		}
		// written to its file (or found there) before anything is sent: the database is left before the client reads
		try (var file = catalog.files().open(set, campaign, snapshot, tabular)) {
			response.setContentType(tabular.mediaType());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(fileName(set, id, tabular.extension()), StandardCharsets.UTF_8).build().toString());
			response.setHeader(HttpHeaders.LINK, "<" + BASE + "/schemas/" + set.id() + ".json>; rel=\"describedby\"");
			response.setHeader("X-Total-Count", Long.toString(snapshot.rowCount()));
			long length = file.channel().size();
			response.setContentLengthLong(length);
			if (request.getMethod().equals("HEAD")) {
				return;
			}
			if (zeroCopy(request)) {
				// the container sends the file from the kernel's page cache (sendfile) once this method returns
				request.setAttribute(SENDFILE + "filename", file.path().toAbsolutePath().toString());
				request.setAttribute(SENDFILE + "start", 0L);
				request.setAttribute(SENDFILE + "end", length);
				return;
			}
			file.channel().transferTo(0, length, Channels.newChannel(response.getOutputStream()));
		}
	}

	/** The container's request attributes of a file sent by the kernel (Tomcat's NIO connector). */
	private static final String SENDFILE = "org.apache.tomcat.sendfile.";

	/**
	 * Whether the file is sent as it is by the kernel: when the container offers it and the client does not take gzip
	 * (a browser's download stays compressed by the container, which never compresses a file sent that way).
	 */
	private static boolean zeroCopy(HttpServletRequest request) {
		var encodings = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		return Boolean.TRUE.equals(request.getAttribute(SENDFILE + "support"))
				&& (encodings == null || !encodings.toLowerCase(java.util.Locale.ROOT).contains("gzip"));
	}

	@Operation(summary = "Schéma (Table Schema) d'un jeu de données",
			description = "Noms, types, descriptions et contraintes des champs, clé primaire et clés étrangères.")
	@GetMapping(path = { BASE + "/schemas/{dataset:[a-z-]+}.json", BASE + "/campaigns/{id}/{dataset:[a-z-]+}/schema.json" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> schema(@PathVariable String dataset) {
		return OpenDataCatalog.schemaJson(catalog.dataset(dataset).orElseThrow(() -> unknownDataset(dataset)));
	}

	@Operation(summary = "Description (Data Package) des jeux de données d'une campagne",
			description = "Licence, producteur, dernière mise à jour, nombre de lignes et adresses de chaque jeu.")
	@GetMapping(path = BASE + "/campaigns/{id}/datapackage.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> dataPackage(@PathVariable UUID id) {
		var campaign = catalog.campaign(new CampaignId(id)).orElseThrow(() -> unknownCampaign(id));
		var entries = catalog.entries(campaign.id());
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		var json = new LinkedHashMap<String, Object>();
		json.put("name", "cocon-" + id);
		json.put("title", "Données ouvertes de la campagne « " + campaign.title() + " »");
		json.put("description", campaign.description());
		json.put("licenses", List.of(OpenDataCatalog.licence()));
		json.put("contributors", List.of(OpenDataCatalog.ordered("title", OpenDataLicence.PRODUCER, "role", "author")));
		json.put("created", TabularFormat.dateTime(campaign.createdAt()));
		json.put("lastUpdate", TabularFormat.dateTime(OpenDataCatalog.lastUpdate(entries, campaign.createdAt())));
		var resources = new ArrayList<Map<String, Object>>();
		for (var entry : entries) {
			var r = new LinkedHashMap<String, Object>();
			r.put("name", entry.dataset().id());
			r.put("title", entry.dataset().title());
			r.put("description", entry.dataset().description());
			r.put("path", base + BASE + "/campaigns/" + id + "/" + entry.dataset().id() + ".csv");
			r.put("format", "csv");
			r.put("mediatype", "text/csv");
			r.put("encoding", "utf-8");
			r.put("schema", base + BASE + "/schemas/" + entry.dataset().id() + ".json");
			r.put("licenses", List.of(OpenDataCatalog.licence()));
			r.put("lastUpdate", TabularFormat.dateTime(entry.snapshot().lastUpdate()));
			r.put("rowCount", entry.snapshot().rowCount());
			if (entry.csvBytes() != null) {
				r.put("bytes", entry.csvBytes());
			}
			resources.add(r);
		}
		json.put("resources", resources);
		return json;
	}

	@Operation(summary = "Catalogue DCAT-AP (JSON-LD) de toutes les campagnes",
			description = "Pour le moissonnage par data.gouv.fr : un jeu de données DCAT par jeu et par campagne, "
					+ "ses distributions CSV, JSON et XLSX, sa licence et sa dernière mise à jour.")
	// JSON-LD whatever the client says it accepts: a harvester and a person following the link both get the file
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Le catalogue DCAT-AP 3.0.1",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/ld+json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
	@GetMapping(path = { "/donnees-ouvertes/catalogue.jsonld", BASE + "/catalogue.jsonld" })
	ResponseEntity<byte[]> catalogue() {
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		var answer = catalogues.catalogue(base, () -> DcatCatalogue.of(catalog, base));
		return ResponseEntity.ok().contentType(JSON_LD).header(HttpHeaders.ETAG, answer.etag()).body(answer.json());
	}

	private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

	static String etag(OpenDataset dataset, CampaignId campaign, String version, String format) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(
					(dataset.id() + "|" + campaign.id() + "|" + version + "|" + format).getBytes(StandardCharsets.UTF_8));
			// weak: the same rows, gzipped or not (the servlet container compresses only under a weak ETag)
			return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String fileName(OpenDataset dataset, UUID campaign, String extension) {
		return "cocon-" + campaign.toString().substring(0, 8) + "-" + dataset.id() + "." + extension;
	}

	static ResponseStatusException unknownDataset(String dataset) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun jeu de données ne s'appelle « " + dataset
				+ " ». Les jeux publiés sont : " + String.join(", ", OpenDataCatalog.ORDER.subList(0, 6)) + ".");
	}

	static ResponseStatusException unknownCampaign(UUID id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune campagne ne porte l'identifiant " + id + ".");
	}
}
