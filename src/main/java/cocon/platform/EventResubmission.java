package cocon.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Delivers again every event publication that failed, until it is delivered (invariant 8; ADR 0010 and 0011). A
 * listener that threw, or that could not even record its failure because the database was down, or an instance that
 * died while delivering, leaves its publication incomplete; Spring Modulith's staleness monitor
 * ({@code spring.modulith.events.staleness.*}) marks those still incomplete after their bound as failed, and this
 * job, on one instance at a time, resubmits the failed ones at least {@code cocon.events.resubmission.min-age} old
 * (so that a publication being delivered right now is left alone). It replaces the republication at every restart,
 * which with several instances would deliver everything outstanding once per instance started.
 */
@Component
class EventResubmission {

	private static final Logger LOG = LoggerFactory.getLogger(EventResubmission.class);

	private final FailedEventPublications failed;
	private final ResubmissionOptions options;

	EventResubmission(FailedEventPublications failed,
			@Value("${cocon.events.resubmission.min-age:1m}") Duration minimumAge,
			@Value("${cocon.events.resubmission.batch-size:500}") int batchSize) {
		this.failed = failed;
		// at most one batch in flight: a listener that keeps failing is retried, it does not pile up
		this.options = ResubmissionOptions.defaults()
				.withMinAge(minimumAge)
				.withBatchSize(batchSize)
				.withMaxInFlight(batchSize);
	}

	/** Every 30 seconds by default ({@code cocon.events.resubmission.cron}), on one instance. */
	@Scheduled(cron = "${cocon.events.resubmission.cron:*/30 * * * * *}")
	@SchedulerLock(name = "event-resubmission", lockAtMostFor = "${cocon.events.resubmission.lock-at-most:PT5M}",
			lockAtLeastFor = "${cocon.events.resubmission.lock-at-least:PT10S}")
	void resubmitFailedPublications() {
		try {
			failed.resubmit(options);
		}
		catch (RuntimeException e) {
			// the database is down again: the publications stay failed, the next run takes them
			LOG.warn("Nouvelle livraison des événements reportée : {}", e.toString());
		}
	}
}
