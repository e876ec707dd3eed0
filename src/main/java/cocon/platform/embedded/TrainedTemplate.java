package cocon.platform.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * The database of the archive's training run kept as the template of the next fresh data folders (issue 26, ADR
 * 0079): what a first start of this jar writes before any request — every module's migrations, the fingerprint that
 * lets a later start skip Flyway, the directory of collectivités — is then copied with the cluster instead of being
 * done again by each fresh folder's first start (about 3 s of the 2 cores).
 * <p>
 * It acts only in the start script's training run ({@code cocon.cds.training=true}), on a data folder this JVM filled
 * from the template, once the application was ready, and after the server stopped: the server's bean depends on this
 * one, so that it is closed first. The database must then be as before any request: the training run's replay of the
 * demonstration erased what it wrote (ADR 0082), and when the context closes the event registry must be empty (every
 * request that writes a module's data publishes events, and the erasure empties the registry too); otherwise the
 * template stays as it was. A later start on a copy checks everything as on any existing folder (migrations,
 * directory version) and completes what would be missing. Anything that fails leaves the template as it was.
 */
final class TrainedTemplate {

	private static final Logger LOG = LoggerFactory.getLogger(TrainedTemplate.class);

	private final boolean wanted;
	private final String dataDirectory;
	private final String template;
	private final BooleanSupplier noEventPublished;
	private volatile boolean ready;
	private volatile boolean asBeforeAnyRequest;

	/** {@code noEventPublished}: whether the event registry is empty, asked while the database still runs. */
	TrainedTemplate(boolean training, String dataDirectory, String template, BooleanSupplier noEventPublished) {
		this.wanted = training && !dataDirectory.isBlank() && !template.isBlank();
		this.dataDirectory = dataDirectory;
		this.template = template;
		this.noEventPublished = noEventPublished;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		ready = true;
	}

	/** When the context starts closing, before any bean is: the database still answers. */
	@EventListener(ContextClosedEvent.class)
	void onClosing() {
		if (!wanted || !ready) {
			return;
		}
		try {
			asBeforeAnyRequest = noEventPublished.getAsBoolean();
		}
		catch (RuntimeException failed) {
			LOG.warn("PostgreSQL embarqué : registre des événements illisible ({}) ; le modèle reste tel quel",
					failed.toString());
			return;
		}
		if (!asBeforeAnyRequest) {
			LOG.warn("PostgreSQL embarqué : la course d'entraînement a laissé des événements dans sa base ; le modèle "
					+ "reste tel quel");
		}
	}

	/** Called when the context closes, after the embedded server stopped. */
	void close() {
		if (!wanted || !ready || !asBeforeAnyRequest) {
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
