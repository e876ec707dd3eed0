package cocon.voting;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import cocon.shared.cache.BoundedCache;

/**
 * The last public proposal list and ranking of each campaign, so that reading them with millions of supports
 * stored costs neither a query nor the building of the breakdowns. A {@link BoundedCache} (ADR 0025): every change
 * of a count or of a published proposal made by this instance is seen at once (its transaction moves the
 * generation when it ends); a change made by another instance, or by SQL by hand, within {@code cocon.cache.max-age}.
 * <p>
 * When the database cannot be read (an outage, ADR 0010), the last answer computed keeps being served, however old:
 * the public keeps reading the proposals and the ranking while writes are refused, so nothing read can be newer.
 */
@Component
class StandingsCache {

	private static final Logger LOG = LoggerFactory.getLogger(StandingsCache.class);

	/** After a failed refresh, how long the last answer is served before the database is asked again. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
	private static final int MAX_ENTRIES = 1_000;

	private record Key(String view, UUID campaign) {
	}

	private final BoundedCache<Key, Object> answers;

	StandingsCache(@Value("${cocon.cache.max-age:2s}") Duration maxAge) {
		this.answers = BoundedCache.<Key, Object>of(maxAge, MAX_ENTRIES)
				.servingLastKnownWhen(StandingsCache::databaseUnavailable, RETRY_AFTER_FAILURE);
	}

	private static boolean databaseUnavailable(RuntimeException failure) {
		if (failure instanceof DataAccessException || failure instanceof TransactionException) {
			LOG.debug("Base de données injoignable : dernière réponse connue servie ({})", failure.toString());
			return true;
		}
		return false;
	}

	/** Called inside the transaction that changes counts or proposals: forgets every cached answer when it ends. */
	void changed() {
		answers.changed();
	}

	/** The cached answer of the view for the campaign, computed again when anything changed since. */
	@SuppressWarnings("unchecked")
	<T> T get(String view, UUID campaign, Supplier<T> compute) {
		return (T) answers.get(new Key(view, campaign), compute);
	}
}
