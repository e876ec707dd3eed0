package cocon.directory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Loads the directory when the application starts, in a background thread so that start-up is not slowed: a
 * version already loaded is detected in a few milliseconds; a first load takes a few seconds. The thread starts as
 * soon as the migrations are done ({@link DependsOnDatabaseInitialization}), not once the context has started: on a
 * fresh folder the first load then runs on the second core while the main thread builds the rest of the context, and
 * the living demo, which reads the directory first, waits seconds less for it (issue 26, ADR 0054). While the very first
 * load runs (empty directory), lookups wait for it (see {@link #awaitInitialLoad()}), so sign-in, the API and the
 * tests never see a half-empty directory; while a newer version is loaded over an older one, lookups read the
 * older one until the new one is committed. {@code cocon.directory.load-on-startup=false} turns loading off.
 */
@Component
@DependsOnDatabaseInitialization
class DirectoryStartup implements InitializingBean {

	private static final Logger LOG = LoggerFactory.getLogger(DirectoryStartup.class);

	private static final long MAX_WAIT_SECONDS = 120;

	private final DirectoryLoader loader;
	private final boolean enabled;

	/** Released once no first load is in progress any more (or none was needed). */
	private final CountDownLatch initialLoad = new CountDownLatch(1);

	/** Whether a first load into an empty directory is running: only then do lookups wait. */
	private volatile boolean firstLoadRunning;

	DirectoryStartup(DirectoryLoader loader, @Value("${cocon.directory.load-on-startup:true}") boolean enabled) {
		this.loader = loader;
		this.enabled = enabled;
	}

	@Override
	public void afterPropertiesSet() {
		if (!enabled) {
			LOG.info("Chargement de l'annuaire des collectivités désactivé (cocon.directory.load-on-startup=false).");
			initialLoad.countDown();
			return;
		}
		firstLoadRunning = !loader.hasLoadedAnyVersion();
		if (!firstLoadRunning) {
			initialLoad.countDown();
		}
		var thread = new Thread(this::load, "directory-loader");
		thread.setDaemon(true);
		thread.start();
	}

	private void load() {
		try {
			loader.loadIfNeeded();
		}
		catch (RuntimeException e) {
			LOG.error("Échec du chargement de l'annuaire des collectivités", e);
		}
		finally {
			firstLoadRunning = false;
			initialLoad.countDown();
		}
	}

	/** Waits, if the very first load is running, until it ends; returns at once otherwise. */
	void awaitInitialLoad() {
		if (!firstLoadRunning) {
			return;
		}
		try {
			if (!initialLoad.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
				LOG.warn("Annuaire des collectivités toujours en cours de premier chargement après {} s", MAX_WAIT_SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
