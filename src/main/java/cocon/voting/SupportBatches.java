package cocon.voting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.shared.Refusal;

/**
 * Stores the supports that arrive together in one transaction (a group commit, ADR 0027): each request hands its
 * support to the writer and waits until the transaction that stored it has committed, so a support is answered
 * only once it is durable, as before; but sixteen requests in flight cost one transaction, one statement and one
 * flush of the write-ahead log instead of sixteen of each.
 * <p>
 * One writer thread per instance takes whatever is waiting (at most {@link #MOST} supports) as soon as its previous
 * transaction ended: there is no timer, so a lone support waits for nothing but its own transaction, and the batches
 * grow only when supports arrive faster than a transaction commits. {@code cocon.voting.batch.most=1} stores each
 * support in a transaction of its own, as before ADR 0027 (for a comparison). The guarantees are those of the single-row
 * statement ({@link Supports#storeAll}): the primary key keeps one support per collectivité and proposal,
 * whichever batch or instance brings it; a proposal merged meanwhile refuses it.
 * <p>
 * A batch that a data error refuses as a whole (a row no single support should have been able to spoil) is written
 * again support by support, so that only the faulty one fails; a deadlock with another instance's batch is retried;
 * any other failure (the database unreachable) is the answer of every request of the batch.
 */
@Component
class SupportBatches implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(SupportBatches.class);

	/** The most supports one transaction stores, unless configured ({@code cocon.voting.batch.most}). */
	static final int MOST = 256;

	/** How often a batch that lost a deadlock is tried again before its requests fail. */
	private static final int DEADLOCK_ATTEMPTS = 3;

	private final Supports supports;
	private final SupportFeed feed;
	private final TransactionTemplate transactions;
	private final Duration wait;
	private final int most;
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final Thread writer;
	private volatile boolean stopping;

	SupportBatches(Supports supports, SupportFeed feed, TransactionTemplate transactions,
			@Value("${cocon.voting.batch.wait:30s}") Duration wait,
			@Value("${cocon.voting.batch.most:" + MOST + "}") int most) {
		if (most < 1) {
			throw new IllegalArgumentException("cocon.voting.batch.most : au moins 1 soutien par transaction.");
		}
		this.supports = supports;
		this.feed = feed;
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setTimeout(10);
		this.wait = wait;
		this.most = most;
		this.writer = new Thread(this::write, "support-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Stores the support with those that arrive meanwhile and returns once their transaction committed.
	 *
	 * @return whether this support was stored (false when the collectivité already supported the proposal, or the
	 *         proposal was merged between the check and the insert)
	 */
	boolean store(Support support) {
		if (stopping) {
			throw stopped();
		}
		var pending = new Pending(support);
		queue.add(pending);
		if (stopping && !writer.isAlive()) {
			// the writer ended between the check above and the queueing: nobody will take it
			pending.outcome.completeExceptionally(stopped());
		}
		try {
			return pending.outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			throw new Refusal.Unavailable("Service momentanément indisponible",
					"L'enregistrement du soutien prend plus de temps que prévu. Réessayez dans un instant : "
							+ "un soutien déjà enregistré n'est jamais compté deux fois.");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw stopped();
		}
	}

	/** How many supports wait for the writer's next transaction. */
	int waiting() {
		return queue.size();
	}

	private void write() {
		while (!stopping) {
			var batch = new ArrayList<Pending>();
			try {
				batch.add(queue.take());
			}
			catch (InterruptedException e) {
				break;
			}
			queue.drainTo(batch, most - 1);
			try {
				write(batch);
			}
			catch (RuntimeException | Error e) {
				// never leave a request waiting: whatever went wrong is its answer
				batch.forEach(pending -> pending.outcome.completeExceptionally(e));
				LOG.error("Écriture d'un lot de soutiens interrompue", e);
			}
		}
		Pending left;
		while ((left = queue.poll()) != null) {
			left.outcome.completeExceptionally(stopped());
		}
	}

	private void write(List<Pending> batch) {
		for (int attempt = 1;; attempt++) {
			try {
				var stored = new HashSet<>(
						transactions.execute(status -> supports.storeAll(batch.stream().map(p -> p.support).toList())));
				// the same collectivité twice in one batch is stored once: the first request says created
				batch.forEach(pending -> pending.outcome.complete(stored.remove(pending.support.getId())));
				feed.wakeUp();
				return;
			}
			catch (PessimisticLockingFailureException deadlock) {
				if (attempt == DEADLOCK_ATTEMPTS) {
					batch.forEach(pending -> pending.outcome.completeExceptionally(deadlock));
					return;
				}
			}
			catch (DataIntegrityViolationException refused) {
				if (batch.size() == 1) {
					batch.get(0).outcome.completeExceptionally(refused);
				}
				else {
					batch.forEach(pending -> write(List.of(pending)));
				}
				return;
			}
			catch (RuntimeException failure) {
				batch.forEach(pending -> pending.outcome.completeExceptionally(failure));
				return;
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		writer.interrupt();
		writer.join(TimeUnit.SECONDS.toMillis(15));
	}

	private static Refusal stopped() {
		return new Refusal.Unavailable("Service momentanément indisponible",
				"Le service redémarre : réessayez dans un instant.");
	}

	private static final class Pending {

		final Support support;
		final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

		Pending(Support support) {
			this.support = support;
		}
	}
}
