package cocon.demo;

import java.util.List;

/**
 * The hand-written parts of the 2021 replay: 67 proposals over 13 themes (titles of the four shortlisted proposals
 * known from the public record, the others written for the demonstration), what each answers (the pain and the wish
 * from which contributions are composed), the needs that existing programmes already answer, the ineligible ones,
 * the committee, the providers and their roadmap milestones. Nothing here is copied from the 2021 submissions: the
 * contributions are composed from these parts by {@link ReplayPlan}.
 */
final class Consultation2021 {

	private Consultation2021() {
	}

	static final String TITLE = "Coconstruction de services numériques — rejeu de 2021";

	static final String DESCRIPTION = "Rejeu de démonstration de la consultation de 2021 (France Relance, 30 M€, "
			+ "Incubateur des territoires de l'ANCT) : les collectivités déposent leurs besoins, l'ANCT les regroupe en "
			+ "propositions, les collectivités les soutiennent, le comité de pilotage en retient et finance des projets "
			+ "co-construits avec des territoires référents. Les contributions et les projets sont fictifs.";

	/**
	 * A proposal: its theme, its title, what the contributions' titles speak of, the pain felt today and the wish.
	 */
	record Need(String theme, String title, String subject, String pain, String wish) {
	}

	static final List<Need> NEEDS = List.of(
			// Dématérialisation (6)
			new Need("Dématérialisation", "Bénéficier de diagnostic numérique", "un diagnostic de notre maturité numérique",
					"nous ne savons pas par où commencer : quels outils garder, lesquels remplacer, ce que font les communes voisines",
					"un diagnostic guidé, suivi d'un plan d'action chiffré et de contacts pour le mettre en œuvre"),
			new Need("Dématérialisation", "Gérer les actes d'état civil en ligne", "les demandes d'actes d'état civil",
					"les demandes d'actes arrivent par courrier, par courriel et au guichet, et sont ressaisies à la main",
					"un téléservice commun relié à nos logiciels d'état civil, avec le suivi de la demande"),
			new Need("Dématérialisation", "Signer et transmettre les délibérations électroniquement", "la signature des délibérations",
					"les délibérations circulent encore en papier entre le secrétariat, le maire et la préfecture",
					"un parapheur électronique mutualisé relié au contrôle de légalité"),
			new Need("Dématérialisation", "Archiver électroniquement les documents de la collectivité", "l'archivage électronique",
					"nos serveurs débordent et personne ne sait ce qui a valeur probante",
					"un service d'archivage électronique à valeur probante, partagé entre collectivités"),
			new Need("Dématérialisation", "Dématérialiser les autorisations d'urbanisme", "l'instruction des autorisations d'urbanisme",
					"les dossiers de permis arrivent en plusieurs exemplaires papier et les pétitionnaires appellent pour savoir où ils en sont",
					"un guichet en ligne des autorisations d'urbanisme relié à l'instruction et au suivi par le pétitionnaire"),
			new Need("Dématérialisation", "Mutualiser la gestion des ressources humaines", "la gestion des ressources humaines",
					"congés, entretiens et formations sont suivis dans des tableurs qui ne se parlent pas",
					"un outil de gestion des ressources humaines simple, adapté aux petites équipes"),
			// Relation usagers (6)
			new Need("Relation usagers", "Améliorer la gestion de la relation usagers", "la relation avec les usagers",
					"les demandes des habitants arrivent par téléphone, courriel, réseaux sociaux et au guichet, sans suivi commun",
					"un outil de gestion de la relation usagers qui rassemble les demandes et dit qui les traite"),
			new Need("Relation usagers", "Faciliter le signalement d'incidents par les usagers", "le signalement des incidents sur l'espace public",
					"nids-de-poule, dépôts sauvages et lampadaires en panne nous sont signalés sans photo ni localisation",
					"un service de signalement avec photo et géolocalisation, et le suivi jusqu'à la résolution"),
			new Need("Relation usagers", "Prendre rendez-vous en ligne avec les services", "la prise de rendez-vous",
					"les files d'attente pour les titres d'identité et l'accueil social découragent les habitants",
					"un agenda de rendez-vous en ligne commun à nos services, avec rappel par SMS"),
			new Need("Relation usagers", "Informer les habitants par des alertes", "l'information des habitants",
					"travaux, coupures d'eau ou fermetures d'école : l'information passe mal et trop tard",
					"un service d'alertes par SMS et courriel auquel les habitants s'abonnent par quartier"),
			new Need("Relation usagers", "Créer un portail citoyen unique", "un portail citoyen",
					"chaque démarche a son site et son identifiant, les habitants s'y perdent",
					"un portail unique où l'habitant retrouve ses démarches et leur avancement"),
			new Need("Relation usagers", "Consulter les habitants en ligne", "la consultation des habitants",
					"nos réunions publiques touchent toujours les mêmes personnes",
					"un outil de consultation et de budget participatif facile à ouvrir pour un projet"),
			// Finances et achats (5)
			new Need("Finances et achats", "Rechercher et gérer des financements pour ma collectivité", "la recherche de financements",
					"les appels à projets et les subventions sont dispersés et nous manquons les dates limites",
					"un service qui repère les aides adaptées à nos projets et suit nos dossiers de financement"),
			new Need("Finances et achats", "Préparer et suivre le budget en ligne", "la préparation du budget",
					"le budget se prépare par échanges de tableurs entre services et élus",
					"un outil partagé de préparation budgétaire avec le suivi de l'exécution"),
			new Need("Finances et achats", "Suivre les subventions aux associations", "les subventions aux associations",
					"les associations déposent leurs demandes de subvention en papier, avec des pièces déjà fournies l'an passé",
					"un guichet en ligne des subventions qui garde les pièces des associations d'une année sur l'autre"),
			new Need("Finances et achats", "Mutualiser les achats publics", "les achats publics",
					"chaque commune rédige seule ses marchés, souvent pour les mêmes besoins que ses voisines",
					"un espace de groupements de commandes et de modèles de marchés partagés"),
			new Need("Finances et achats", "Publier les données budgétaires", "la publication des données budgétaires",
					"nos comptes sont publiés en PDF que personne ne lit",
					"une publication automatique et lisible des données budgétaires en données ouvertes"),
			// Mobilités (5)
			new Need("Mobilités", "Organiser le transport à la demande", "le transport à la demande",
					"les réservations de transport à la demande se prennent par téléphone aux heures de bureau",
					"un service de réservation et d'optimisation des tournées de transport à la demande"),
			new Need("Mobilités", "Favoriser le covoiturage du quotidien", "le covoiturage du quotidien",
					"sans transport en commun, les trajets domicile-travail se font seuls en voiture",
					"un service de covoiturage entre territoires voisins, avec des points de rencontre"),
			new Need("Mobilités", "Informer en temps réel sur les transports", "l'information voyageurs",
					"les horaires des cars ne sont connus qu'en papier et les retards pas du tout",
					"une information voyageurs en temps réel, publiée aussi en données ouvertes"),
			new Need("Mobilités", "Gérer le stationnement", "le stationnement",
					"les places de stationnement sont saturées en centre-bourg et les abonnements se gèrent au guichet",
					"un outil de gestion du stationnement et des abonnements en ligne"),
			new Need("Mobilités", "Développer les itinéraires cyclables", "les itinéraires cyclables",
					"les itinéraires cyclables s'arrêtent aux limites communales et personne n'en a la carte",
					"une cartographie partagée des aménagements cyclables et de leurs projets"),
			// Énergie (5)
			new Need("Énergie", "Suivre les consommations d'énergie des bâtiments", "le suivi des consommations d'énergie",
					"les compteurs sont relevés à la main et le décret tertiaire nous inquiète",
					"un tableau de bord des consommations de nos bâtiments qui prépare les déclarations obligatoires"),
			new Need("Énergie", "Piloter l'éclairage public", "l'éclairage public",
					"l'éclairage public reste allumé toute la nuit faute de pouvoir le programmer",
					"un pilotage à distance de l'éclairage public, par quartier et par horaire"),
			new Need("Énergie", "Accompagner la rénovation énergétique des logements", "la rénovation énergétique",
					"les habitants ne savent pas à qui s'adresser pour rénover leur logement",
					"un parcours en ligne qui oriente vers les aides et les conseillers de la rénovation"),
			new Need("Énergie", "Recenser le potentiel solaire des toitures", "le potentiel solaire",
					"nous ignorons quelles toitures publiques pourraient porter des panneaux",
					"un cadastre solaire partagé et la simulation des projets"),
			new Need("Énergie", "Animer les communautés d'énergie locales", "les communautés d'énergie",
					"des habitants veulent produire et partager leur électricité sans savoir comment s'organiser",
					"un outil pour monter et suivre une opération d'autoconsommation collective"),
			// Accessibilité et inclusion (5)
			new Need("Accessibilité et inclusion", "Rendre les sites des collectivités accessibles", "l'accessibilité de nos sites",
					"nos sites et formulaires ne sont pas lisibles par les lecteurs d'écran",
					"des gabarits de sites et de formulaires conformes au RGAA, prêts à l'emploi"),
			new Need("Accessibilité et inclusion", "Traduire l'accueil en langue des signes", "l'accueil des personnes sourdes",
					"nous ne savons pas accueillir une personne sourde au guichet ou au téléphone",
					"un service de visio-interprétation en langue des signes et de transcription"),
			new Need("Accessibilité et inclusion", "Cartographier l'accessibilité des lieux publics", "l'accessibilité des lieux publics",
					"les personnes en fauteuil ne savent pas quels bâtiments publics leur sont accessibles",
					"une carte de l'accessibilité des établissements, tenue à jour par les collectivités"),
			new Need("Accessibilité et inclusion", "Accompagner les usagers éloignés du numérique", "l'accompagnement au numérique",
					"une partie des habitants n'arrive pas à faire ses démarches en ligne",
					"un outil pour orienter chaque personne vers un accompagnement près de chez elle"),
			new Need("Accessibilité et inclusion", "Écrire les documents en facile à lire et à comprendre", "les documents faciles à lire",
					"nos courriers et formulaires sont incompréhensibles pour beaucoup d'habitants",
					"un outil d'aide à la rédaction en langage clair et en facile à lire et à comprendre"),
			// Urbanisme (5)
			new Need("Urbanisme", "Numériser le plan local d'urbanisme", "le plan local d'urbanisme",
					"le plan local d'urbanisme n'existe qu'en PDF et en plans papier",
					"un plan local d'urbanisme consultable en ligne à la parcelle"),
			new Need("Urbanisme", "Coordonner les chantiers de voirie", "la coordination des chantiers",
					"la même rue est ouverte trois fois dans l'année par des concessionnaires différents",
					"un calendrier partagé des chantiers entre collectivités et concessionnaires"),
			new Need("Urbanisme", "Recenser les friches et les locaux vacants", "les friches et les locaux vacants",
					"personne n'a la liste des friches et des commerces vides du territoire",
					"un inventaire partagé des friches et des locaux vacants, avec leur potentiel"),
			new Need("Urbanisme", "Gérer les adresses et la base adresse locale", "l'adressage",
					"des maisons sans numéro ne reçoivent ni secours ni fibre",
					"un outil simple pour tenir la base adresse locale et la publier"),
			new Need("Urbanisme", "Concerter les habitants sur les projets d'aménagement", "la concertation sur l'aménagement",
					"les habitants découvrent les projets d'aménagement quand les travaux commencent",
					"un outil de concertation cartographique sur les projets d'aménagement"),
			// Logement (5)
			new Need("Logement", "Simplifier la demande de logement social", "la demande de logement social",
					"les demandeurs de logement social refont leur dossier à chaque guichet",
					"un suivi en ligne de la demande de logement social, partagé entre les guichets"),
			new Need("Logement", "Lutter contre l'habitat indigne", "la lutte contre l'habitat indigne",
					"les signalements d'habitat indigne se perdent entre la mairie, l'agence régionale de santé et la préfecture",
					"un outil de signalement et de suivi partagé des procédures d'habitat indigne"),
			new Need("Logement", "Suivre les meublés de tourisme", "les meublés de tourisme",
					"les meublés de tourisme se multiplient sans déclaration et la taxe de séjour échappe à la commune",
					"un téléservice de déclaration des meublés et de suivi de la taxe de séjour"),
			new Need("Logement", "Accompagner les copropriétés fragiles", "les copropriétés fragiles",
					"nous repérons trop tard les copropriétés qui se dégradent",
					"un observatoire des copropriétés qui alerte avant la dégradation"),
			new Need("Logement", "Publier les logements communaux vacants", "les logements communaux vacants",
					"les logements communaux vacants sont attribués par le bouche-à-oreille",
					"une bourse en ligne des logements communaux avec les candidatures"),
			// Environnement (5)
			new Need("Environnement", "Optimiser la collecte des déchets", "la collecte des déchets",
					"les camions passent devant des bacs vides et oublient des points débordants",
					"un suivi du remplissage et des tournées de collecte"),
			new Need("Environnement", "Suivre la qualité et les consommations d'eau", "la gestion de l'eau",
					"les fuites du réseau d'eau sont découvertes des mois après",
					"un suivi des consommations d'eau et des fuites par télérelève"),
			new Need("Environnement", "Gérer le patrimoine arboré", "le patrimoine arboré",
					"l'inventaire des arbres tient dans un carnet du service des espaces verts",
					"un inventaire partagé du patrimoine arboré et de son entretien"),
			new Need("Environnement", "Prévenir les inondations", "la prévention des inondations",
					"les alertes de crue arrivent par téléphone, la nuit, sans carte des zones touchées",
					"un service d'alerte et de cartographie des crues pour les communes"),
			new Need("Environnement", "Réduire le gaspillage alimentaire en restauration collective", "le gaspillage alimentaire",
					"nos cantines jettent chaque jour des repas sans savoir lesquels",
					"un outil de suivi des repas servis et jetés, avec des menus ajustés"),
			// Éducation et jeunesse (5)
			new Need("Éducation et jeunesse", "Gérer les inscriptions scolaires et périscolaires", "les inscriptions scolaires et périscolaires",
					"les familles remplissent chaque année les mêmes dossiers papier d'inscription",
					"un portail famille pour les inscriptions, les réservations et la facturation"),
			new Need("Éducation et jeunesse", "Réserver et payer la cantine en ligne", "la réservation de la cantine",
					"les réservations de cantine se font sur papier une semaine à l'avance",
					"la réservation et le paiement en ligne des repas, avec les allergies connues de la cuisine"),
			new Need("Éducation et jeunesse", "Équiper et maintenir le numérique des écoles", "le numérique des écoles",
					"les ordinateurs des écoles tombent en panne sans personne pour les réparer",
					"un service mutualisé de gestion et de maintenance du parc numérique des écoles"),
			new Need("Éducation et jeunesse", "Former les élus et les agents au numérique", "la formation au numérique",
					"nos agents et nos élus découvrent les outils sans jamais y être formés",
					"des parcours de formation courts, en ligne et en présence, adaptés à nos métiers"),
			new Need("Éducation et jeunesse", "Informer les jeunes sur les offres du territoire", "l'information des jeunes",
					"les jeunes ne connaissent ni les stages, ni les aides, ni les activités de leur territoire",
					"un guide en ligne des offres pour les jeunes, alimenté par les collectivités"),
			// Santé et solidarités (5)
			new Need("Santé et solidarités", "Coordonner les professionnels de santé du territoire", "la coordination des soignants",
					"les soignants libéraux, la maison de santé et le centre social ne partagent aucune information",
					"un annuaire et un outil de coordination entre professionnels du territoire"),
			new Need("Santé et solidarités", "Prévenir l'isolement des personnes âgées", "l'isolement des personnes âgées",
					"le registre des personnes vulnérables est un classeur ressorti à chaque canicule",
					"un registre en ligne des personnes fragiles et le suivi des appels de veille"),
			new Need("Santé et solidarités", "Simplifier les demandes d'aide sociale", "les demandes d'aide sociale",
					"les demandes d'aide au centre communal d'action sociale demandent dix pièces justificatives",
					"un téléservice d'aide sociale qui réutilise les données déjà connues de l'administration"),
			new Need("Santé et solidarités", "Informer sur l'offre de soins locale", "l'offre de soins locale",
					"les habitants ne savent pas quel médecin prend de nouveaux patients",
					"une information à jour sur l'offre de soins et les gardes du territoire"),
			new Need("Santé et solidarités", "Organiser l'aide alimentaire", "l'aide alimentaire",
					"les associations d'aide alimentaire et la commune tiennent des listes séparées",
					"un outil partagé de gestion des bénéficiaires et des distributions"),
			// Culture et tourisme (5)
			new Need("Culture et tourisme", "Mettre en réseau les médiathèques", "le réseau des médiathèques",
					"chaque médiathèque a son catalogue et sa carte de lecteur",
					"un catalogue et une carte communs aux médiathèques du territoire"),
			new Need("Culture et tourisme", "Vendre en ligne les billets des équipements culturels", "la billetterie culturelle",
					"la billetterie des spectacles se fait au guichet aux heures d'ouverture",
					"une billetterie en ligne mutualisée pour les équipements culturels publics"),
			new Need("Culture et tourisme", "Numériser et valoriser le patrimoine local", "le patrimoine local",
					"les archives et les collections locales dorment dans des cartons",
					"un outil de numérisation et de mise en ligne du patrimoine local"),
			new Need("Culture et tourisme", "Tenir un agenda partagé des événements", "l'agenda des événements",
					"chaque association publie ses événements de son côté et ils se chevauchent",
					"un agenda partagé des événements, réutilisable par les sites et les offices de tourisme"),
			new Need("Culture et tourisme", "Gérer les réservations des salles et équipements", "la réservation des salles",
					"les salles communales se réservent sur un cahier à l'accueil",
					"un planning en ligne des salles et équipements, ouvert aux associations"),
			// Sécurité et prévention (5)
			new Need("Sécurité et prévention", "Alerter la population en cas de crise", "l'alerte de la population",
					"notre plan communal de sauvegarde repose sur une liste téléphonique jamais à jour",
					"un service d'alerte de masse relié au plan communal de sauvegarde"),
			new Need("Sécurité et prévention", "Protéger la collectivité contre les cyberattaques", "la cybersécurité",
					"une commune voisine a perdu toutes ses données après une attaque et nous ne sommes pas mieux protégés",
					"un accompagnement et des outils de cybersécurité mutualisés pour les petites collectivités"),
			new Need("Sécurité et prévention", "Suivre les visites de sécurité des établissements recevant du public", "les visites de sécurité",
					"les procès-verbaux des commissions de sécurité se perdent entre les services",
					"un suivi partagé des établissements recevant du public et de leurs visites"),
			new Need("Sécurité et prévention", "Déclarer les manifestations publiques", "la déclaration des manifestations",
					"les organisateurs de manifestations déposent leurs dossiers au dernier moment et en papier",
					"un téléservice de déclaration des manifestations partagé avec la préfecture"),
			new Need("Sécurité et prévention", "Gérer les objets trouvés", "les objets trouvés",
					"les objets trouvés s'entassent en mairie sans que leurs propriétaires le sachent",
					"un service en ligne de déclaration et de recherche des objets trouvés"));

