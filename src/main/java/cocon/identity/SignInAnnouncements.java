package cocon.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The authentication events of Cocon: every failure, and a success once per identity within {@link #AGAIN_AFTER}.
 * HTTP Basic signs in on every request, and each success went through the application's event multicaster to
 * listeners that act once per person or per method and instance ({@link IdentityRegistry}, {@link SignInMethodsSeen}):
 * 2.7 % of the server's CPU per support (issue 26, ADR 0063). A listener that failed is given the success again at
 * the first sign-in after that bound. Failures are all published: each wrong password counts against its limits.
 */
final class SignInAnnouncements implements AuthenticationEventPublisher {

	/** How long a success of the same identity, by the same method, goes unannounced. */
	static final Duration AGAIN_AFTER = Duration.ofMinutes(1);

	/** Beyond this many identities announced, the memory is emptied (each is then announced once more). */
	static final int MOST_KEPT = 50_000;

	private final AuthenticationEventPublisher events;
	private final LongSupplier nanoTime;
	private final Map<String, Long> announcedAt = new ConcurrentHashMap<>();

	SignInAnnouncements(ApplicationEventPublisher publisher, LongSupplier nanoTime) {
		this.events = new DefaultAuthenticationEventPublisher(publisher);
		this.nanoTime = nanoTime;
	}

	@Override
	public void publishAuthenticationSuccess(Authentication authentication) {
		String key = SignedInSessions.methodOf(authentication) + " " + authentication.getName();
		long now = nanoTime.getAsLong();
		Long before = announcedAt.get(key);
		if (before != null && now - before < AGAIN_AFTER.toNanos()) {
			return;
		}
		if (announcedAt.size() >= MOST_KEPT) {
			announcedAt.clear();
		}
		announcedAt.put(key, now);
		events.publishAuthenticationSuccess(authentication);
	}

	@Override
	public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		events.publishAuthenticationFailure(exception, authentication);
	}
}
