package cocon.demo;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;


/**
 * Writes the contributions of the replay in French from the story's words: a title in one of several forms, a text
 * opening with the contributor's situation (a village, a city, a département…), the pain, a detail, the wish, and a
 * function that suits the author's role and organisation. Drawn from the plan's generator, in a fixed order.
 */
final class ContributionWriter {

	private static final NumberFormat FRENCH = NumberFormat.getIntegerInstance(Locale.FRANCE);

	private final Consultation2021 story;
	private final Random random;

	ContributionWriter(Consultation2021 story, Random random) {
		this.story = story;
		this.random = random;
	}

	String groupedTitle(Consultation2021.Proposal need) {
		return switch (random.nextInt(5)) {
			case 0, 1 -> need.title();
			case 2 -> "Un outil commun pour " + need.subject();
			case 3 -> capitalised(need.subject()) + " : besoin d'une solution mutualisée";
			default -> "Notre besoin : " + need.subject();
		};
	}

	String groupedNeed(Consultation2021.Proposal need, Org by) {
		var words = story.writing();
		var opening = opening(by);
		return (opening + " " + capitalised(pick(words.framings()) + need.pain()) + ". " + pick(words.details()) + " "
				+ pick(words.wishes()) + need.wish() + ". " + pick(words.closings())).strip();
	}

	String reorientedNeed(Consultation2021.Programme programme, Org by) {
		return opening(by) + " " + capitalised(programme.pain()) + ". Nous cherchons une solution et un financement.";
	}

	String rejectedNeed(Consultation2021.Ineligible ineligible, Org by) {
		return opening(by) + " " + capitalised(ineligible.pain()) + ". Nous sollicitons l'appel pour y remédier.";
	}

	private String pick(List<String> words) {
		return words.get(random.nextInt(words.size()));
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

	String function(String role, Org by) {
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

	static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
