package cocon.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the directory when the application starts, unless its version is already there (a check of a few
 * milliseconds). A first load takes about a second: it runs before the application reports ready, so that
 * sign-in and tests always see the collectivités. {@code cocon.directory.load-on-startup=false} turns it off.
 */
@Component
class DirectoryStartup implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DirectoryStartup.class);

	private final DirectoryLoader loader;
	private final boolean enabled;

	DirectoryStartup(DirectoryLoader loader, @Value("${cocon.directory.load-on-startup:true}") boolean enabled) {
		this.loader = loader;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			LOG.info("Chargement de l'annuaire des collectivités désactivé (cocon.directory.load-on-startup=false).");
			return;
		}
		loader.loadIfNeeded();
	}
}
