package cocon.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One rate limit (a Bucket4j token bucket per key: an identity or an address), kept in memory. A limit is for one
 * instance: behind a load balancer each instance counts its own requests, which multiplies the allowance by the
 * number of instances (ADR 0012).
 */
final class RateLimiter {

	/** Above this many keys, the buckets that are full again (keys idle for a whole period) are forgotten. */
	static final int SWEEP_ABOVE = 50_000;

	private final RateLimitProperties.Limit limit;
	private final boolean window;
	private final TimeMeter time;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * @param window {@literal true} for a fixed window (the whole capacity comes back at the end of the period, as
	 *        "10 wrong passwords per 15 minutes" reads), {@literal false} for a continuous refill (a steady rate)
	 */
	RateLimiter(RateLimitProperties.Limit limit, boolean window, TimeMeter time) {
		this.limit = limit;
		this.window = window;
		this.time = time;
	}

	/** Takes one token for the key: 0 when granted, otherwise the seconds to wait before the next one. */
	long take(String key) {
		var probe = bucket(key).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
	}

	/** Without taking any: 0 when the key has a token left, otherwise the seconds to wait before the next one. */
	long waitFor(String key) {
		var bucket = buckets.get(key);
		if (bucket == null) {
			return 0;
		}
		var estimate = bucket.estimateAbilityToConsume(1);
		return estimate.canBeConsumed() ? 0 : seconds(estimate.getNanosToWaitForRefill());
	}

	int keys() {
		return buckets.size();
	}

	private Bucket bucket(String key) {
		var bucket = buckets.get(key);
		if (bucket != null) {
			return bucket;
		}
		if (buckets.size() >= SWEEP_ABOVE) {
			// a full bucket behaves exactly like a new one: forgetting it changes no answer
			buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.capacity());
		}
		return buckets.computeIfAbsent(key, k -> newBucket());
	}

	private Bucket newBucket() {
		return Bucket.builder()
				.addLimit(l -> window
						? l.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period())
						: l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
				.withCustomTimePrecision(time)
				.build();
	}

	private static long seconds(long nanos) {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
	}
}
