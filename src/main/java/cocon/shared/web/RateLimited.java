package cocon.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web handler whose calls count against a named rate limit, per signed-in identity and per client address
 * (ADR 0012). The module that owns the operation says it is limited; the platform enforces the limit and answers
 * {@code 429} with {@code Retry-After} when it is exceeded. The limits are configured under
 * {@code cocon.rate-limits.operations.<name>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RateLimited {

	/** Supporting and withdrawing a support: what a robot would repeat. */
	String SUPPORTS = "supports";

	/** The name of the limit, a key of {@code cocon.rate-limits.operations}. */
	String value();

	/**
	 * Whether anonymous calls count too, per address (a public form such as the subscription to the news): by default
	 * an anonymous call is left to the handler, which refuses it anyway.
	 */
	boolean anonymous() default false;
}
