package cocon.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line a newcomer looks for in the log: where the home page answers, once it does. The demonstration may still
 * be preparing in the background then; its banner says so on the pages.
 */
@Component
class ReadyAnnouncement {

	private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncement.class);

	@EventListener
	void onReady(ApplicationReadyEvent ready) {
		Environment environment = ready.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port != null) {
			LOG.info("Cocon est prêt sur http://localhost:{} (adresse publique : {})", port,
					environment.getProperty("cocon.base-url"));
		}
	}
}
