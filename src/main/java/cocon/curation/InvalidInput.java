package cocon.curation;

/** A field of a request is invalid (answered 400 with the field at fault). */
class InvalidInput extends RuntimeException {

	private final String field;

	InvalidInput(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}
}
