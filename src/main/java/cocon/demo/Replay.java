package cocon.demo;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

import cocon.demo.Consultation2021.Need;
import cocon.shared.CampaignCalendar;
import cocon.shared.Window;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One replay of the 2021 consultation, through the application's API, at the instants of 2021's calendar shifted by
 * whole days so that today stands for the day of the chosen {@link Moment}. Each step is taken at its replayed
 * instant (the {@link ReplayClock} is set to it first) and only if that instant is not after the present one: the
 * replay stops where 2021 stood on that day. Everything is drawn from a fixed seed, so two replays at the same
 * moment and the same hour tell the same story.
 */
final class Replay {

	private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final NumberFormat FRENCH = NumberFormat.getIntegerInstance(Locale.FRANCE);

	static final int CONTRIBUTIONS = 476;
	static final int GROUPED = 391;
	static final int REORIENTED = 81;
	static final int REJECTED = 4;
	static final int SUPPORTS = 531;
	static final int SHORTLISTED = 17;
	static final int FUNDED = 44;
	static final long ENVELOPE = 30_000_000L;

	// 2021's calendar, in Europe/Paris time
	private static final LocalDateTime SCHEDULED = LocalDateTime.of(2021, 1, 11, 10, 0);
	private static final LocalDateTime CONTRIBUTIONS_OPEN = LocalDateTime.of(2021, 1, 25, 0, 0);
	private static final LocalDateTime CONTRIBUTIONS_CLOSE = LocalDateTime.of(2021, 3, 15, 23, 59, 59);
	private static final LocalDateTime SUPPORTS_OPEN = LocalDateTime.of(2021, 4, 1, 0, 0);
	private static final LocalDateTime SUPPORTS_CLOSE = LocalDateTime.of(2021, 4, 30, 23, 59, 59);
	private static final LocalDate SHORTLIST_DAY = LocalDate.of(2021, 5, 3);
	private static final LocalDateTime REFERENTS_OPEN = LocalDateTime.of(2021, 5, 4, 0, 0);
	private static final LocalDateTime REFERENTS_CLOSE = LocalDateTime.of(2021, 6, 11, 23, 59, 59);
	private static final LocalDate FUNDING_DAY = LocalDate.of(2021, 7, 5);

	/** A collectivité of the directory. */
	record Org(String siren, String name, String kind, long population) {

		String agent() {
			return "agent-" + siren;
		}
	}

	/** What the replay did, for the log and the administrator's page. */
	record Result(String campaignId, int contributions, int proposals, int published, int supports, int shortlisted,
			int referents, int workshops, int funded) {
	}

	private enum Fate {
		GROUPED, REORIENTED, REJECTED
	}

	private static final class Contribution {
		Fate fate;
		int index; // of the need, of the programme or of the ineligible need
		Org by;
		LocalDateTime at;
		String id;
	}

	private final DemoApi api;
	private final ReplayClock clock;
	private final long shiftDays;
	private final Instant present;
	private final Random random = new Random(2021);

	private String campaign;
	private int submitted;
	private int proposalsMade;
	private int published;
	private int supportsGiven;
	private int shortlisted;
	private int referents;
	private int workshops;
	private int funded;

	Replay(DemoApi api, ReplayClock clock, Moment moment, Instant present) {
		this.api = api;
		this.clock = clock;
		this.present = present;
		this.shiftDays = ChronoUnit.DAYS.between(moment.day(), present.atZone(PARIS).toLocalDate());
	}

	/** The instant of 2021 moved to the demo's calendar. */
	Instant shifted(LocalDateTime in2021) {
		return in2021.plusDays(shiftDays).atZone(PARIS).toInstant();
	}

	LocalDate shifted(LocalDate in2021) {
		return in2021.plusDays(shiftDays);
	}

	/** Moves the replay to this instant of 2021, unless it lies after the present: false then. */
	private boolean at(LocalDateTime in2021) {
		var instant = shifted(in2021);
		if (instant.isAfter(present)) {
			return false;
		}
		clock.replayAt(instant);
		return true;
	}

