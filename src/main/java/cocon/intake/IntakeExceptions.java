package cocon.intake;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;

/** The refusals of intake's use cases, turned into problem details by {@link IntakeProblems}. */
final class IntakeExceptions {

	private IntakeExceptions() {
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownCampaignException extends RuntimeException {
		UnknownCampaignException(CampaignId id) {
			super("Aucune campagne " + id + " n'est connue.");
		}
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class UnknownContributionException extends RuntimeException {
		UnknownContributionException(ContributionId id) {
			super("Aucune contribution " + id + " n'existe.");
		}
	}

	/** The signed-in person acts for no organisation, and a contribution comes from an organisation. */
	static class MissingOrganisationException extends RuntimeException {
		MissingOrganisationException() {
			super("Votre compte n'est rattaché à aucune organisation : une contribution est déposée au nom d'une "
					+ "collectivité ou d'une organisation identifiée par son SIRET. Connectez-vous avec un compte professionnel rattaché à votre organisation.");
		}
	}

	/** Only its author and the staff may read a contribution. */
	static class NotYourContributionException extends RuntimeException {
		NotYourContributionException() {
			super("Cette contribution n'est visible que par son auteur et par l'équipe de la campagne.");
		}
	}

	/** A CSV file that cannot be read at all (encoding, header, unterminated quote). */
	static class UnreadableCsvException extends RuntimeException {
		UnreadableCsvException(String message) {
			super(message);
		}
	}
}
