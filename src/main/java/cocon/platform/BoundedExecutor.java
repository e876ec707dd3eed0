package cocon.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Runs each task on another executor, at most {@code permits} of them at once, without ever making the caller wait:
 * a task beyond the bound waits for its turn on the thread the executor gave it (a virtual one from Java 21, parked
 * for next to nothing), first come first served (a fair semaphore), ADR 0080.
 */
final class BoundedExecutor implements Executor {

	private final Executor executor;
	private final Semaphore permits;

	BoundedExecutor(Executor executor, int permits) {
		if (permits < 1) {
			throw new IllegalArgumentException("at least one task at a time: " + permits);
		}
		this.executor = executor;
		this.permits = new Semaphore(permits, true);
	}

	@Override
	public void execute(Runnable task) {
		executor.execute(() -> {
			try {
				permits.acquire();
			}
			catch (InterruptedException stopping) {
				// the application stops: the task is not run, as if the instance had died (its publication stays
				// incomplete and is delivered again, ADR 0010)
				Thread.currentThread().interrupt();
				return;
			}
			try {
				task.run();
			}
			finally {
				permits.release();
			}
		});
	}
}
