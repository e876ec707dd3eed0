package cocon.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits against robots (ADR 0012), under {@code cocon.rate-limits}: wrong passwords at sign-in, and the
 * operations marked {@link cocon.shared.web.RateLimited}, each per identity and per client address.
 *
 * @param enabled off only for a load test that wants to measure the application without them
 * @param signIn wrong passwords allowed per identity tried and per address, in a fixed window
 * @param operations per operation name: calls allowed per identity and per address, refilled continuously
 */
@ConfigurationProperties("cocon.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Pair signIn, Map<String, Pair> operations) {

	RateLimitProperties {
		operations = operations == null ? Map.of() : Map.copyOf(operations);
	}

	/** A limit per identity and one per address. */
	record Pair(Limit perIdentity, Limit perAddress) {
	}

	/** At most {@code capacity} in any {@code period}. */
	record Limit(long capacity, Duration period) {

		Limit {
			if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("Limite invalide : il faut une capacité d’au moins 1 et une durée positive.");
			}
		}
	}
}
