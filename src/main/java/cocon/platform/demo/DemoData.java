package cocon.platform.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Demonstration data of the embedded default run ({@code demo} profile): when the instance has no campaign yet, two
 * campaigns are prepared once after start-up, through the application's own public HTTP API on localhost and the
 * demo identities, as its users would (modules learn of each other only through events, so each step that depends
 * on another module is retried, bounded, until accepted):
 * <ol>
 * <li>« Démonstration — Coconstruction de services numériques », open to contributions now;</li>
 * <li>« Démonstration — soutiens ouverts »: twelve agents of communes contribute, the curator makes six proposals of
 * ten contributions, publishes them, reorients one contribution and rejects another; the administrator then moves
 * the calendar to open the support window now, and twenty communes support the proposals.</li>
 * </ol>
 * Never fails the start-up: an error is logged as a warning and the seeding stops. Off with
 * {@code cocon.demo.seed=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoData {

	static final String OPEN_CAMPAIGN = "Démonstration — Coconstruction de services numériques";
	static final String SUPPORTS_CAMPAIGN = "Démonstration — soutiens ouverts";

	private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final Duration TIMEOUT = Duration.ofMinutes(3);
	private static final Set<Integer> NOT_YET = Set.of(404, 409);

	private static final List<String> THEMES = List.of("Dématérialisation", "Mobilités", "Énergie", "Accessibilité",
			"Urbanisme", "Logement", "Relation usagers", "Santé", "Éducation", "Environnement", "Culture", "Sécurité",
			"Solidarités");

	/** A need expressed by an agent: title, need, theme, the agent's function. */
	private record Need(String title, String need, String theme, String function) {
	}

	private static final List<Need> NEEDS = List.of(
			new Need("Un guichet unique pour les demandes d'état civil",
					"Les usagers demandent leurs actes par courrier, courriel et au guichet : un téléservice commun éviterait les ressaisies.",
					"Dématérialisation", "Directrice des services à la population"),
			new Need("Suivi en ligne des demandes d'urbanisme",
					"Les pétitionnaires nous appellent pour savoir où en est leur permis : ils devraient le voir en ligne.",
					"Dématérialisation", "Instructeur du droit des sols"),
			new Need("Covoiturage domicile-travail des agents",
					"Nos agents viennent de loin sans transport en commun : un outil de covoiturage entre collectivités voisines aiderait.",
					"Mobilités", "Chargée de mission mobilités"),
			new Need("Information voyageurs en temps réel pour les petites lignes",
					"Les horaires des cars interurbains ne sont connus qu'en papier : il faudrait les publier en données ouvertes.",
					"Mobilités", "Responsable des transports"),
			new Need("Tableau de bord des consommations d'énergie des bâtiments",
					"Nous relevons les compteurs à la main ; un tableau de bord partagé aiderait à tenir le décret tertiaire.",
					"Énergie", "Économe de flux"),
			new Need("Suivi des chaufferies et de l'éclairage public",
					"Pouvoir couper et programmer l'éclairage public à distance, quartier par quartier.",
					"Énergie", "Technicien des bâtiments"),
			new Need("Des démarches en ligne accessibles à tous",
					"Nos formulaires ne sont pas lisibles par les lecteurs d'écran : un modèle accessible commun nous manque.",
					"Accessibilité", "Référente accessibilité numérique"),
			new Need("Prise de rendez-vous en mairie pour les personnes sourdes",
					"Proposer la visio en langue des signes et la transcription lors des rendez-vous en mairie.",
					"Accessibilité", "Responsable de l'accueil"),
			new Need("Bourse aux logements communaux",
					"Publier les logements communaux vacants et recevoir les candidatures en ligne.",
					"Logement", "Chargé de l'habitat"),
			new Need("Signalements des usagers sur l'espace public",
					"Nids-de-poule, dépôts sauvages, lampadaires en panne : un outil de signalement avec photo et suivi.",
					"Relation usagers", "Directeur de la relation aux usagers"),
			new Need("Un logiciel de paie mutualisé",
					"Notre logiciel de paie n'est plus maintenu ; nous cherchons un marché pour le remplacer.",
					"Dématérialisation", "Responsable des ressources humaines"),
			new Need("Des tablettes pour le conseil municipal",
					"Équiper les élus de tablettes pour les séances du conseil municipal.",
					"Éducation", "Secrétaire de mairie"));

	/** A proposal: title, summary, theme, the needs (indices in {@link #NEEDS}) it gathers. */
	private record Grouping(String title, String summary, String theme, List<Integer> needs) {
	}

	private static final List<Grouping> GROUPINGS = List.of(
			new Grouping("Démarches d'état civil et d'urbanisme en ligne",
					"Un téléservice commun pour demander ses actes d'état civil et suivre ses demandes d'urbanisme, relié aux logiciels métier des communes.",
					"Dématérialisation", List.of(0, 1)),
			new Grouping("Mobilités du quotidien dans les territoires peu denses",
					"Covoiturage entre collectivités voisines et horaires des lignes interurbaines publiés en données ouvertes, en temps réel.",
					"Mobilités", List.of(2, 3)),
			new Grouping("Pilotage énergétique du patrimoine communal",
					"Un tableau de bord partagé des consommations des bâtiments et le pilotage à distance de l'éclairage public.",
					"Énergie", List.of(4, 5)),
			new Grouping("Démarches accessibles et rendez-vous adaptés",
					"Des modèles de formulaires accessibles (RGAA) et la prise de rendez-vous avec interprétation en langue des signes.",
					"Accessibilité", List.of(6, 7)),
			new Grouping("Bourse aux logements communaux",
					"Publier les logements communaux vacants et instruire les candidatures en ligne.",
					"Logement", List.of(8)),
			new Grouping("Signalements sur l'espace public",
					"Un outil de signalement avec photo, géolocalisation et suivi jusqu'à la résolution.",
					"Relation usagers", List.of(9)));

	private static final int REORIENTED = 10;
	private static final int REJECTED = 11;
	private static final int SUPPORTERS = 20;

	private volatile CompletableFuture<Boolean> completion = CompletableFuture.completedFuture(false);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		var future = new CompletableFuture<Boolean>();
		completion = future;
		var thread = new Thread(() -> {
			try {
				future.complete(seedIfEmpty(port));
			}
			catch (RuntimeException e) {
				LOG.warn("Données de démonstration : préparation interrompue ({}). L'instance reste utilisable.",
						e.getMessage());
				future.complete(false);
			}
		}, "cocon-demo-data");
		thread.setDaemon(true);
		thread.start();
	}

	/** The seeding started after start-up: true once it has seeded, false if it had nothing to do or failed. */
	CompletableFuture<Boolean> completion() {
		return completion;
	}

	/** Seeds the two campaigns if the instance has none; true if it did. */
	boolean seedIfEmpty(int port) {
		var api = new Api(port);
		var campaigns = api.expect(api.call(HttpMethod.GET, "/api/campaigns", null, null), 200, "GET /api/campaigns");
		if (!campaigns.isEmpty()) {
			LOG.info("Données de démonstration : l'instance a déjà {} campagne(s), rien n'est ajouté.", campaigns.size());
			return false;
		}
		LOG.info("Données de démonstration : instance vide, préparation de deux campagnes par l'API (cocon.demo.seed=false pour s'en passer)…");
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var open = now.minusDays(1);

		var first = api.schedule(OPEN_CAMPAIGN,
				"Campagne de démonstration ouverte aux contributions : connectez-vous comme agent d'une collectivité pour proposer un besoin.",
				calendar(open, now.plusDays(30), now.plusDays(31), now.plusDays(45)));
		LOG.info("Données de démonstration : campagne « {} » créée ({}), contributions ouvertes 30 jours.", OPEN_CAMPAIGN, first);

		var second = api.schedule(SUPPORTS_CAMPAIGN,
				"Campagne de démonstration en période de soutien : les collectivités soutiennent les propositions publiées.",
				calendar(open, now.plusDays(30), now.plusDays(31), now.plusDays(45)));
		LOG.info("Données de démonstration : campagne « {} » créée ({}).", SUPPORTS_CAMPAIGN, second);

		var communes = api.communes(NEEDS.size() + SUPPORTERS, deadline);
		var contributions = new ArrayList<String>();
		for (int i = 0; i < NEEDS.size(); i++) {
			var need = NEEDS.get(i);
			var body = JSON.createObjectNode().put("title", need.title()).put("need", need.need()).put("theme", need.theme())
					.put("authorRole", "AGENT").put("authorFunction", need.function());
			// intake learns of the campaign from governance's event: 404 until then
			var created = api.until(HttpMethod.POST, "/api/campaigns/" + second + "/contributions",
					"agent-" + communes.get(i), body, 201, deadline);
			contributions.add(created.get("id").asString());
		}
		LOG.info("Données de démonstration : {} contributions déposées par des agents de communes.", contributions.size());

		var proposals = new ArrayList<String>();
		for (var grouping : GROUPINGS) {
			var body = JSON.createObjectNode().put("title", grouping.title()).put("summary", grouping.summary())
					.put("theme", grouping.theme());
			var ids = body.putArray("contributionIds");
			grouping.needs().forEach(n -> ids.add(contributions.get(n)));
			// curation learns of the campaign and of the contributions from events: 404/409 until then
			var created = api.until(HttpMethod.POST, "/api/campaigns/" + second + "/proposals", "curator", body, 201,
					deadline);
			var id = created.get("id").asString();
			api.until(HttpMethod.POST, "/api/proposals/" + id + "/publication", "curator", null, 204, deadline);
			proposals.add(id);
		}
		api.until(HttpMethod.POST, "/api/contributions/" + contributions.get(REORIENTED) + "/reorientation", "curator",
				JSON.createObjectNode().put("target", "Centrale d'achat public (UGAP)")
						.put("note", "Un logiciel de paie relève d'un marché mutualisé existant, pas d'un service à co-construire."),
				204, deadline);
		api.until(HttpMethod.POST, "/api/contributions/" + contributions.get(REJECTED) + "/rejection", "curator",
				JSON.createObjectNode().put("reason", "Un équipement en matériel n'est pas un service numérique partagé."),
				204, deadline);
		LOG.info("Données de démonstration : {} propositions publiées, une contribution réorientée, une rejetée.",
				proposals.size());

		var moved = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		api.expect(api.call(HttpMethod.PUT, "/api/campaigns/" + second + "/calendar", "admin",
				calendar(open, moved.minusMinutes(1), moved.minusSeconds(30), moved.plusDays(30))), 200,
				"PUT /api/campaigns/{id}/calendar");
		// voting learns of the publications and of the calendar from events
		api.await("voting liste les propositions publiées", deadline, () -> {
			var listed = api.call(HttpMethod.GET, "/api/campaigns/" + second + "/proposals", null, null);
			return listed.getStatusCode().value() == 200 && json(listed).size() == proposals.size();
		});
		api.await("voting voit la période de soutien ouverte", deadline, () -> {
			var window = api.call(HttpMethod.GET, "/api/campaigns/" + second + "/supports-over-time", null, null);
			return window.getStatusCode().value() == 200
					&& !OffsetDateTime.parse(json(window).get("opens").asString()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
		});
		LOG.info("Données de démonstration : période de soutien ouverte pour 30 jours, les communes soutiennent…");

		int supports = 0;
		for (int c = 0; c < SUPPORTERS; c++) {
			// a ranking rather than a tie: the first proposal gets every support, the last a few
			for (int p = 0; p <= c % proposals.size(); p++) {
				api.until(HttpMethod.PUT, "/api/proposals/" + proposals.get(p) + "/support",
						"agent-" + communes.get(NEEDS.size() + c), null, 201, deadline);
				supports++;
			}
		}
		LOG.info("Données de démonstration prêtes : « {} » ouverte aux contributions, « {} » avec {} propositions et {} soutiens de {} communes.",
				OPEN_CAMPAIGN, SUPPORTS_CAMPAIGN, proposals.size(), supports, SUPPORTERS);
		return true;
	}

	/** A calendar in the order {@link cocon.shared.CampaignCalendar} requires. */
	private static ObjectNode calendar(OffsetDateTime contributionsOpen, OffsetDateTime contributionsClose,
			OffsetDateTime supportsOpen, OffsetDateTime supportsClose) {
		LocalDate shortlist = supportsClose.atZoneSameInstant(PARIS).toLocalDate().plusDays(2);
		var referentsOpen = shortlist.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime();
		var calendar = JSON.createObjectNode();
		window(calendar.putObject("contributions"), contributionsOpen, contributionsClose);
		window(calendar.putObject("supports"), supportsOpen, supportsClose);
		window(calendar.putObject("referentApplications"), referentsOpen, referentsOpen.plusDays(20));
		calendar.put("shortlistDecision", shortlist.toString());
		calendar.put("fundingDecision", shortlist.plusDays(60).toString());
		return calendar;
	}

	private static void window(ObjectNode node, OffsetDateTime opens, OffsetDateTime closes) {
		node.put("opens", opens.toString());
		node.put("closes", closes.toString());
	}

	private static JsonNode json(ResponseEntity<String> response) {
		var body = response.getBody();
		return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
	}

	/** The application's own API on localhost, signed in with the demo identities over HTTP Basic. */
	private static final class Api {

		private final RestClient client;

		Api(int port) {
			this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
		}

		ResponseEntity<String> call(HttpMethod method, String path, String user, JsonNode body) {
			var request = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON);
			if (user != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
			}
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
			}
			return request.retrieve().onStatus(status -> true, (req, res) -> {
			}).toEntity(String.class);
		}

		JsonNode expect(ResponseEntity<String> response, int expected, String what) {
			if (response.getStatusCode().value() != expected) {
				throw new IllegalStateException(what + " → " + response.getStatusCode().value() + " " + response.getBody());
			}
			return json(response);
		}

		String schedule(String title, String description, ObjectNode calendar) {
			var body = JSON.createObjectNode().put("title", title).put("description", description)
					.put("envelopeEuros", 30_000_000L).put("targetShortlistSize", 17);
			THEMES.forEach(body.putArray("themes")::add);
			var kinds = body.putArray("supportKinds");
			List.of("COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE").forEach(kinds::add);
			body.set("calendar", calendar);
			return expect(call(HttpMethod.POST, "/api/campaigns", "admin", body), 201, "POST /api/campaigns")
					.get("id").asString();
		}

		/** SIRENs of distinct communes of the directory (the most populated first). */
		List<String> communes(int wanted, long deadline) {
			var sirens = new ArrayList<String>();
			await("l'annuaire donne " + wanted + " communes", deadline, () -> {
				sirens.clear();
				var page = call(HttpMethod.GET, "/api/collectivites?kind=COMMUNE&size=50", null, null);
				if (page.getStatusCode().value() == 200) {
					json(page).path("content").forEach(c -> sirens.add(c.get("siren").asString()));
				}
				return sirens.size() >= wanted;
			});
			return sirens.subList(0, wanted);
		}

		/** Sends until the expected status; 404/409 mean another module has not received the event yet. */
		JsonNode until(HttpMethod method, String path, String user, JsonNode body, int expected, long deadline) {
			var what = method + " " + path;
			while (true) {
				var response = call(method, path, user, body);
				int status = response.getStatusCode().value();
				if (status == expected) {
					return json(response);
				}
				if (!NOT_YET.contains(status) || System.nanoTime() > deadline) {
					return expect(response, expected, what);
				}
				pause();
			}
		}

		void await(String what, long deadline, BooleanSupplier condition) {
			while (!condition.getAsBoolean()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("délai dépassé : " + what);
				}
				pause();
			}
		}

		private static void pause() {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("préparation interrompue", e);
			}
		}
	}
}
