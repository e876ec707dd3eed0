package cocon.platform;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Where the modules' event listeners run ({@code @ApplicationModuleListener}, asynchronous): on the application's
 * task executor, each delivery on its own thread (a virtual one from Java 21), but at most
 * {@code cocon.events.listeners.concurrency} of them at once, half the connection pool by default (ADR 0080). Each
 * delivery holds a database connection; without a bound, the events of one import of 1,000 contributions started
 * 3,000 deliveries at once, which emptied the pool: a request waited 2 s and answered 503, and the deliveries that
 * timed out waited for the staleness monitor and the resubmission job, a minute or two later. The deliveries beyond
 * the bound wait for their turn, first come first served; the thread that publishes never waits.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecution implements AsyncConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(EventListenerExecution.class);

	private final ObjectProvider<Executor> applicationTaskExecutor;
	private final int concurrency;

	EventListenerExecution(@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor,
			@Value("${cocon.events.listeners.concurrency}") int configured,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
		this.applicationTaskExecutor = applicationTaskExecutor;
		this.concurrency = configured > 0 ? configured : Math.max(1, poolSize / 2);
	}

	@Override
	public Executor getAsyncExecutor() {
		LOG.debug("Au plus {} livraisons d'événements à la fois", concurrency);
		return new BoundedExecutor(applicationTaskExecutor.getObject(), concurrency);
	}
}
