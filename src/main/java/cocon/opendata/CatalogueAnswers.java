package cocon.opendata;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import cocon.shared.cache.BoundedCache;
import cocon.shared.web.WeakEtags;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DCAT catalogue as it is sent: its JSON-LD bytes and their ETag, made once per change instead of once per
 * request (ADR 0061), since making it asks every module for a snapshot of every dataset of every campaign. A
 * {@link BoundedCache} (ADR 0025): every event of the application published on this instance (a module's,
 * {@code cocon.<module>.events}) moves its generation when its transaction ends, so that a change announced here is
 * seen at the next read; anything else (another instance, SQL by hand, a count not yet announced) within
 * {@code cocon.cache.max-age}. During a database outage the last catalogue made is served (ADR 0010).
 */
@Component
class CatalogueAnswers {

	/** One catalogue as sent: weak ETag (the container compresses only under a weak ETag), a digest of the bytes. */
	record Answer(byte[] json, String etag) {
	}

	private final BoundedCache<String, Answer> answers;
	private final JsonMapper json;

	CatalogueAnswers(@Value("${cocon.cache.max-age:2s}") Duration maxAge, JsonMapper json) {
		this.answers = BoundedCache.<String, Answer>of(maxAge, 16).servingLastKnownWhen(
				failure -> failure instanceof DataAccessException || failure instanceof TransactionException,
				Duration.ofSeconds(5));
		this.json = json;
	}

	/** Any event a module publishes may change a dataset: the next catalogue is made again. */
	@EventListener
	void published(PayloadApplicationEvent<?> event) {
		// the application's own events only: not the framework's, which come with every request
		if (event.getPayload().getClass().getName().startsWith("cocon.")) {
			answers.changed();
		}
	}

	/** The catalogue for the service's address {@code base}, made by {@code make} when anything changed since. */
	Answer catalogue(String base, Supplier<Map<String, Object>> make) {
		return answers.get(base, () -> {
			var bytes = json.writeValueAsBytes(make.get());
			return new Answer(bytes, WeakEtags.of(bytes));
		});
	}
}