	/** The four titles of the 2021 shortlist known from the public record. */
	static final List<String> KNOWN_SHORTLIST = List.of("Améliorer la gestion de la relation usagers",
			"Faciliter le signalement d'incidents par les usagers",
			"Rechercher et gérer des financements pour ma collectivité", "Bénéficier de diagnostic numérique");

	/** A need that an existing programme already answers: where curators send it, and why. */
	record Elsewhere(String theme, String title, String pain, String target, String note) {
	}

	static final List<Elsewhere> REORIENTED = List.of(
			new Elsewhere("Accessibilité et inclusion", "Ouvrir un lieu d'accueil pour les démarches administratives",
					"les habitants font quarante kilomètres pour être aidés dans leurs démarches",
					"Programme France Services (ANCT)",
					"Un espace France Services labellisé répond à ce besoin d'accueil de proximité ; la préfecture accompagne la candidature."),
			new Elsewhere("Accessibilité et inclusion", "Recruter un médiateur numérique",
					"personne ne peut aider les habitants qui n'ont jamais utilisé un ordinateur",
					"Dispositif Conseillers numériques France Services",
					"Le dispositif finance le recrutement et la formation de conseillers numériques pour les collectivités."),
			new Elsewhere("Dématérialisation", "Créer nos propres formulaires en ligne",
					"nos formulaires de demande ne sont disponibles qu'en papier",
					"Démarches simplifiées (DINUM)",
					"Le service de la DINUM permet déjà aux collectivités de créer leurs formulaires en ligne, sans développement."),
			new Elsewhere("Relation usagers", "Permettre aux habitants de se connecter avec un compte existant",
					"les habitants oublient les identifiants de nos téléservices",
					"FranceConnect",
					"FranceConnect permet déjà aux usagers de se connecter avec un compte qu'ils possèdent ; son raccordement est gratuit."),
			new Elsewhere("Urbanisme", "Revitaliser le centre-bourg",
					"les commerces du centre-bourg ferment les uns après les autres",
					"Programme Petites villes de demain (ANCT)",
					"Le programme accompagne les communes de moins de 20 000 habitants dans la revitalisation de leur centre."),
			new Elsewhere("Finances et achats", "Recevoir les factures des fournisseurs sous forme électronique",
					"les factures papier s'accumulent au service comptable",
					"Chorus Pro",
					"Chorus Pro reçoit déjà gratuitement les factures électroniques adressées aux collectivités."),
			new Elsewhere("Dématérialisation", "Publier nos données en open data",
					"nous devons ouvrir nos données sans savoir où les publier",
					"data.gouv.fr",
					"La plateforme nationale des données ouvertes accueille les jeux de données des collectivités et les référence."),
			new Elsewhere("Sécurité et prévention", "Faire auditer la sécurité de nos systèmes d'information",
					"nous ne savons pas si nos serveurs sont exposés",
					"Parcours de cybersécurité de l'ANSSI (France Relance)",
					"Les parcours de cybersécurité financent un diagnostic et un plan de sécurisation pour les collectivités."),
			new Elsewhere("Éducation et jeunesse", "Équiper nos écoles d'un socle numérique",
					"nos écoles élémentaires n'ont ni vidéoprojecteur ni ordinateur portable",
					"Appel à projets pour un socle numérique dans les écoles élémentaires",
					"Cet appel du plan de relance cofinance déjà l'équipement numérique des écoles."),
			new Elsewhere("Mobilités", "Élaborer un plan de mobilité rurale",
					"nous voulons organiser les mobilités sans savoir comment construire le plan",
					"Programme France Mobilités",
					"France Mobilités accompagne les territoires peu denses dans leurs projets de mobilité."));

