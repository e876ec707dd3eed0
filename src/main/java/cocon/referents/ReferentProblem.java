package cocon.referents;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cocon.shared.Window;

/** Why a request about referent territories is refused, in French, for the API and the pages alike. */
abstract sealed class ReferentProblem extends RuntimeException {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

	ReferentProblem(String message) {
		super(message);
	}

	/** The proposal is unknown or not (or no longer) shortlisted: 404. */
	static final class UnknownCall extends ReferentProblem {
		UnknownCall() {
			super("Cette proposition n'est pas présélectionnée : aucun appel à manifestation d'intérêt n'est ouvert pour elle.");
		}
	}

	/** The organisation may not apply: 403. */
	static final class NotEligible extends ReferentProblem {
		NotEligible(String reason) {
			super(reason);
		}
	}

	/** Outside the applications window: 409. */
	static final class WindowClosed extends ReferentProblem {
		WindowClosed(Window window) {
			super(window == null ? "Le calendrier des candidatures de cette campagne n'est pas encore connu."
					: "Les candidatures des territoires référents sont ouvertes du "
							+ DATE.format(window.opensInParis()) + " au " + DATE.format(window.closesInParis())
							+ " (heure de Paris).");
		}
	}

	/** Unknown application: 404. */
	static final class UnknownApplication extends ReferentProblem {
		UnknownApplication() {
			super("Cette candidature n'existe pas.");
		}
	}

	/** The call was cancelled: no more sessions. 409. */
	static final class CallCancelled extends ReferentProblem {
		CallCancelled() {
			super("L'appel de cette proposition a été annulé : plus aucune séance ne peut y être enregistrée.");
		}
	}

	/** An invalid session (attendee not a member, date in the future): 400 on the given field. */
	static final class InvalidSession extends ReferentProblem {
		private final String field;

		InvalidSession(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return field;
		}
	}
}