	Result run() {
		// the directory, read as anyone may: communes of every size, groupements, départements, régions
		api.await("l'annuaire des collectivités est chargé", () -> {
			var page = api.call(HttpMethod.GET, "/api/collectivites?kind=COMMUNE&size=1", null, null);
			return page.getStatusCode().value() == 200 && DemoApi.json(page).path("totalElements").asLong() > 1000;
		});
		var communes = communes();
		var epcis = directory("EPCI", 0, 2);
		var departements = directory("DEPARTEMENT", 0, 1);
		var regions = directory("REGION", 0);
		var particulieres = directory("COLLECTIVITE_PARTICULIERE", 0);

		var plan = contributions(communes, epcis, departements, regions, particulieres);
		var supports = supports(communes, departements, regions, particulieres);

		if (!at(SCHEDULED)) {
			return result();
		}
		schedule();
		if (!contribute(plan)) {
			return result();
		}
		var proposals = new ArrayList<String>();
		if (!curate(plan, proposals) || !support(proposals, supports)) {
			return result();
		}
		var conflicted = proposals.get(titleIndex(Consultation2021.KNOWN_SHORTLIST.get(1)));
		if (!committee(proposals, conflicted)) {
			return result();
		}
		var retained = shortlist(proposals, supports);
		if (retained.isEmpty()) {
			return result();
		}
		if (!referents(retained, supports, communes, epcis, departements)) {
			return result();
		}
		fund(retained, conflicted);
		return result();
	}

	private Result result() {
		return new Result(campaign, submitted, proposalsMade, published, supportsGiven, shortlisted, referents,
				workshops, funded);
	}

	// the directory ---------------------------------------------------------------------------------------------

	private List<Org> directory(String kind, int... pages) {
		var found = new ArrayList<Org>();
		for (int page : pages) {
			for (var c : api.get("/api/collectivites?kind=" + kind + "&size=100&page=" + page, null).path("content")) {
				found.add(new Org(c.get("siren").asString(), c.get("name").asString(), kind,
						c.path("population").asLong()));
			}
		}
		return found;
	}

	/** Communes from the largest cities to villages of a few hundred inhabitants (the directory ranks by population). */
	private List<Org> communes() {
		int pages = api.get("/api/collectivites?kind=COMMUNE&size=100", null).path("totalPages").asInt();
		var found = new ArrayList<Org>();
		for (double rank : new double[] { 0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9 }) {
			found.addAll(directory("COMMUNE", (int) Math.min(pages - 1, Math.round(rank * pages))));
		}
		var distinct = new LinkedHashMap<String, Org>();
		found.forEach(o -> distinct.putIfAbsent(o.siren(), o));
		return List.copyOf(distinct.values());
	}

	// 1. the campaign -------------------------------------------------------------------------------------------

