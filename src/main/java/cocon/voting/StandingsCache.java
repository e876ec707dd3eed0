package cocon.voting;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last public proposal list and ranking of each campaign, so that reading them with millions of supports
 * stored costs neither a query nor the building of the breakdowns. Exact: every change of a count or of a
 * published proposal made by this instance moves a generation once its transaction has ended, and an answer
 * computed under an older generation is never served again (an answer computed while a change commits is stored
 * under the generation read before computing, so it is recomputed at the next read). Changes made outside this
 * instance (another instance, SQL by hand) are seen within {@link #MAX_AGE}.
 * <p>
 * When the database cannot be read (an outage, ADR 0010), the last answer computed keeps being served, however old:
 * the public keeps reading the proposals and the ranking while writes are refused, so nothing read can be newer.
 */
@Component
class StandingsCache {

	private static final Logger LOG = LoggerFactory.getLogger(StandingsCache.class);

	static final Duration MAX_AGE = Duration.ofSeconds(1);

	/** After a failed refresh, how long the last answer is served before the database is asked again. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
	private static final int MAX_ENTRIES = 1_000;

	private record Key(String view, UUID campaign) {
	}

	/** {@code freshFor}: how long after {@code computedAt} the value is served without asking the database. */
	private record Entry(long generation, long computedAt, long freshFor, Object value) {
	}

	private final AtomicLong generation = new AtomicLong();
	private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

	/** Called inside the transaction that changes counts or proposals: forgets every cached answer when it ends. */
	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
				}
			});
		}
		else {
			generation.incrementAndGet();
		}
	}

	/** The cached answer of the view for the campaign, computed again when anything changed since. */
	@SuppressWarnings("unchecked")
	<T> T get(String view, UUID campaign, Supplier<T> compute) {
		long current = generation.get();
		long now = System.nanoTime();
		var key = new Key(view, campaign);
		var entry = entries.get(key);
		if (entry != null && entry.generation() == current && now - entry.computedAt() < entry.freshFor()) {
			return (T) entry.value();
		}
		T value;
		try {
			value = compute.get();
		}
		catch (DataAccessException | TransactionException failure) {
			if (entry == null) {
				throw failure;
			}
			LOG.debug("Base de données injoignable : dernière réponse connue servie pour {} ({})", key, failure.toString());
			// the next readers get it at once instead of each waiting for the pool's timeout
			entries.put(key, new Entry(current, System.nanoTime(), RETRY_AFTER_FAILURE.toNanos(), entry.value()));
			return (T) entry.value();
		}
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(key, new Entry(current, now, MAX_AGE.toNanos(), value));
		return value;
	}
}
