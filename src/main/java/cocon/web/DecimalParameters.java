package cocon.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;

/**
 * Whole numbers in addresses and forms are read in decimal only (issue 22). Spring's default editors read
 * {@code 0x10} as 16, {@code #10} as 16 and {@code 010} as 8 (they decode hexadecimal and octal notations):
 * {@code page=0x10} is a client's mistake to refuse (400), not page 16. An editor of the binder, because a failed
 * conversion falls back on the default editors. Registered on every binder by Spring MVC's binder factory
 * ({@link MvcConfiguration}), not by an {@code @ControllerAdvice} {@code @InitBinder}, which built and invoked a
 * handler method per request (ADR 0062).
 */
final class DecimalParameters {

	private DecimalParameters() {
	}

	private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,19}");

	static void decimalOnly(WebDataBinder binder) {
		binder.registerCustomEditor(int.class, new Decimal<>(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new Decimal<>(Integer::valueOf, true));
		binder.registerCustomEditor(long.class, new Decimal<>(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new Decimal<>(Long::valueOf, true));
	}

	/** Reads a decimal number; empty text is no value for a wrapper type, an error for a primitive. */
	private static final class Decimal<T extends Number> extends PropertyEditorSupport {

		private final Function<String, T> parse;
		private final boolean emptyIsNull;

		Decimal(Function<String, T> parse, boolean emptyIsNull) {
			this.parse = parse;
			this.emptyIsNull = emptyIsNull;
		}

		@Override
		public void setAsText(String text) {
			var trimmed = text == null ? "" : text.strip();
			if (trimmed.isEmpty() && emptyIsNull) {
				setValue(null);
				return;
			}
			if (!DECIMAL.matcher(trimmed).matches()) {
				throw new IllegalArgumentException("not a decimal number: " + trimmed);
			}
			setValue(parse.apply(trimmed)); // out of range: NumberFormatException, an IllegalArgumentException too
		}

		@Override
		public String getAsText() {
			var value = getValue();
			return value == null ? "" : value.toString();
		}
	}
}
