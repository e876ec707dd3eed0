package cocon.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run of the archive of the classes ({@code src/main/scripts/cocon.sh}, issue 26, ADR 0054, addendum, and
 * ADR 0066): started with {@code -XX:ArchiveClassesAtExit} (Class Data Sharing, Java 17 to 24) or
 * {@code -XX:AOTCacheOutput} (the AOT cache, Java 25 and later, which also keeps the run's method profiles) and
 * {@code cocon.cds.training=true}, the application serves its home page and
 * what the page links to (style sheets, scripts) once it is ready, as a first visitor would, then stops. The archive
 * thus also holds the classes of the first request (the page shell, Thymeleaf, the resource handlers: about a thousand
 * that a training stopped at the context's refresh left to be read from the jar on every start, on the path of the
 * first page), of what a start does once the context is refreshed (the web server, the runners, the listeners of
 * the ready event), and of the directory's first load and public API, which the demonstration reads first.
 * <p>
 * With the demonstration on ({@code cocon.demo.seed}, as the start script leaves it on the embedded default), it also
 * waits, as a visitor would by reloading the page, until the page no longer announces the demonstration being
 * prepared, so that the classes and the method profiles of the replay's requests are in the archive too; the
 * demonstration then erases what it wrote (ADR 0082). It never runs otherwise: the property is set by the start
 * script's training run only. On the embedded database, its stopped database then becomes the template of fresh data
 * folders if no event was left in it (ADR 0079, {@code cocon.platform.embedded.TrainedTemplate}).
 */
@Component
@ConditionalOnProperty(name = "cocon.cds.training", havingValue = "true")
class CdsTraining {

	private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);

	/** The page shell's notice while the demonstration is being prepared (web's layout). */
	static final String PREPARING = "id=\"demonstration-en-preparation\"";

	private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/[^\"?#]+\\.(?:css|js))\"");
	private static final Duration PATIENCE = Duration.ofMinutes(5);

	@EventListener
	void onReady(ApplicationReadyEvent ready) {
		var port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
		var thread = new Thread(() -> {
			int code = 0;
			try {
				visit("http://localhost:" + port);
			}
			catch (Exception e) {
				LOG.warn("Entraînement de l'archive CDS : visite incomplète ({}).", e.toString());
				code = 1;
			}
			finally {
				int status = code;
				System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> status));
			}
		}, "cocon-cds-training");
		thread.start();
	}

	private static void visit(String base) throws Exception {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		var home = get(client, base + "/");
		var linked = new LinkedHashSet<String>();
		LINKED.matcher(home).results().forEach(match -> linked.add(match.group(1)));
		for (var path : linked) {
			get(client, base + path);
		}
		// answers once the directory's first load is done (a fresh folder loads it in the background): its classes and
		// those of the public API are archived too, and the run never stops in the middle of that load
		get(client, base + "/api/collectivites?kind=COMMUNE&size=1");
		while (home.contains(PREPARING) && System.nanoTime() < deadline) {
			// a visitor reloading the page now and then while the demonstration is being prepared
			Thread.sleep(1000);
			home = get(client, base + "/");
		}
		LOG.info("Entraînement de l'archive CDS : page d'accueil et {} fichiers liés servis.", linked.size());
	}

	private static String get(HttpClient client, String uri) throws Exception {
		var response = client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html,*/*")
				.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + " → " + response.statusCode());
		}
		return response.body();
	}
}
