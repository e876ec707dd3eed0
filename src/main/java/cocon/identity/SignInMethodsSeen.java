package cocon.identity;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cocon.shared.Timestamps;

/**
 * Records in {@code platform.sign_in_method_seen} each sign-in method other than the demo's the first time it
 * signs someone in on this database: one row per method, no person named.
 */
@Component
class SignInMethodsSeen implements SignInHistory {

	private static final Logger LOG = LoggerFactory.getLogger(SignInMethodsSeen.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	/** The methods recorded since start-up: one insert per method and instance, not one per sign-in. */
	private final Set<String> recorded = ConcurrentHashMap.newKeySet();

	SignInMethodsSeen(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A sign-in through an authentication manager (the demo's form and HTTP Basic publish this event). */
	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		signedIn(event.getAuthentication());
	}

	/**
	 * A sign-in whatever its way: OpenID Connect's login filter publishes no {@link AuthenticationSuccessEvent}, so the
	 * ProConnect sign-in's success handler calls this itself.
	 */
	void signedIn(org.springframework.security.core.Authentication authentication) {
		String method = SignedInSessions.methodOf(authentication);
		if (method == null || SignedInSessions.DEMO.equals(method) || recorded.contains(method)) {
			return;
		}
		try {
			jdbc.sql("""
					insert into platform.sign_in_method_seen (method, first_seen_at) values (?, ?)
					on conflict (method) do nothing""")
					.params(method, Timestamps.column(clock.instant())).update();
			recorded.add(method);
		}
		catch (RuntimeException e) {
			// tried again at the next sign-in; the sign-in itself goes on
			LOG.warn("Méthode de connexion « {} » non enregistrée : {}", method, e.getMessage());
		}
	}

	@Override
	public boolean realSignInSeen() {
		return jdbc.sql("select exists (select 1 from platform.sign_in_method_seen where method <> 'demo')")
				.query(Boolean.class).single();
	}
}
