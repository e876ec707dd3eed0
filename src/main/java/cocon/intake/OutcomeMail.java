package cocon.intake;

/**
 * The mail telling a contributor what became of their contribution, in French.
 *
 * @param subject the subject line
 * @param body the plain-text body
 */
record OutcomeMail(String subject, String body) {

	static OutcomeMail of(Contribution contribution, String myContributionsUrl) {
		var title = contribution.title();
		var greeting = contribution.author().name() == null ? "Bonjour," : "Bonjour " + contribution.author().name() + ",";
		var outcome = contribution.outcome();
		String what;
		if (outcome instanceof Outcome.Grouped grouped) {
			what = "Votre contribution « " + title + " » a été regroupée avec d'autres besoins proches dans la proposition « "
					+ grouped.proposalTitle() + " ». Une fois publiée, cette proposition pourra être soutenue par les collectivités.";
		}
		else if (outcome instanceof Outcome.Reoriented reoriented) {
			what = "Votre contribution « " + title + " » a été réorientée vers « " + reoriented.target()
					+ " », qui répond déjà à ce besoin." + (reoriented.note() == null || reoriented.note().isBlank() ? ""
							: "\n\nPrécisions de l'équipe : " + reoriented.note());
		}
		else if (outcome instanceof Outcome.Rejected rejected) {
			what = "Votre contribution « " + title + " » n'a pas été retenue.\n\nMotif : " + rejected.reason();
		}
		else {
			what = "Votre contribution « " + title + " » est en attente d'analyse.";
		}
		var subject = switch (contribution.outcome().status()) {
			case GROUPED -> "Votre contribution a été intégrée à une proposition";
			case REORIENTED -> "Votre contribution a été réorientée";
			case REJECTED -> "Votre contribution n'a pas été retenue";
			case PENDING -> "Votre contribution est en attente d'analyse";
		};
		var body = greeting + "\n\n" + what + "\n\nRetrouvez toutes vos contributions et leur devenir sur la page « Mes contributions » : "
				+ myContributionsUrl + "\n\nL'équipe Cocon — Incubateur des territoires (ANCT)\n"
				+ "Ce message vous est envoyé automatiquement, merci de ne pas y répondre.";
		return new OutcomeMail("[Cocon] " + subject + " : « " + title + " »", body);
	}
}
