package cocon.platform.identity;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the changes that alter who someone is once signed in (a role granted or revoked, an organisation
 * verified), so that identities kept in memory are resolved again after any of them.
 */
@Component
class IdentityChanges {

	private final AtomicLong generation = new AtomicLong();

	long generation() {
		return generation.get();
	}

	/** Counts a change once the caller's transaction committed (at once without a transaction). */
	void changedAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generation.incrementAndGet();
				}
			});
		}
		else {
			generation.incrementAndGet();
		}
	}
}