	/** A need outside what the call funds, and the reason given to its author. */
	record Ineligible(String theme, String title, String pain, String reason) {
	}

	static final List<Ineligible> REJECTED = List.of(
			new Ineligible("Dématérialisation", "Acheter des tablettes pour le conseil municipal",
					"les élus reçoivent les dossiers du conseil en papier",
					"Inéligible : l'appel finance des services numériques partagés, pas l'achat de matériel."),
			new Ineligible("Relation usagers", "Financer le poste de notre chargé de communication",
					"nous n'avons personne pour animer nos réseaux sociaux",
					"Inéligible : l'appel ne finance pas de postes ni de dépenses de fonctionnement."),
			new Ineligible("Culture et tourisme", "Refaire le site internet de la commune",
					"notre site date de 2009 et ne s'affiche pas sur un téléphone",
					"Inéligible : un site propre à une seule collectivité n'est pas un service à co-construire."),
			new Ineligible("Sécurité et prévention", "Installer des caméras de vidéoprotection",
					"des dégradations ont lieu chaque week-end près de la salle des fêtes",
					"Inéligible : un équipement de vidéoprotection n'entre pas dans le champ des services numériques de l'appel."));

	/** A committee member: the demo identity (each may sign in, DemoPersonas), and the organisation represented. */
	record Member(String username, String organisation) {
	}

