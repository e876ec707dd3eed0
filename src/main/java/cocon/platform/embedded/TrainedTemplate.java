package cocon.platform.embedded;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The database of the archive's training run kept as the template of the next fresh data folders (issue 26, ADR
 * 0079): what a first start of this jar writes before any request — every module's migrations, the fingerprint that
 * lets a later start skip Flyway, the directory of collectivités — is then copied with the cluster instead of being
 * done again by each fresh folder's first start (about 3 s of the 2 cores).
 * <p>
 * It acts only in the start script's training run ({@code cocon.cds.training=true}), without the demonstration, on a
 * data folder this JVM filled from the template, once the application was ready, and after the server stopped: the
 * server's bean depends on this one, so that it is closed first. A later start on a copy checks everything as on any
 * existing folder (migrations, directory version) and completes what would be missing. Anything that fails leaves the
 * template as it was.
 */
final class TrainedTemplate {

	private static final Logger LOG = LoggerFactory.getLogger(TrainedTemplate.class);

	private final boolean wanted;
	private final String dataDirectory;
	private final String template;
	private volatile boolean ready;

	TrainedTemplate(boolean training, boolean demonstration, String dataDirectory, String template) {
		this.wanted = training && !demonstration && !dataDirectory.isBlank() && !template.isBlank();
		this.dataDirectory = dataDirectory;
		this.template = template;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		ready = true;
	}

	/** Called when the context closes, after the embedded server stopped. */
	void close() {
		if (!wanted || !ready) {
			return;
		}
		var data = Path.of(dataDirectory).toAbsolutePath().normalize();
		if (!EarlyPostgres.filledFromTemplate(data)) {
			LOG.info("PostgreSQL embarqué : {} n'a pas été rempli depuis le modèle à ce démarrage ; "
					+ "le modèle reste tel quel", data);
			return;
		}
		try {
			new ClusterTemplate(Path.of(template)).adopt(data);
		}
		catch (IOException | RuntimeException failed) {
			LOG.warn("PostgreSQL embarqué : le modèle {} reste vierge ({})", template, failed.toString());
		}
	}
}
