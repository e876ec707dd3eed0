package cocon.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The living demonstration of the embedded default ({@code demo} profile): the 2021 consultation replayed at the
 * moment {@code cocon.demo.moment} (default {@code supports}) once after the first start-up, in the background so that
 * the home page is served meanwhile (the page shell says the demonstration is being prepared). The row of
 * {@code platform.demo_replay} makes it happen once: a restart finds it complete and adds nothing; a replay cut
 * short by a stop is made again from scratch. An instance that already holds campaigns and no replay is left alone.
 * The administrator may reset the demonstration to another moment ({@link #reset}), which erases the business data
 * of every module first (ADR 14). Off with {@code cocon.demo.seed=false}. The row and the erasure are
 * {@link DemoReplays}' SQL: a listener holds no SQL of its own.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoReplay {

	private static final Logger LOG = LoggerFactory.getLogger(DemoReplay.class);
	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	enum State {
		/** Nothing to do: the replay is off for this instance (it held campaigns before). */
		NONE,
		PREPARING, READY, FAILED
	}

	/** What the administrator's page shows. */
	record Status(State state, Moment moment, UUID campaignId, Instant completedAt, Long durationMillis) {
	}

	private final DemoReplays replays;
	private final Clock clock;
	private final Moment configured;
	private final boolean eraseWhenReplayed;
	private final AtomicBoolean running = new AtomicBoolean();
	private volatile State state = State.NONE;
	/**
	 * Whether the start-up decision was taken ({@link #prepareIfNeeded}). The web server answers before it is: until
	 * then the demonstration counts as being prepared unless its row says it is complete, so that the first pages
	 * announce the preparation instead of an empty instance (issue 25, point 8).
	 */
	private volatile boolean decided;
	private volatile Boolean completeAtStart;
	/** The moment being prepared, while it is. */
	private volatile Moment underway;
	private volatile int port;
	private volatile CompletableFuture<Replay.Result> completion = new CompletableFuture<>();

	/**
	 * {@code eraseWhenReplayed}: after the replay, erase everything it wrote ({@link #eraseWhatTheReplayWrote}); on
	 * in the archive's training run ({@code cocon.cds.training}, ADR 0082), off otherwise.
	 */
	DemoReplay(DemoReplays replays, Clock clock, @Value("${cocon.demo.moment:supports}") String moment,
			@Value("${cocon.demo.erase-when-replayed:${cocon.cds.training:false}}") boolean eraseWhenReplayed) {
		this.replays = replays;
		this.clock = clock;
		this.eraseWhenReplayed = eraseWhenReplayed;
		this.configured = Moment.of(moment).orElseThrow(() -> new IllegalArgumentException(
				"cocon.demo.moment=" + moment + " : valeurs possibles contributions, curation, supports, shortlist, referents, "
						+ "funding, deploiement"));
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			decided = true;
			return;
		}
		port = web.getWebServer().getPort();
		prepareIfNeeded();
	}

	/**
	 * At start-up: nothing if the replay is complete or if the instance held campaigns before; otherwise the replay
	 * (again from scratch if a stop cut it short). True if a replay was started.
	 */
	boolean prepareIfNeeded() {
		try {
			return decide();
		}
		finally {
			decided = true;
		}
	}

	private boolean decide() {
		var replay = status();
		if (replay.isPresent() && replay.get().completedAt() != null) {
			state = State.READY;
			completion.complete(null);
			LOG.info("Démonstration : le rejeu de 2021 au moment « {} » est déjà prêt.", replay.get().moment().key());
			return false;
		}
		if (replay.isEmpty() && campaignsExist()) {
			LOG.info("Démonstration : l'instance a déjà des campagnes, le rejeu de 2021 n'est pas préparé.");
			completion.complete(null);
			return false;
		}
		// a first start, or a replay cut short by a stop: (re)made from scratch
		return start(replay.map(Status::moment).orElse(configured), replay.isPresent());
	}

	/** Erases the business data of every module and replays 2021 at another moment; false if one is running. */
	boolean reset(Moment moment) {
		return start(moment, true);
	}

	private boolean start(Moment moment, boolean erase) {
		if (!(clock instanceof ReplayClock replayClock)) {
			LOG.warn("Démonstration : l'horloge de l'application n'est pas celle du rejeu, rien n'est préparé.");
			return false;
		}
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		underway = moment;
		state = State.PREPARING;
		var future = new CompletableFuture<Replay.Result>();
		completion = future;
		var thread = new Thread(() -> {
			try {
				future.complete(prepare(moment, erase, replayClock));
				state = State.READY;
			}
			catch (RuntimeException e) {
				LOG.warn("Démonstration : préparation interrompue ({}). L'instance reste utilisable.", e.getMessage());
				state = State.FAILED;
				future.completeExceptionally(e);
			}
			finally {
				replayClock.release();
				running.set(false);
			}
		}, "cocon-demo-replay");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	private Replay.Result prepare(Moment moment, boolean erase, ReplayClock replayClock) {
		long started = System.nanoTime();
		var api = new DemoApi(port, TIMEOUT);
		if (erase) {
			erase(api);
		}
		var present = replayClock.systemInstant();
		replays.started(moment, present);
		LOG.info("Démonstration : rejeu de 2021 au moment « {} » (aujourd'hui tient lieu du {}), par l'API de l'application…",
				moment.key(), moment.day());
		var replay = new Replay(api, replayClock, moment, present);
		var result = replay.run();
		replayClock.release();
		// complete once every module has heard every event of the replay
		replay.timings().enter("livraison des derniers événements");
		api.await("les modules ont reçu les événements du rejeu", () -> incompletePublications() == 0);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		replays.completed(result.campaignId() == null ? null : UUID.fromString(result.campaignId()),
				replayClock.systemInstant(), millis);
		LOG.info("Démonstration prête en {} ms : {} contributions, {} propositions publiées, {} soutiens, {} présélectionnées, "
				+ "{} territoires référents, {} ateliers, {} projets financés, {} déclarations d'adoption.", millis,
				result.contributions(), result.published(), result.supports(), result.shortlisted(), result.referents(),
				result.workshops(), result.funded(), result.adoptions());
		LOG.info("Démonstration : durées du rejeu, étape par étape : {}.", replay.timings().summary());
		if (eraseWhenReplayed) {
			eraseWhatTheReplayWrote();
		}
		return result;
	}

	/**
	 * The archive's training run (ADR 0082): the replay has run, so that the JVM's archive holds the profiles of its
	 * code and a first demonstration starts on compiled code sooner; then everything it wrote is erased, so that the
	 * run's database, as before any request, can still become the template of fresh data folders (ADR 0079). Called
	 * once every module has heard every event of the replay.
	 */
	void eraseWhatTheReplayWrote() {
		LOG.info("Démonstration : tout ce que le rejeu a écrit est effacé ({} tables), la base est celle d'avant toute "
				+ "requête.", replays.eraseEverythingReplayed());
	}

	/**
	 * Empties the business modules' tables and the event registry, once no event is in flight. On a demonstration
	 * instance all of it is demonstration data; the directory, the roles and the verified organisations stay.
	 */
	private void erase(DemoApi api) {
		api.await("aucun événement en cours de livraison", () -> incompletePublications() == 0);
		LOG.info("Démonstration : données des modules effacées ({} tables).", replays.erase());
	}

	private int incompletePublications() {
		return replays.incompletePublications();
	}

	/** Asked as anyone would: governance's tables belong to governance. */
	private boolean campaignsExist() {
		return !new DemoApi(port, TIMEOUT).get("/api/campaigns", null).isEmpty();
	}

	boolean preparing() {
		if (state == State.PREPARING) {
			return true;
		}
		if (decided) {
			return false;
		}
		var complete = completeAtStart;
		if (complete == null) {
			complete = replays.find().map(row -> row.completedAt() != null).orElse(false);
			completeAtStart = complete;
		}
		return !complete;
	}

	State state() {
		return state;
	}

	/** The moment being prepared, if a replay is under way. */
	Optional<Moment> underway() {
		return state == State.PREPARING ? Optional.ofNullable(underway) : Optional.empty();
	}

	/** The replay under way or last made: completes with what it did (null if nothing was to be done). */
	CompletableFuture<Replay.Result> completion() {
		return completion;
	}

	Optional<Status> status() {
		return replays.find().map(row -> new Status(state, Moment.of(row.moment()).orElse(configured), row.campaignId(),
				row.completedAt(), row.durationMillis()));
	}
}
