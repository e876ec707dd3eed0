package cocon.curation;

/** A decision the current state forbids (answered 409): the message is French and shown to the curator. */
class IllegalTransition extends RuntimeException {

	IllegalTransition(String message) {
		super(message);
	}
}
