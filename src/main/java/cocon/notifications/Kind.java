package cocon.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of mail a person may turn off or gather in the weekly digest, with the words of the preferences page. */
enum Kind {

	CONTRIBUTION_OUTCOME("Le devenir de mes contributions", "Regroupement, réorientation ou rejet de ce que vous avez proposé."),
	PROPOSAL_NEWS("Les suites des propositions issues de mes contributions",
			"Publication, présélection, financement, service disponible."),
	WINDOW_OPENING("Les ouvertures des contributions et des soutiens", "Le jour et l'heure où chaque période s'ouvre."),
	SUPPORT_REMINDER("Les rappels avant la clôture des soutiens",
			"Dix jours et un jour avant la clôture, si votre collectivité n'a encore rien soutenu."),
	RESULTS("Les résultats des soutiens", "Le décompte final, à la clôture des soutiens."),
	DECISIONS("Les décisions sur les propositions soutenues par ma collectivité",
			"Présélection et financement des propositions que votre collectivité a soutenues."),
	REFERENT_CALL("Les appels à territoires référents", "L'ouverture des groupes de travail des propositions présélectionnées."),
	SERVICE_AVAILABLE("Les services devenus disponibles",
			"Un service que votre collectivité a soutenu ou qui l'intéresse est disponible."),
	CURATION_DIGEST("Le point quotidien des contributions à trier", "Chaque matin, s'il y en a (curation)."),
	WEEKLY_DIGEST("Le résumé de la semaine", "Les messages que vous avez choisi de recevoir en résumé."),
	COMMITTEE_REMINDER("Le rappel avant chaque séance du comité",
			"La veille de chaque jour de décision, ce qu'il vous reste à évaluer (membres du comité)."),
	CAMPAIGN_NEWS("Les actualités des campagnes", "Phases, décisions et projets financés (abonnement par courriel).");

	private final String label;
	private final String hint;

	Kind(String label, String hint) {
		this.label = label;
		this.hint = hint;
	}

	String label() {
		return label;
	}

	String hint() {
		return hint;
	}

	static Optional<Kind> parse(String name) {
		return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
	}

	static List<Kind> all() {
		return List.of(values());
	}
}
