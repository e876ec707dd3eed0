package cocon.voting;

import java.util.List;

import cocon.shared.Refusal;

/**
 * A support or a withdrawal that the rules of the campaign refuse, with the reason told to the collectivité; each
 * reason is one kind of the shared refusal vocabulary (ADR 0020) and its code is the {@code reason} of the problem.
 */
class SupportRefused extends Refusal {

	enum Reason {
		NO_ORGANISATION(Kind.FORBIDDEN, "Compte sans collectivité"),
		UNVERIFIED(Kind.FORBIDDEN, "Collectivité non vérifiée"),
		NOT_ELIGIBLE(Kind.FORBIDDEN, "Collectivité non éligible"),
		UNKNOWN_PROPOSAL(Kind.NOT_FOUND, "Proposition introuvable"),
		NOT_OPEN_YET(Kind.CONFLICT, "Période de soutien pas encore ouverte"),
		CLOSED(Kind.CONFLICT, "Période de soutien close");

		private final Kind kind;
		private final String title;

		Reason(Kind kind, String title) {
			this.kind = kind;
			this.title = title;
		}

		Kind kind() {
			return kind;
		}

		String title() {
			return title;
		}
	}

	private final Reason reason;

	SupportRefused(Reason reason, String detail) {
		super(reason.kind(), reason.title(), detail, List.of());
		this.reason = reason;
		with("reason", reason.name());
	}

	Reason reason() {
		return reason;
	}
}
