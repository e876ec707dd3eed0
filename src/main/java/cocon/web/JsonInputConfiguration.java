package cocon.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How the API reads JSON bodies (ADR 13): strictly, and only there. The application's {@link JsonMapper} stays as
 * Spring Boot builds it (the event publication registry reads its stored events with it); the HTTP converter gets
 * a copy that refuses unknown fields, decimals for whole numbers, nulls for primitives, trailing content, numbers or
 * booleans where text is expected, anything but {@code true}/{@code false} for a boolean, and any
 * text holding a NUL character (PostgreSQL cannot store U+0000 in {@code text}) or longer than
 * {@link #TEXT_MAX} characters. Each refusal keeps Jackson's path to the field, which {@link ProblemDetailsAdvice}
 * names in its French problem detail.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

	/** The longest text any field of the API accepts; fields with a domain limit have a smaller one. */
	static final int TEXT_MAX = 10_000;

	/** Runs after Spring Boot's own customizer (order 0), so that its JSON converter is replaced. */
	@Bean
	@Order(10)
	ServerHttpMessageConvertersCustomizer strictJsonInput(JsonMapper mapper) {
		var strict = mapper.rebuild()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				// a number or a boolean where text is expected, text or a number where a boolean is expected
				// (an erasure confirmed by "confirm": 3) are the client's mistakes, not values to convert
				.withCoercionConfig(LogicalType.Textual, text -> text
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Boolean, bool -> bool
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
				.addModule(new SimpleModule("cocon-checked-text").addDeserializer(String.class, new CheckedText()))
				.build();
		return builder -> builder.withJsonConverter(new SizedJsonAnswers(strict));
	}

	/** A text refused before it reaches the code: what is wrong with it, the field comes from Jackson's path. */
	static final class RefusedText extends MismatchedInputException {

		enum Reason { NUL, TOO_LONG }

		private final Reason reason;

		RefusedText(JsonParser parser, Reason reason) {
			super(parser, "refused text: " + reason, String.class);
			this.reason = reason;
		}

		Reason reason() {
			return reason;
		}
	}

	/** Jackson's own string reading, then the two checks every text of the API must pass. */
	static final class CheckedText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			var text = super.deserialize(parser, context);
			if (text != null) {
				if (text.indexOf('\u0000') >= 0) {
					throw new RefusedText(parser, RefusedText.Reason.NUL);
				}
				if (text.length() > TEXT_MAX) {
					throw new RefusedText(parser, RefusedText.Reason.TOO_LONG);
				}
			}
			return text;
		}
	}
}
