package cocon.voting;

import org.springframework.http.HttpStatus;

/**
 * A support or a withdrawal that the rules of the campaign refuse, with the reason told to the collectivité.
 */
class SupportRefused extends RuntimeException {

	enum Reason {
		NO_ORGANISATION(HttpStatus.FORBIDDEN, "Compte sans collectivité"),
		UNVERIFIED(HttpStatus.FORBIDDEN, "Collectivité non vérifiée"),
		NOT_ELIGIBLE(HttpStatus.FORBIDDEN, "Collectivité non éligible"),
		UNKNOWN_PROPOSAL(HttpStatus.NOT_FOUND, "Proposition introuvable"),
		NOT_OPEN_YET(HttpStatus.CONFLICT, "Période de soutien pas encore ouverte"),
		CLOSED(HttpStatus.CONFLICT, "Période de soutien close");

		private final HttpStatus status;
		private final String title;

		Reason(HttpStatus status, String title) {
			this.status = status;
			this.title = title;
		}

		HttpStatus status() {
			return status;
		}

		String title() {
			return title;
		}
	}

	private final Reason reason;

	SupportRefused(Reason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}
}
