package cocon.curation;

/** Something the request names does not exist (answered 404). */
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message);
	}
}
