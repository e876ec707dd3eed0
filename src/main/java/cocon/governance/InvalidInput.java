package cocon.governance;

import java.util.ArrayList;
import java.util.List;

/** An invalid request body: the fields at fault with a French message each (answered as a 400 problem). */
class InvalidInput extends RuntimeException {

	private final List<FieldError> errors;

	InvalidInput(List<FieldError> errors) {
		super(errors.isEmpty() ? "Requête invalide." : errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	static InvalidInput of(String field, String message) {
		return new InvalidInput(List.of(new FieldError(field, message)));
	}

	List<FieldError> errors() {
		return errors;
	}

	record FieldError(String field, String message) {
	}

	/** Collects the fields at fault, then throws them all at once. */
	static class Collector {

		private final List<FieldError> errors = new ArrayList<>();

		void add(String field, String message) {
			errors.add(new FieldError(field, message));
		}

		boolean isEmpty() {
			return errors.isEmpty();
		}

		List<FieldError> errors() {
			return errors;
		}

		void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
		}
	}
}