	private void schedule() {
		var body = DemoApi.JSON.createObjectNode().put("title", Consultation2021.TITLE)
				.put("description", Consultation2021.DESCRIPTION).put("envelopeEuros", ENVELOPE)
				.put("targetShortlistSize", SHORTLISTED);
		var themes = body.putArray("themes");
		Consultation2021.NEEDS.stream().map(Need::theme).distinct().forEach(themes::add);
		var supportKinds = body.putArray("supportKinds");
		List.of("COMMUNE", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE").forEach(supportKinds::add);
		var groupKinds = body.putArray("workingGroupKinds");
		List.of("COMMUNE", "EPCI", "DEPARTEMENT", "REGION", "COLLECTIVITE_PARTICULIERE").forEach(groupKinds::add);
		var shape = calendar();
		var calendar = body.putObject("calendar");
		window(calendar.putObject("contributions"), shape.contributions());
		window(calendar.putObject("supports"), shape.supports());
		window(calendar.putObject("referentApplications"), shape.referentApplications());
		calendar.put("shortlistDecision", shape.shortlistDecision().toString());
		calendar.put("fundingDecision", shape.fundingDecision().toString());
		campaign = api.send(HttpMethod.POST, "/api/campaigns", "admin", body, 201).get("id").asString();
		LOG.info("Démonstration : campagne « {} » programmée ({}).", Consultation2021.TITLE, campaign);
	}

	/** 2021's calendar, shifted: the shared kernel's value object checks its order. */
	CampaignCalendar calendar() {
		return new CampaignCalendar(new Window(shifted(CONTRIBUTIONS_OPEN), shifted(CONTRIBUTIONS_CLOSE)),
				new Window(shifted(SUPPORTS_OPEN), shifted(SUPPORTS_CLOSE)),
				new Window(shifted(REFERENTS_OPEN), shifted(REFERENTS_CLOSE)), shifted(SHORTLIST_DAY),
				shifted(FUNDING_DAY));
	}

	private static void window(ObjectNode node, Window window) {
		node.put("opens", window.opens().toString());
		node.put("closes", window.closes().toString());
	}

	// 2. contributions ------------------------------------------------------------------------------------------

	private List<Contribution> contributions(List<Org> communes, List<Org> epcis, List<Org> departements,
			List<Org> regions, List<Org> particulieres) {
		int needs = Consultation2021.NEEDS.size();
		// every proposal gathers at least two contributions; the known shortlisted ones gather many
		var sizes = new int[needs];
		var weights = new double[needs];
		for (int i = 0; i < needs; i++) {
			sizes[i] = 2;
			weights[i] = Consultation2021.KNOWN_SHORTLIST.contains(Consultation2021.NEEDS.get(i).title()) ? 5
					: 0.4 + 2.2 * random.nextDouble();
		}
		for (int left = GROUPED - 2 * needs; left > 0; left--) {
			sizes[pick(weights)]++;
		}
		var plan = new ArrayList<Contribution>();
		for (int i = 0; i < needs; i++) {
			for (int k = 0; k < sizes[i]; k++) {
				plan.add(contribution(Fate.GROUPED, i));
			}
		}
		for (int k = 0; k < REORIENTED; k++) {
			plan.add(contribution(Fate.REORIENTED, k % Consultation2021.REORIENTED.size()));
		}
		for (int k = 0; k < REJECTED; k++) {
			plan.add(contribution(Fate.REJECTED, k));
		}
		Collections.shuffle(plan, random);
		var times = spread(CONTRIBUTIONS, CONTRIBUTIONS_OPEN.toLocalDate(), CONTRIBUTIONS_CLOSE.toLocalDate(), 7, 20);
		for (int i = 0; i < plan.size(); i++) {
			var c = plan.get(i);
			double kind = random.nextDouble();
			c.by = kind < 0.68 ? communes.get(random.nextInt(communes.size()))
					: kind < 0.81 ? epcis.get(random.nextInt(epcis.size()))
							: kind < 0.94 ? departements.get(random.nextInt(departements.size()))
									: kind < 0.99 || particulieres.isEmpty() ? regions.get(random.nextInt(regions.size()))
											: particulieres.get(random.nextInt(particulieres.size()));
			c.at = times.get(i);
		}
		return plan;
	}

	private static Contribution contribution(Fate fate, int index) {
		var c = new Contribution();
		c.fate = fate;
		c.index = index;
		return c;
	}

	private boolean contribute(List<Contribution> plan) {
		for (var c : plan) {
			if (!at(c.at)) {
				LOG.info("Démonstration : {} contributions reçues à ce jour.", submitted);
				return false;
			}
			var role = random.nextDouble();
			var authorRole = role < 0.3 ? "ELU" : role < 0.85 ? "AGENT" : "PARTENAIRE";
			var body = DemoApi.JSON.createObjectNode().put("title", title(c)).put("need", need(c))
					.put("theme", theme(c)).put("authorRole", authorRole).put("authorFunction", function(authorRole, c.by));
			// intake learns of the campaign from governance's event: 404 until then
			c.id = api.until(HttpMethod.POST, "/api/campaigns/" + campaign + "/contributions", c.by.agent(), body, 201)
					.get("id").asString();
			submitted++;
		}
		LOG.info("Démonstration : {} contributions reçues.", submitted);
		return true;
	}

	private static String theme(Contribution c) {
		return switch (c.fate) {
			case GROUPED -> Consultation2021.NEEDS.get(c.index).theme();
			case REORIENTED -> Consultation2021.REORIENTED.get(c.index).theme();
			case REJECTED -> Consultation2021.REJECTED.get(c.index).theme();
		};
	}

	private String title(Contribution c) {
		return switch (c.fate) {
			case GROUPED -> {
				var need = Consultation2021.NEEDS.get(c.index);
				yield switch (random.nextInt(5)) {
					case 0, 1 -> need.title();
					case 2 -> "Un outil commun pour " + need.subject();
					case 3 -> capitalised(need.subject()) + " : besoin d'une solution mutualisée";
					default -> "Notre besoin : " + need.subject();
				};
			}
			case REORIENTED -> Consultation2021.REORIENTED.get(c.index).title();
			case REJECTED -> Consultation2021.REJECTED.get(c.index).title();
		};
	}

	private static final List<String> DETAILS = List.of("Aujourd'hui tout passe par le téléphone et le courriel.",
			"Chaque service tient son propre tableur.", "Les solutions du marché sont trop chères pour notre taille.",
			"Nous avons essayé un outil gratuit, qui n'est plus maintenu.",
			"Les habitants nous le demandent à chaque réunion publique.",
			"Nos agents y passent plusieurs heures chaque semaine.",
			"Les communes voisines rencontrent exactement la même difficulté.",
			"La crise sanitaire a rendu le besoin urgent.");

	/** Ways of stating the same pain, so that contributions grouped together do not read alike. */
	private static final List<String> FRAMINGS = List.of("", "", "chez nous, ", "aujourd'hui, ", "comme ailleurs, ",
			"le constat est simple : ", "depuis des années, ");

	private static final List<String> WISHES = List.of("Nous aimerions ", "Il nous faudrait ", "Nous proposons ",
			"L'idéal serait ", "Nous demandons ");

	private static final List<String> CLOSINGS = List.of("Nous sommes prêts à tester une première version.",
			"Une solution mutualisée entre collectivités nous semble la bonne échelle.",
			"Nous pouvons partager nos procédures actuelles pour aider à la conception.",
			"L'outil devrait fonctionner aussi pour les plus petites communes.",
			"Nos agents sont volontaires pour participer aux ateliers.", "");

	private String need(Contribution c) {
		var opening = opening(c.by);
		return switch (c.fate) {
			case GROUPED -> {
				var need = Consultation2021.NEEDS.get(c.index);
				yield (opening + " " + capitalised(FRAMINGS.get(random.nextInt(FRAMINGS.size())) + need.pain()) + ". "
						+ DETAILS.get(random.nextInt(DETAILS.size())) + " " + WISHES.get(random.nextInt(WISHES.size()))
						+ need.wish() + ". " + CLOSINGS.get(random.nextInt(CLOSINGS.size()))).strip();
			}
			case REORIENTED -> opening + " " + capitalised(Consultation2021.REORIENTED.get(c.index).pain())
					+ ". Nous cherchons une solution et un financement.";
			case REJECTED -> opening + " " + capitalised(Consultation2021.REJECTED.get(c.index).pain())
					+ ". Nous sollicitons l'appel pour y remédier.";
		};
	}

	private String opening(Org by) {
		var population = FRENCH.format(by.population());
		boolean first = random.nextBoolean();
		return switch (by.kind()) {
			case "COMMUNE" -> by.population() < 1_000
					? first ? "Commune rurale de " + population + " habitants, nous n'avons qu'une secrétaire de mairie à temps partiel."
							: "Dans notre village de " + population + " habitants, le maire et deux agents assurent tout l'accueil."
					: by.population() < 10_000
							? first ? "Commune de " + population + " habitants, nous n'avons pas de service informatique."
									: "Notre commune de " + population + " habitants travaille avec un prestataire informatique quelques jours par an."
							: by.population() < 100_000
									? "Ville de " + population + " habitants, notre direction du numérique compte trois personnes."
									: "À " + by.name() + ", ville de " + population + " habitants, les services reçoivent chaque mois des milliers de demandes.";
			case "EPCI" -> first ? "Notre intercommunalité porte ce sujet pour ses communes membres, qui n'en ont pas les moyens seules."
					: by.name() + " mutualise déjà l'informatique de ses communes membres.";
			case "DEPARTEMENT" -> first ? "Le département accompagne les petites communes sur ce sujet et constate partout la même difficulté."
					: "Au conseil départemental, les maires nous font souvent part de ce besoin.";
			default -> "La collectivité coordonne ce sujet avec les départements et les intercommunalités de son territoire.";
		};
	}

	private String function(String role, Org by) {
		var choices = switch (role) {
			case "ELU" -> switch (by.kind()) {
				case "COMMUNE" -> List.of("Maire", "Maire adjointe au numérique", "Adjoint chargé de la relation aux habitants",
						"Conseillère municipale déléguée");
				case "EPCI" -> List.of("Vice-président chargé du numérique", "Présidente de la communauté");
				case "DEPARTEMENT" -> List.of("Conseillère départementale déléguée au numérique", "Vice-président aux territoires");
				default -> List.of("Vice-présidente chargée du numérique", "Conseiller délégué à la modernisation");
			};
			case "AGENT" -> by.kind().equals("COMMUNE") && by.population() < 2_000
					? List.of("Secrétaire de mairie", "Secrétaire générale de mairie")
					: List.of("Directrice générale des services", "Responsable des systèmes d'information",
							"Chargé de mission transition numérique", "Cheffe de projet relation usagers",
							"Responsable du service urbanisme", "Directeur des finances");
			default -> List.of("Conseiller numérique France Services", "Chargée de mission d'un syndicat mixte numérique",
					"Délégué d'une association d'élus", "Animatrice d'un tiers-lieu partenaire");
		};
		return choices.get(random.nextInt(choices.size()));
	}

	// 3. curation -----------------------------------------------------------------------------------------------

	private record Action(LocalDateTime at, Runnable run) {
	}

	private boolean curate(List<Contribution> plan, List<String> proposals) {
		// curation learns of the contributions from intake's events
		api.await("la curation a reçu les " + submitted + " contributions", () -> api
				.get("/api/campaigns/" + campaign + "/curation-report", null).path("received").asInt() >= submitted);
		int needs = Consultation2021.NEEDS.size();
		for (int i = 0; i < needs; i++) {
			proposals.add(null);
		}
		var decisions = new ArrayList<Runnable>();
		for (int i = 0; i < needs; i++) {
			int need = i;
			decisions.add(() -> propose(need, plan, proposals));
		}
		for (var c : plan) {
			if (c.fate == Fate.REORIENTED) {
				var programme = Consultation2021.REORIENTED.get(c.index);
				decisions.add(() -> api.send(HttpMethod.POST, "/api/contributions/" + c.id + "/reorientation", "curator",
						DemoApi.JSON.createObjectNode().put("target", programme.target()).put("note", programme.note()), 204));
			}
			else if (c.fate == Fate.REJECTED) {
				var ineligible = Consultation2021.REJECTED.get(c.index);
				decisions.add(() -> api.send(HttpMethod.POST, "/api/contributions/" + c.id + "/rejection", "curator",
						DemoApi.JSON.createObjectNode().put("reason", ineligible.reason()), 204));
			}
		}
		Collections.shuffle(decisions, random);
		var times = spread(decisions.size(), LocalDate.of(2021, 3, 16), LocalDate.of(2021, 3, 29), 9, 18);
		var actions = new ArrayList<Action>();
		for (int i = 0; i < decisions.size(); i++) {
			actions.add(new Action(times.get(i), decisions.get(i)));
		}
		var publications = spread(needs, LocalDate.of(2021, 3, 30), LocalDate.of(2021, 3, 31), 9, 17);
		for (int i = 0; i < needs; i++) {
			int need = i;
			actions.add(new Action(publications.get(i), () -> {
				api.send(HttpMethod.POST, "/api/proposals/" + proposals.get(need) + "/publication", "curator", null, 204);
				published++;
			}));
		}
		for (var action : actions) {
			if (!at(action.at())) {
				LOG.info("Démonstration : curation en cours, {} propositions dont {} publiées.", proposalsMade, published);
				return false;
			}
			action.run().run();
		}
		LOG.info("Démonstration : {} propositions publiées, {} contributions réorientées, {} rejetées.", published,
				REORIENTED, REJECTED);
		return true;
	}

	private void propose(int need, List<Contribution> plan, List<String> proposals) {
		var n = Consultation2021.NEEDS.get(need);
		var body = DemoApi.JSON.createObjectNode().put("title", n.title())
				.put("summary", capitalised(n.wish()) + ", pour répondre à un constat partagé : " + n.pain() + ".")
				.put("theme", n.theme());
		var ids = body.putArray("contributionIds");
		plan.stream().filter(c -> c.fate == Fate.GROUPED && c.index == need).forEach(c -> ids.add(c.id));
		var id = api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/proposals", "curator", body, 201).get("id")
				.asString();
		proposals.set(need, id);
		titles.put(id, n.title());
		proposalsMade++;
	}

	// 4. supports -----------------------------------------------------------------------------------------------

	private record PlannedSupport(int need, Org by, LocalDateTime at) {
	}

	private List<PlannedSupport> supports(List<Org> communes, List<Org> departements, List<Org> regions,
			List<Org> particulieres) {
		int needs = Consultation2021.NEEDS.size();
		var weights = new double[needs];
		for (int i = 0; i < needs; i++) {
			// the four proposals known to have been shortlisted were among the most supported
			weights[i] = Consultation2021.KNOWN_SHORTLIST.contains(Consultation2021.NEEDS.get(i).title()) ? 14
					: Math.pow(random.nextDouble(), 2) * 6 + 0.3;
		}
		var supporters = new ArrayList<Org>();
		supporters.addAll(communes);
		supporters.addAll(departements);
		supporters.addAll(regions);
		supporters.addAll(particulieres);
		var given = new HashSet<String>();
		var pairs = new ArrayList<int[]>();
		for (int i = 0; i < needs; i++) { // every proposal has a supporter
			pairs.add(new int[] { i, random.nextInt(supporters.size()) });
			given.add(i + "/" + supporters.get(pairs.get(pairs.size() - 1)[1]).siren());
		}
		while (pairs.size() < SUPPORTS) {
			int need = pick(weights);
			int by = random.nextInt(supporters.size());
			if (given.add(need + "/" + supporters.get(by).siren())) {
				pairs.add(new int[] { need, by });
			}
		}
		Collections.shuffle(pairs, random);
		var times = spread(SUPPORTS, SUPPORTS_OPEN.toLocalDate(), SUPPORTS_CLOSE.toLocalDate(), 8, 21);
		var planned = new ArrayList<PlannedSupport>();
		for (int i = 0; i < SUPPORTS; i++) {
			planned.add(new PlannedSupport(pairs.get(i)[0], supporters.get(pairs.get(i)[1]), times.get(i)));
		}
		return planned;
	}

	private boolean support(List<String> proposals, List<PlannedSupport> supports) {
		// voting learns of the publications from curation's events
		api.await("le vote liste les " + published + " propositions", () -> api
				.get("/api/campaigns/" + campaign + "/proposals", null).size() >= published);
		for (var s : supports) {
			if (!at(s.at())) {
				LOG.info("Démonstration : {} soutiens à ce jour.", supportsGiven);
				return false;
			}
			api.until(HttpMethod.PUT, "/api/proposals/" + proposals.get(s.need()) + "/support", s.by().agent(), null, 201);
			supportsGiven++;
		}
		LOG.info("Démonstration : {} soutiens donnés.", supportsGiven);
		return true;
	}

	// 5. the committee ------------------------------------------------------------------------------------------

	private boolean committee(List<String> proposals, String conflicted) {
		if (!at(LocalDateTime.of(2021, 4, 19, 10, 0))) {
			return false;
		}
		var body = DemoApi.JSON.createObjectNode();
		var members = body.putArray("members");
		Consultation2021.COMMITTEE.forEach(m -> members.addObject().put("username", m.username())
				.put("organisation", m.organisation()));
		api.send(HttpMethod.PUT, "/api/campaigns/" + campaign + "/committee", "admin", body, 200);
		if (!at(LocalDateTime.of(2021, 4, 26, 11, 0))) {
			return false;
		}
		// governance learns of the proposals from curation's events: 404 until then
		api.until(HttpMethod.POST, "/api/proposals/" + conflicted + "/conflicts", "committee3", DemoApi.JSON
				.createObjectNode().put("reason", "Élue d'une métropole dont les services ont contribué à cette proposition."),
				201);
		var assessments = new ArrayList<Runnable>();
		for (var assessor : List.of("committee2", "committee5", "committee4")) {
			for (int i = 0; i < proposals.size(); i++) {
				if (assessor.equals("committee4") && i % 3 != 0) {
					continue; // the DINUM assessed the proposals closest to an existing product only
				}
				var known = Consultation2021.KNOWN_SHORTLIST.contains(Consultation2021.NEEDS.get(i).title());
				int level = known ? 3 + random.nextInt(2) : 1 + random.nextInt(4);
				var proposal = proposals.get(i);
				assessments.add(() -> api.until(HttpMethod.PUT, "/api/proposals/" + proposal + "/maturity", assessor,
						DemoApi.JSON.createObjectNode().put("level", level).put("note", MATURITY.get(level - 1)), 200));
			}
		}
		var times = spread(assessments.size(), LocalDate.of(2021, 4, 27), LocalDate.of(2021, 5, 2), 9, 19);
		for (int i = 0; i < assessments.size(); i++) {
			if (!at(times.get(i))) {
				return false;
			}
			assessments.get(i).run();
		}
		return true;
	}

	private static final List<String> MATURITY = List.of("Idée à préciser avec les territoires.",
			"Besoin clair, aucune solution identifiée.", "Des solutions existent, à adapter et à mutualiser.",
			"Une solution est prête à être déployée.");

	private List<String> shortlist(List<String> proposals, List<PlannedSupport> supports) {
		if (!at(LocalDateTime.of(SHORTLIST_DAY, LocalTime.of(14, 0)))) {
			return List.of();
		}
		var counts = new int[proposals.size()];
		supports.forEach(s -> counts[s.need()]++);
		var retained = new ArrayList<Integer>();
		Consultation2021.KNOWN_SHORTLIST.forEach(title -> retained.add(titleIndex(title)));
		var ranked = new ArrayList<Integer>();
		for (int i = 0; i < proposals.size(); i++) {
			ranked.add(i);
		}
		ranked.sort(Comparator.comparingInt((Integer i) -> counts[i]).reversed());
		for (int i : ranked) {
			if (retained.size() < SHORTLISTED && !retained.contains(i)) {
				retained.add(i);
			}
		}
		var body = DemoApi.JSON.createObjectNode().put("rationale",
				"Le comité retient les besoins les plus largement partagés par les collectivités et les plus mûrs, "
						+ "au-delà de la dizaine annoncée, pour couvrir les territoires ruraux comme urbains.");
		var ids = body.putArray("proposalIds");
		retained.forEach(i -> ids.add(proposals.get(i)));
		api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/shortlist", "committee5", body, 201);
		shortlisted = retained.size();
		LOG.info("Démonstration : {} propositions présélectionnées par le comité.", shortlisted);
		return retained.stream().map(proposals::get).toList();
	}

	// 6. referent territories -----------------------------------------------------------------------------------

	private boolean referents(List<String> retained, List<PlannedSupport> supports, List<Org> communes,
			List<Org> epcis, List<Org> departements) {
		var actions = new ArrayList<Action>();
		var members = new LinkedHashMap<String, List<Org>>();
		// the first three members of each group join in the first week, so that every workshop has attendees
		var early = spread(3 * retained.size(), LocalDate.of(2021, 5, 4), LocalDate.of(2021, 5, 10), 9, 18);
		Collections.shuffle(early, random);
		var lateApplicants = new ArrayList<Runnable>();
		int e = 0;
		for (var proposal : retained) {
			var group = new ArrayList<Org>();
			int need = titleIndex(titles.get(proposal));
			// supporters are invited first; other collectivités, groupements included, join as well
			supports.stream().filter(s -> s.need() == need).map(PlannedSupport::by).limit(2 + random.nextInt(4))
					.forEach(group::add);
			int size = 5 + random.nextInt(8);
			while (group.size() < size) {
				double kind = random.nextDouble();
				var org = kind < 0.7 ? communes.get(random.nextInt(communes.size()))
						: kind < 0.85 ? epcis.get(random.nextInt(epcis.size()))
								: departements.get(random.nextInt(departements.size()));
				if (group.stream().noneMatch(o -> o.siren().equals(org.siren()))) {
					group.add(org);
				}
			}
			members.put(proposal, group);
			for (int k = 0; k < group.size(); k++) {
				var org = group.get(k);
				if (k < 3) {
					actions.add(new Action(early.get(e++), () -> apply(proposal, org)));
				}
				else {
					lateApplicants.add(() -> apply(proposal, org));
				}
			}
		}
		var lateTimes = spread(lateApplicants.size(), LocalDate.of(2021, 5, 11), LocalDate.of(2021, 6, 10), 9, 18);
		Collections.shuffle(lateTimes, random);
		for (int i = 0; i < lateApplicants.size(); i++) {
			actions.add(new Action(lateTimes.get(i), lateApplicants.get(i)));
		}
		// one needs workshop per working group, attended by members who had joined by then
		for (int g = 0; g < retained.size(); g++) {
			var day = LocalDate.of(2021, 5, 18).plusDays(Math.round(g * 37.0 / (retained.size() - 1)));
			while (weekend(day)) {
				day = day.plusDays(1);
			}
			var proposal = retained.get(g);
			var held = day;
			var subject = Consultation2021.WORKSHOPS.get(g % Consultation2021.WORKSHOPS.size());
			actions.add(new Action(LocalDateTime.of(day, LocalTime.of(17, 30)), () -> {
				var attendees = DemoApi.JSON.createArrayNode();
				members.get(proposal).stream().filter(org -> joined.contains(proposal + "/" + org.siren()))
						.filter(org -> random.nextInt(5) > 0 || attendees.isEmpty()).forEach(org -> attendees.add(org.siren()));
				var body = DemoApi.JSON.createObjectNode().put("date", shifted(held).toString()).put("subject", subject);
				body.set("attendees", attendees);
				api.send(HttpMethod.POST, "/api/proposals/" + proposal + "/working-group/sessions", "curator", body, 201);
				workshops++;
			}));
		}
		actions.sort(Comparator.comparing(Action::at));
		for (var action : actions) {
			if (!at(action.at())) {
				LOG.info("Démonstration : {} candidatures de territoires référents et {} ateliers à ce jour.", referents,
						workshops);
				return false;
			}
			action.run().run();
		}
		LOG.info("Démonstration : {} territoires référents dans {} groupes de travail, {} ateliers des besoins.",
				referents, retained.size(), workshops);
		return true;
	}

	/** proposal/SIREN of the applications made so far. */
	private final Set<String> joined = new HashSet<>();

	/** Titles of the proposals made, by identifier. */
	private final Map<String, String> titles = new LinkedHashMap<>();

	private void apply(String proposal, Org org) {
		var motivation = switch (random.nextInt(3)) {
			case 0 -> org.name() + " a exprimé ce besoin et souhaite participer aux ateliers des besoins.";
			case 1 -> org.name() + " veut tester les premières versions avec ses agents et ses habitants.";
			default -> org.name() + " met à disposition ses procédures et un agent référent pour les ateliers.";
		};
		var body = DemoApi.JSON.createObjectNode().put("motivation", motivation)
				.put("contactName", "Référent numérique de " + org.name())
				.put("contactEmail", "referent-" + org.siren() + "@collectivite.example");
		// referents learns of the shortlist from governance's event: 404 or 409 until then
		api.until(HttpMethod.POST, "/api/proposals/" + proposal + "/referent-applications", org.agent(), body, 201);
		joined.add(proposal + "/" + org.siren());
		referents++;
	}

	// 7. funding ------------------------------------------------------------------------------------------------

	private void fund(List<String> retained, String conflicted) {
		var perProposal = new int[retained.size()];
		for (int g = 0; g < retained.size(); g++) {
			perProposal[g] = g < FUNDED - 2 * retained.size() ? 3 : 2;
		}
		var raw = new ArrayList<Long>();
		for (int i = 0; i < FUNDED; i++) {
			raw.add(300_000L + random.nextInt(80) * 10_000L);
		}
		double scale = 29_250_000.0 / raw.stream().mapToLong(Long::longValue).sum();
		var times = spread(FUNDED, FUNDING_DAY, FUNDING_DAY, 10, 17);
		int n = 0;
		for (int g = 0; g < retained.size(); g++) {
			var proposal = retained.get(g);
			for (int k = 0; k < perProposal[g]; k++, n++) {
				if (!at(times.get(n))) {
					return;
				}
				long budget = Math.round(raw.get(n) * scale / 10_000) * 10_000;
				var member = "committee" + (1 + n % 5);
				if (proposal.equals(conflicted) && member.equals("committee3")) {
					member = "committee5"; // a member with a declared conflict takes no part in the decision
				}
				var body = DemoApi.JSON.createObjectNode().put("proposalId", proposal)
						.put("provider", Consultation2021.PROVIDERS.get((n * 7) % Consultation2021.PROVIDERS.size()))
						.put("title", Consultation2021.PROJECT_KINDS.get(k) + " — " + titles.get(proposal))
						.put("budgetEuros", budget);
				var milestones = body.putArray("milestones");
				var due = LocalDate.of(2021, 9, 30).plusDays(random.nextInt(30));
				for (var label : Consultation2021.MILESTONES.subList(0, 3 + random.nextInt(2))) {
					milestones.addObject().put("label", label).put("due", shifted(due).toString());
					due = due.plusMonths(3).plusDays(random.nextInt(20));
				}
				api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/funded-projects", member, body, 201);
				funded++;
			}
		}
		LOG.info("Démonstration : {} projets financés.", funded);
	}

	// helpers ---------------------------------------------------------------------------------------------------

	private static int titleIndex(String title) {
		for (int i = 0; i < Consultation2021.NEEDS.size(); i++) {
			if (Consultation2021.NEEDS.get(i).title().equals(title)) {
				return i;
			}
		}
		throw new IllegalArgumentException(title);
	}

	private int pick(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/**
	 * {@code n} instants between two days, sorted, shaped like real participation: many at the opening, a steady
	 * flow, a rush before the close, fewer on (shifted) weekends, within office hours (élus also in the evening).
	 */
	private List<LocalDateTime> spread(int n, LocalDate first, LocalDate last, int fromHour, int toHour) {
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		var weights = new double[days];
		for (int d = 0; d < days; d++) {
			var day = first.plusDays(d);
			weights[d] = (1 + 2.5 * Math.exp(-d / 3.0) + 3 * Math.exp(-(days - 1 - d) / 2.5)) * (weekend(day) ? 0.3 : 1);
		}
		var times = new ArrayList<LocalDateTime>();
		for (int i = 0; i < n; i++) {
			var day = first.plusDays(pick(weights));
			int minutes = fromHour * 60 + random.nextInt((toHour - fromHour) * 60);
			times.add(LocalDateTime.of(day, LocalTime.of(minutes / 60, minutes % 60, random.nextInt(60))));
		}
		Collections.sort(times);
		return times;
	}

	/**
	 * Whether the day of 2021 falls on a weekend once shifted: the shift is in whole days, not weeks (so that today is
	 * the moment's day), and people rest on the weekends of the calendar they see.
	 */
	private boolean weekend(LocalDate in2021) {
		var day = shifted(in2021).getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
