package cocon.referents;

import java.util.List;

import cocon.shared.Refusal;
import cocon.shared.Window;

/**
 * Why a request about referent territories is refused, in French, for the API and the pages alike; each reason is
 * one kind of the shared refusal vocabulary (ADR 0020), which the platform answers.
 */
abstract sealed class ReferentProblem extends Refusal {


	ReferentProblem(Kind kind, String message) {
		this(kind, message, List.of());
	}

	ReferentProblem(Kind kind, String message, List<FieldError> errors) {
		super(kind, kind == Kind.CONFLICT ? "Demande refusée" : null, message, errors);
	}

	/** The proposal is unknown or not (or no longer) shortlisted: 404. */
	static final class UnknownCall extends ReferentProblem {
		UnknownCall() {
			super(Kind.NOT_FOUND, "Cette proposition n'est pas présélectionnée : aucun appel à manifestation d'intérêt n'est ouvert pour elle.");
		}
	}

	/** The organisation may not apply: 403. */
	static final class NotEligible extends ReferentProblem {
		NotEligible(String reason) {
			super(Kind.FORBIDDEN, reason);
		}
	}

	/** Outside the applications window: 409. */
	static final class WindowClosed extends ReferentProblem {
		WindowClosed(Window window) {
			super(Kind.CONFLICT, window == null ? "Le calendrier des candidatures de cette campagne n'est pas encore connu."
					: "Les candidatures des territoires référents sont ouvertes du "
							+ cocon.shared.FrenchDates.dateTime(window.opens()) + " au " + cocon.shared.FrenchDates.dateTime(window.closes())
							+ " (heure de Paris).");
		}
	}

	/** Unknown application: 404. */
	static final class UnknownApplication extends ReferentProblem {
		UnknownApplication() {
			super(Kind.NOT_FOUND, "Cette candidature n'existe pas.");
		}
	}

	/** The call was cancelled: no more sessions. 409. */
	static final class CallCancelled extends ReferentProblem {
		CallCancelled() {
			super(Kind.CONFLICT, "L'appel de cette proposition a été annulé : plus aucune séance ne peut y être enregistrée.");
		}
	}

	/** An invalid session (attendee not a member, date in the future): 400 on the given field. */
	static final class InvalidSession extends ReferentProblem {
		private final String field;

		InvalidSession(String field, String message) {
			super(Kind.INVALID, message, List.of(new FieldError(field, message)));
			this.field = field;
		}

		String field() {
			return field;
		}
	}
}
