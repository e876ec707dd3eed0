package cocon.curation;

import cocon.shared.Refusal;

/** A decision the current state forbids (answered 409): the message is French and shown to the curator. */
class IllegalTransition extends Refusal.Conflict {

	IllegalTransition(String message) {
		super("Décision impossible dans l'état actuel", message);
	}
}