	static final List<Member> COMMITTEE = List.of(new Member("committee1", "AMF"), new Member("committee2", "ADF"),
			new Member("committee3", "France urbaine"), new Member("committee4", "DINUM"),
			new Member("committee5", "ANCT"), new Member("amrf", "AMRF"),
			new Member("regions-de-france", "Régions de France"),
			new Member("intercommunalites", "Intercommunalités de France"), new Member("ditp", "DITP"),
			new Member("elue-rurale", "Élue, maire d'une commune rurale"),
			new Member("elu-metropole", "Élu, vice-président d'une métropole"));

	/** Who provides funded projects: public operators, groupings of collectivités and companies (fictitious). */
	static final List<String> PROVIDERS = List.of("Syndicat mixte Territoires numériques de l'Ouest",
			"Groupement d'intérêt public Numérique des collectivités du Sud", "Coopérative Communs publics",
			"Atelier Civique SAS", "Open Territoires SCOP", "Régie numérique du Grand Est",
			"Consortium des départements ruraux", "Datapolis SAS", "Agence publique pour l'informatique des communes",
			"Incubateur des territoires (ANCT) et communes porteuses", "Proxima Services SAS", "Libre Commun Association",
			"Syndicat intercommunal informatique des Alpes", "Numérique et ruralité SCIC", "Lumen Conseil SAS");

	static final List<String> PROJECT_KINDS = List.of("Conception et premières versions", "Déploiement dans les territoires référents",
			"Service mutualisé et son exploitation");

	static final List<String> MILESTONES = List.of("Ateliers de conception avec les territoires référents",
			"Première version testée", "Ouverture aux territoires d'expérimentation", "Généralisation et bilan");

	/** Subjects of the needs workshops held with each working group. */
	static final List<String> WORKSHOPS = List.of("Atelier des besoins : parcours des usagers et des agents",
			"Atelier des besoins : ce qui existe déjà et ce qui manque",
			"Atelier des besoins : priorités pour une première version");
}
