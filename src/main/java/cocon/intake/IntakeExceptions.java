package cocon.intake;

import java.util.List;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.Refusal;

/** The refusals of intake's use cases, in the shared vocabulary (ADR 0020); the platform answers them. */
final class IntakeExceptions {

	private IntakeExceptions() {
	}

	static class UnknownCampaignException extends Refusal.NotFound {
		UnknownCampaignException(CampaignId id) {
			super("Campagne inconnue", "Aucune campagne " + id + " n'est connue.");
		}
	}

	static class UnknownContributionException extends Refusal.NotFound {
		UnknownContributionException(ContributionId id) {
			super("Contribution inconnue", "Aucune contribution " + id + " n'existe.");
		}
	}

	/** The signed-in person acts for no organisation, and a contribution comes from an organisation. */
	static class MissingOrganisationException extends Refusal.Forbidden {
		MissingOrganisationException() {
			super("Aucune organisation", "Votre compte n'est rattaché à aucune organisation : une contribution est déposée au nom d'une "
					+ "collectivité ou d'une organisation identifiée par son SIRET. Connectez-vous avec un compte professionnel rattaché à votre organisation.");
		}
	}

	/** Only its author and the staff may read a contribution. */
	static class NotYourContributionException extends Refusal.Forbidden {
		NotYourContributionException() {
			super("Accès refusé", "Cette contribution n'est visible que par son auteur et par l'équipe de la campagne.");
		}
	}

	/** A contribution already triaged, or a correction after the contribution window. */
	static class NotRevisableException extends Refusal.Conflict {
		NotRevisableException(String message) {
			super(message);
		}
	}

	/** A CSV file that cannot be read at all (encoding, header, unterminated quote). */
	static class UnreadableCsvException extends Refusal.Invalid {
		UnreadableCsvException(String message) {
			super("Fichier CSV illisible", message, List.of());
			with("expectedColumns", List.copyOf(ContributionImport.REQUIRED));
		}
	}
}
