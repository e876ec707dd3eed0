package cocon.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the caller's transaction has ended, or at once when there is no transaction. For what must not
 * take part in a transaction nor see its writes before they are committed: waking up a sender, moving a generation
 * counter of a cache.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs the work once the caller's transaction committed (never if it rolls back); at once without one. */
	public static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}

	/**
	 * Runs the work once the caller's transaction ended, whether it committed or rolled back; at once without one.
	 */
	public static void runWhenEnded(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}
}
