package cocon.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a module says no to a request, in one small vocabulary shared by every module (ADR 0020): the thing is
 * {@linkplain NotFound not found}, the input is {@linkplain Invalid invalid} (with the fields at fault), the state
 * forbids it ({@linkplain Conflict conflict}), the person may not ({@linkplain Forbidden forbidden}), or it cannot
 * be done now ({@linkplain Unavailable unavailable}). The detail is a French sentence shown to the user; the title is
 * optional (the platform's French title of the status otherwise). Modules only throw refusals: the platform maps
 * them, once, to RFC 9457 problem details for the API and to the error page for pages; a page that shows the
 * refusal inline catches it and reads {@link #getMessage()} and {@link #errors()}.
 */
public abstract class Refusal extends RuntimeException {

	/** The five ways to say no; the platform gives each its HTTP status (404, 400, 409, 403, 503). */
	public enum Kind {
		NOT_FOUND, INVALID, CONFLICT, FORBIDDEN, UNAVAILABLE
	}

	/** A field at fault and its French message. */
	public record FieldError(String field, String message) {
	}

	private final Kind kind;
	private final String title;
	private final List<FieldError> errors;
	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected Refusal(Kind kind, String title, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.kind = kind;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public Kind kind() {
		return kind;
	}

	/** The title of the problem, or {@code null} for the platform's title of the status. */
	public String title() {
		return title;
	}

	/** The fields at fault (only for an invalid input), in the order they were found. */
	public List<FieldError> errors() {
		return errors;
	}

	/** Further members of the problem detail (e.g. the reason code, the allowed values). */
	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

	/** Adds a member to the problem detail; returns this refusal, to be thrown. */
	public Refusal with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	/** Something the request names does not exist (404). */
	public static class NotFound extends Refusal {

		public NotFound(String detail) {
			this(null, detail);
		}

		public NotFound(String title, String detail) {
			super(Kind.NOT_FOUND, title, detail, List.of());
		}
	}

	/** The input is wrong (400), with the fields at fault when they are known. */
	public static class Invalid extends Refusal {

		public Invalid(String title, String detail, List<FieldError> errors) {
			super(Kind.INVALID, title, detail, errors);
		}

		/** A wrong input that is no one field's (the detail says which). */
		public Invalid(String detail) {
			this(null, detail, List.of());
		}

		/** The fields at fault; the detail is the first message. */
		public Invalid(List<FieldError> errors) {
			this(null, errors.isEmpty() ? "Requête invalide." : errors.get(0).message(), errors);
		}

		/** One field at fault; the detail is its message. */
		public static Invalid field(String field, String message) {
			return new Invalid(List.of(new FieldError(field, message)));
		}

		/**
		 * A text field that must be filled in: refuses a missing or blank value with the message, as the field's
		 * error; otherwise returns the value without its surrounding spaces.
		 */
		public static String required(String field, String value, String message) {
			if (value == null || value.isBlank()) {
				throw field(field, message);
			}
			return value.strip();
		}
	}

	/** The current state forbids the request (409). */
	public static class Conflict extends Refusal {

		public Conflict(String detail) {
			this(null, detail);
		}

		public Conflict(String title, String detail) {
			super(Kind.CONFLICT, title, detail, List.of());
		}
	}

	/** This person, or their organisation, may not do this (403). */
	public static class Forbidden extends Refusal {

		public Forbidden(String detail) {
			this(null, detail);
		}

		public Forbidden(String title, String detail) {
			super(Kind.FORBIDDEN, title, detail, List.of());
		}
	}

	/** It cannot be done now, try later (503). */
	public static class Unavailable extends Refusal {

		public Unavailable(String title, String detail) {
			super(Kind.UNAVAILABLE, title, detail, List.of());
		}
	}

	/** Collects the fields at fault of a form or a body, then refuses them all at once. */
	public static final class Collector {

		private final List<FieldError> errors = new ArrayList<>();

		public void add(String field, String message) {
			errors.add(new FieldError(field, message));
		}

		/**
		 * Checks a text field that must be filled in and hold at most {@code max} characters once stripped: adds
		 * {@code missing} or {@code tooLong} as the field's error; returns whether the text is acceptable.
		 */
		public boolean requireText(String field, String value, int max, String missing, String tooLong) {
			if (value == null || value.isBlank()) {
				add(field, missing);
				return false;
			}
			if (value.strip().length() > max) {
				add(field, tooLong);
				return false;
			}
			return true;
		}

		public boolean isEmpty() {
			return errors.isEmpty();
		}

		public List<FieldError> errors() {
			return List.copyOf(errors);
		}

		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
		}
	}
}
