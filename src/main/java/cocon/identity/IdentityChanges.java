package cocon.identity;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cocon.shared.cache.BoundedCache;
import cocon.shared.identity.CurrentUser;

/**
 * Counts the changes that alter who someone is once signed in (a role granted or revoked, an organisation
 * verified), so that identities kept in memory are resolved again after any of them: the identities resolved are
 * kept in a {@link BoundedCache} (ADR 0025), whose generation these changes move once their transaction has ended
 * and whose maximum age ({@code cocon.cache.max-age}) bounds how long a change made by another instance goes unseen.
 */
@Component
class IdentityChanges {

	/** Beyond this many identities kept, the memory is emptied. */
	private static final int MOST_KEPT = 20_000;

	private final BoundedCache<String, CurrentUser> identities;

	/** The snapshot of every role grant in force, under one key (ADR 0026). */
	private final BoundedCache<Boolean, java.util.Map<String, java.util.Set<cocon.shared.identity.Role>>> grants;

	IdentityChanges(@Value("${cocon.cache.max-age:2s}") Duration maxAge) {
		this.identities = BoundedCache.of(maxAge, MOST_KEPT);
		this.grants = BoundedCache.of(maxAge, 1);
	}

	long generation() {
		return identities.generation();
	}

	/** Counts a change once the caller's transaction has ended (at once without a transaction). */
	void changedAfterCommit() {
		identities.changed();
		grants.changed();
	}

	/** The role grants in force, by user name: one snapshot, loaded again after a change as the identities are. */
	BoundedCache<Boolean, java.util.Map<String, java.util.Set<cocon.shared.identity.Role>>> grants() {
		return grants;
	}

	/** The identities resolved, by user name. */
	BoundedCache<String, CurrentUser> identities() {
		return identities;
	}
}
