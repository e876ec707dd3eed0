package cocon.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2021 funnel as test data: 476 contributions of real communes of the directory (open data of the
 * administrative map), 391 of them to be grouped into 67 proposals across 13 themes, 81 to be reoriented and 4 to
 * be rejected. Deterministic.
 */
record Replay2021(List<ContributionSubmitted> contributions, List<Group> groups, List<ContributionId> reoriented,
		List<ContributionId> rejected) {

	record Group(String title, String theme, List<ContributionId> contributions) {
	}

	private record Subject(String title, String need) {
	}

	private record Commune(String siren, String name) {
	}

	/** Six subjects per theme, in the words of the 2021 contributions. */
	private static final List<List<Subject>> SUBJECTS = List.of(
			List.of(new Subject("Dématérialiser les demandes d'actes d'état civil", "les habitants demandent leurs actes de naissance au guichet"),
					new Subject("Gérer les autorisations d'urbanisme en ligne", "les dossiers de permis de construire arrivent encore sur papier"),
					new Subject("Signer électroniquement les délibérations", "les délibérations circulent en papier entre élus et préfecture"),
					new Subject("Archiver électroniquement les documents", "les archives papier saturent les locaux de la mairie"),
					new Subject("Bénéficier de diagnostic numérique", "nous ne savons pas par où commencer la transformation numérique"),
					new Subject("Mutualiser un parapheur électronique", "chaque service signe ses courriers à la main")),
			List.of(new Subject("Organiser le transport à la demande", "les habitants des hameaux n'ont pas de bus"),
					new Subject("Favoriser le covoiturage domicile-travail", "les agents viennent seuls en voiture chaque jour"),
					new Subject("Informer en temps réel sur les transports", "les usagers ne savent pas quand passe le prochain car"),
					new Subject("Gérer le stationnement intelligent", "les centres-bourgs sont saturés de voitures ventouses"),
					new Subject("Cartographier les pistes cyclables", "les cyclistes ne trouvent pas d'itinéraires sûrs"),
					new Subject("Réserver des véhicules partagés", "les véhicules de service restent inutilisés")),
			List.of(new Subject("Suivre les consommations d'énergie des bâtiments", "nous découvrons les factures d'énergie trop tard"),
					new Subject("Piloter l'éclairage public", "l'éclairage public reste allumé toute la nuit"),
					new Subject("Accompagner la rénovation énergétique des logements", "les propriétaires ne savent pas à quelles aides prétendre"),
					new Subject("Recenser le potentiel solaire des toitures", "nous voulons savoir quels toits équiper en panneaux"),
					new Subject("Mutualiser l'achat d'énergie", "les petites communes achètent l'énergie au prix fort"),
					new Subject("Détecter les fuites de chauffage", "les chaudières des écoles tombent en panne sans alerte")),
			List.of(new Subject("Rendre les sites des collectivités accessibles", "nos sites ne sont pas lisibles par les personnes aveugles"),
					new Subject("Traduire les démarches en langue des signes", "les personnes sourdes ne peuvent pas appeler la mairie"),
					new Subject("Cartographier l'accessibilité des lieux publics", "les personnes en fauteuil ignorent quels bâtiments sont accessibles"),
					new Subject("Accompagner les usagers éloignés du numérique", "beaucoup d'habitants âgés n'ont pas d'ordinateur"),
					new Subject("Simplifier le langage administratif", "les courriers de la mairie sont incompréhensibles"),
					new Subject("Proposer des formulaires en facile à lire", "les formulaires découragent les personnes handicapées")),
			List.of(new Subject("Numériser le plan local d'urbanisme", "le PLU n'est consultable qu'en mairie"),
					new Subject("Suivre les chantiers de voirie", "les chantiers se chevauchent faute de coordination"),
					new Subject("Recenser les friches et les logements vacants", "nous ne connaissons pas les locaux vides du centre-ville"),
					new Subject("Concerter les habitants sur les projets d'aménagement", "les habitants découvrent les projets une fois décidés"),
					new Subject("Gérer le cadastre et les adresses", "les adresses mal numérotées égarent les secours"),
					new Subject("Modéliser la ville en 3D", "les élus peinent à visualiser les projets urbains")),
			List.of(new Subject("Gérer les demandes de logement social", "les demandeurs de logement social relancent sans cesse"),
					new Subject("Lutter contre l'habitat indigne", "les signalements de logements insalubres se perdent"),
					new Subject("Suivre les meublés de tourisme", "les locations touristiques échappent à la taxe de séjour"),
					new Subject("Accompagner les copropriétés fragiles", "les copropriétés dégradées sont repérées trop tard"),
					new Subject("Proposer des logements aux saisonniers", "les travailleurs saisonniers ne trouvent pas à se loger"),
					new Subject("Observer les loyers", "nous ne connaissons pas le niveau des loyers du territoire")),
			List.of(new Subject("Améliorer la gestion de la relation usagers", "les demandes des habitants arrivent par tous les canaux"),
					new Subject("Faciliter le signalement d'incidents par les usagers", "les nids-de-poule et dépôts sauvages sont signalés par téléphone"),
					new Subject("Prendre rendez-vous en ligne avec les services", "les files d'attente s'allongent au guichet"),
					new Subject("Répondre aux questions fréquentes par un assistant", "le standard répond toujours aux mêmes questions"),
					new Subject("Informer les habitants par alertes", "les habitants apprennent les coupures d'eau trop tard"),
					new Subject("Créer un portail citoyen unique", "chaque service a son propre site et ses identifiants")),
			List.of(new Subject("Rechercher et gérer des financements pour ma collectivité", "nous passons à côté des appels à projets"),
					new Subject("Préparer le budget en ligne", "le budget se construit sur des tableurs envoyés par courriel"),
					new Subject("Suivre les subventions versées aux associations", "nous ne savons plus quelles associations sont aidées"),
					new Subject("Publier les données budgétaires", "les habitants demandent à comprendre le budget"),
					new Subject("Dématérialiser les factures et paiements", "les factures papier retardent les paiements aux entreprises"),
					new Subject("Organiser un budget participatif", "les habitants veulent proposer et voter des projets")),
			List.of(new Subject("Coordonner les professionnels de santé", "les médecins et infirmiers ne se parlent pas"),
					new Subject("Déployer la téléconsultation dans les communes rurales", "il n'y a plus de médecin dans le canton"),
					new Subject("Prévenir l'isolement des personnes âgées", "les personnes âgées isolées ne sont pas repérées"),
					new Subject("Gérer les centres de vaccination", "la prise de rendez-vous de vaccination sature le standard"),
					new Subject("Suivre la qualité de l'air intérieur des écoles", "les salles de classe sont mal aérées"),
					new Subject("Informer sur l'offre de soins locale", "les nouveaux arrivants ne trouvent pas de médecin traitant")),
			List.of(new Subject("Gérer les inscriptions scolaires et périscolaires", "les familles remplissent les mêmes fiches chaque année"),
					new Subject("Équiper les écoles en numérique", "les écoles manquent de matériel et de maintenance"),
					new Subject("Réserver et payer la cantine en ligne", "les repas de cantine se réservent encore sur papier"),
					new Subject("Former les élus et agents au numérique", "les agents manquent de formation aux outils"),
					new Subject("Organiser le soutien scolaire à distance", "les collégiens décrochent sans accompagnement"),
					new Subject("Accompagner l'orientation des jeunes", "les jeunes ignorent les formations du territoire")),
			List.of(new Subject("Numériser les collections des musées", "nos collections ne sont visibles que sur place"),
					new Subject("Mettre en réseau les médiathèques", "chaque médiathèque a son propre catalogue"),
					new Subject("Billetterie en ligne des équipements culturels", "les billets de spectacle se vendent au guichet"),
					new Subject("Valoriser le patrimoine local", "les visiteurs ignorent l'histoire des monuments"),
					new Subject("Inscrire en ligne aux écoles de musique", "les inscriptions au conservatoire créent des files d'attente"),
					new Subject("Recenser l'agenda culturel", "les événements culturels ne sont annoncés nulle part")),
			List.of(new Subject("Optimiser la collecte des déchets", "les bennes débordent alors que d'autres sont vides"),
					new Subject("Suivre la qualité de l'eau", "nous apprenons les pollutions par les habitants"),
					new Subject("Gérer les espaces verts et les arbres", "l'inventaire des arbres est tenu sur papier"),
					new Subject("Prévenir les inondations", "les crues surprennent les riverains chaque hiver"),
					new Subject("Mesurer la biodiversité", "nous ne savons pas quelles espèces vivent sur la commune"),
					new Subject("Réduire le gaspillage alimentaire", "les cantines jettent une grande partie des repas")),
			List.of(new Subject("Gérer la vidéoprotection", "les images des caméras ne sont pas exploitées"),
					new Subject("Alerter la population en cas de crise", "le plan communal de sauvegarde est introuvable en cas de crise"),
					new Subject("Coordonner la police municipale", "les agents de police municipale rédigent leurs rapports à la main"),
					new Subject("Prévenir les risques dans les établissements recevant du public", "les visites de sécurité sont suivies sur tableur"),
					new Subject("Protéger la collectivité contre les cyberattaques", "une commune voisine a subi un rançongiciel"),
					new Subject("Déclarer les manifestations publiques", "les organisateurs d'événements déposent leurs dossiers tard")));

	static Replay2021 generate(CampaignId campaign) {
		var themes = CurationFixtures.THEMES;
		var communes = communes();
		var contributions = new ArrayList<ContributionSubmitted>();
		var groups = new ArrayList<Group>();
		var start = Instant.parse("2021-01-25T08:00:00Z");
		int[] next = { 0 };
		java.util.function.BiFunction<Subject, String, ContributionSubmitted> contribute = (subject, theme) -> {
			var n = next[0]++;
			var commune = communes.get((n * 37) % communes.size());
			var event = new ContributionSubmitted(ContributionId.random(), campaign,
					subject.title() + " — " + commune.name(),
					"À " + commune.name() + ", " + subject.need() + " : " + VARIANTS.get(n % VARIANTS.size()),
					theme, n % 3 == 0 ? "ELU" : "AGENT", Siren.of(commune.siren()), commune.name(),
					CollectiviteKind.COMMUNE, start.plus(Duration.ofMinutes(137L * n)));
			contributions.add(event);
			return event;
		};
		// 67 proposals: 6 for the first two themes, 5 for the others; 391 contributions: 56 proposals of 6, 11 of 5
		int proposal = 0;
		for (int t = 0; t < themes.size(); t++) {
			int count = t < 2 ? 6 : 5;
			for (int s = 0; s < count; s++) {
				var subject = SUBJECTS.get(t).get(s);
				var size = proposal < 56 ? 6 : 5;
				var ids = new ArrayList<ContributionId>();
				for (int i = 0; i < size; i++) {
					ids.add(contribute.apply(subject, themes.get(t)).contributionId());
				}
				groups.add(new Group(subject.title(), themes.get(t), List.copyOf(ids)));
				proposal++;
			}
		}
		var reoriented = new ArrayList<ContributionId>();
		for (int i = 0; i < 81; i++) {
			var t = i % themes.size();
			reoriented.add(contribute.apply(SUBJECTS.get(t).get(5 - i % 3), themes.get(t)).contributionId());
		}
		var rejected = new ArrayList<ContributionId>();
		for (int i = 0; i < 4; i++) {
			rejected.add(contribute.apply(new Subject("Demande de subvention de fonctionnement",
					"nous cherchons à financer un poste d'animateur"), themes.get(i * 3)).contributionId());
		}
		// contributions arrive in the order they were submitted, not grouped by outcome
		contributions.sort(Comparator.comparing(ContributionSubmitted::submittedAt).reversed()
				.thenComparing(c -> c.contributionId().id()));
		return new Replay2021(List.copyOf(contributions), List.copyOf(groups), List.copyOf(reoriented),
				List.copyOf(rejected));
	}

	private static final List<String> VARIANTS = List.of("nous aimerions un outil simple et mutualisé.",
			"un service numérique commun aux collectivités nous ferait gagner du temps.",
			"les agents y consacrent des heures chaque semaine.",
			"les habitants nous le demandent régulièrement.",
			"nous n'avons pas les moyens de développer une solution seuls.");

	/** Communes of more than 10 000 inhabitants, from the directory's open data. */
	private static List<Commune> communes() {
		try (var in = new ClassPathResource("directory/decoupage-administratif/data/communes.json").getInputStream()) {
			var root = JsonMapper.builder().build().readTree(in);
			var communes = new ArrayList<Commune>();
			for (JsonNode node : root) {
				if (node.path("type").asString("").equals("commune-actuelle") && node.path("population").asLong(0) > 10_000
						&& Siren.isValid(node.path("siren").asString(""))) {
					communes.add(new Commune(node.path("siren").asString(), node.path("nom").asString()));
				}
			}
			if (communes.size() < 100) {
				throw new IllegalStateException("Le référentiel des communes est incomplet.");
			}
			return communes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
