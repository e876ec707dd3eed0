package cocon.shared.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import cocon.shared.AfterCommit;

/**
 * A cache in memory that stays exact within a known bound when several instances share one database (ADR 0025).
 * Two rules, nothing else:
 * <ul>
 * <li>a <b>generation</b>: every change made by this instance calls {@link #changed()}, which moves the generation
 * once the caller's transaction has ended; an answer computed under an older generation is never served again (an
 * answer computed while a change commits is stored under the generation read before computing, so it is computed
 * again at the next read). Changes made by this instance are therefore seen at once;</li>
 * <li>a <b>maximum age</b> ({@code cocon.cache.max-age}, 2 s unless configured): no answer is served longer than
 * that after it was computed, so a change made elsewhere (another instance, SQL by hand) is seen at most that long
 * after it committed.</li>
 * </ul>
 * Optionally, when computing fails because the database cannot be read (an outage, ADR 0010), the last answer known
 * is served instead, however old, and the database is asked again only after {@code retryAfterFailure}: readers get
 * an answer at once instead of each waiting for the connection pool's timeout.
 *
 * @param <K> the key of an answer
 * @param <V> the answer
 */
public final class BoundedCache<K, V> {

	/** The default maximum age of an answer, also the default of {@code cocon.cache.max-age}. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2);

	/** {@code freshFor}: how long after {@code computedAt} (nanoseconds) the value is served as it is. */
	private record Entry<V>(long generation, long computedAt, long freshFor, V value) {
	}

	private final long maxAge;
	private final int maxEntries;
	private final Predicate<RuntimeException> servesLastKnown;
	private final long retryAfterFailure;
	private final AtomicLong generation = new AtomicLong();
	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private BoundedCache(Duration maxAge, int maxEntries, Predicate<RuntimeException> servesLastKnown,
			Duration retryAfterFailure) {
		if (maxAge.isNegative() || maxEntries < 1) {
			throw new IllegalArgumentException("Âge maximal positif et au moins une entrée.");
		}
		this.maxAge = maxAge.toNanos();
		this.maxEntries = maxEntries;
		this.servesLastKnown = servesLastKnown;
		this.retryAfterFailure = retryAfterFailure.toNanos();
	}

	/** A cache whose answers are served at most {@code maxAge}, emptied beyond {@code maxEntries} keys. */
	public static <K, V> BoundedCache<K, V> of(Duration maxAge, int maxEntries) {
		return new BoundedCache<>(maxAge, maxEntries, failure -> false, Duration.ZERO);
	}

	/**
	 * The same cache, which serves the last answer known when computing throws a failure that {@code unavailable}
	 * recognises, and asks again {@code retryAfter} later.
	 */
	public BoundedCache<K, V> servingLastKnownWhen(Predicate<RuntimeException> unavailable, Duration retryAfter) {
		return new BoundedCache<>(Duration.ofNanos(maxAge), maxEntries, unavailable, retryAfter);
	}

	/**
	 * Something cached changed: every answer is computed again once the caller's transaction has ended (committed or
	 * rolled back: after a rollback the answers are computed again needlessly, never wrongly), at once without one.
	 */
	public void changed() {
		AfterCommit.runWhenEnded(generation::incrementAndGet);
	}

	/** The current generation: how many changes this instance has seen end. */
	public long generation() {
		return generation.get();
	}

	/** The answer for the key: cached when computed under the current generation less than the maximum age ago. */
	public V get(K key, Supplier<? extends V> compute) {
		long current = generation.get();
		long now = System.nanoTime();
		var entry = entries.get(key);
		if (entry != null && entry.generation() == current && now - entry.computedAt() < entry.freshFor()) {
			return entry.value();
		}
		V value;
		try {
			value = compute.get();
		}
		catch (RuntimeException failure) {
			if (entry == null || !servesLastKnown.test(failure)) {
				throw failure;
			}
			// the next readers get it at once instead of each waiting for the pool's timeout
			entries.put(key, new Entry<>(current, System.nanoTime(), retryAfterFailure, entry.value()));
			return entry.value();
		}
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		entries.put(key, new Entry<>(current, now, maxAge, value));
		return value;
	}
}
