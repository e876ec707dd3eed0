package cocon.platform.identity;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import cocon.shared.AfterCommit;

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
		AfterCommit.run(generation::incrementAndGet);
	}
}
