package cocon.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cocon.shared.Siren;
import cocon.shared.Timestamps;
import cocon.shared.identity.KnownIdentities;

/**
 * The identities of this instance: the demo personas and any {@code agent-<SIREN>} with a valid SIREN in the demo
 * profile, and everybody who signed in once (recorded at their first successful sign-in) or already holds a role.
 */
@Component
class IdentityRegistry implements KnownIdentities {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdentityRegistry.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final boolean demo;
	/** Who was recorded since start-up: HTTP Basic signs in on every request, the table needs one row per person. */
	private final Set<String> recorded = ConcurrentHashMap.newKeySet();
	/** Who the observers were told of since start-up (ADR 41): once per person and instance. */
	private final Set<String> told = ConcurrentHashMap.newKeySet();
	private final org.springframework.beans.factory.ObjectProvider<cocon.shared.identity.SignInObserver> observers;

	IdentityRegistry(JdbcClient jdbc, Clock clock, Environment environment,
			org.springframework.beans.factory.ObjectProvider<cocon.shared.identity.SignInObserver> observers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.demo = environment.acceptsProfiles(Profiles.of(DemoSignInConfiguration.DEMO));
		this.observers = observers;
	}

	@Override
	public boolean isKnown(String username) {
		if (username == null || username.isBlank()) {
			return false;
		}
		var name = username.strip();
		if (demo && byRule(name.toLowerCase(Locale.ROOT))) {
			return true;
		}
		return jdbc.sql("""
				select exists (select 1 from platform.known_identity where username = :u)
				    or exists (select 1 from platform.role_grant where username = :u)""")
				.param("u", name).query(Boolean.class).single();
	}

	@Override
	public java.util.Optional<String> displayName(String username) {
		if (username == null || username.isBlank()) {
			return java.util.Optional.empty();
		}
		var name = username.strip();
		if (demo) {
			var persona = DemoPersonas.PERSONAS.stream().filter(p -> p.username().equals(name)).findFirst();
			if (persona.isPresent()) {
				return persona.map(DemoPersonas.Persona::displayName);
			}
		}
		return jdbc.sql("select display_name from platform.known_identity where username = ? and display_name is not null")
				.param(name).query(String.class).optional();
	}

	/** Demo identities exist by rule: a persona, or an agent of an organisation with a valid SIREN. */
	private static boolean byRule(String name) {
		if (DemoPersonas.PERSONAS.stream().anyMatch(p -> p.username().equals(name))) {
			return true;
		}
		return name.startsWith(DemoPersonas.AGENT_PREFIX)
				&& Siren.isValid(name.substring(DemoPersonas.AGENT_PREFIX.length()));
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		var user = CurrentUserArgumentResolver.currentUser(event.getAuthentication());
		if (user != null && told.add(user.username())) {
			observers.orderedStream().forEach(observer -> tell(observer, user));
		}
		// a demo identity exists by rule: kept in the set too, so that its rule is read once
		if (user == null || !recorded.add(user.username()) || (demo && byRule(user.username()))) {
			return;
		}
		record(user);
	}

	private void tell(cocon.shared.identity.SignInObserver observer, cocon.shared.identity.CurrentUser user) {
		try {
			observer.signedIn(user);
		}
		catch (RuntimeException e) {
			told.remove(user.username());
			LOG.warn("Connexion non transmise à {} : {}", observer.getClass().getSimpleName(), e.getClass().getSimpleName());
		}
	}

	/** Kept apart so that a failure to record never fails the sign-in itself. */
	private void record(cocon.shared.identity.CurrentUser user) {
		try {
			insert(user);
		}
		catch (RuntimeException e) {
			recorded.remove(user.username());
			LOG.warn("Identité connectée non enregistrée ({}) : {}", user.username(), e.getMessage());
		}
	}

	private void insert(cocon.shared.identity.CurrentUser user) {
		var now = Timestamps.column(clock.instant());
		jdbc.sql("""
				insert into platform.known_identity (username, display_name, first_seen_at, last_seen_at)
				values (?, ?, ?, ?)
				on conflict (username) do update set display_name = excluded.display_name, last_seen_at = excluded.last_seen_at""")
				.params(user.username(), user.displayName(), now, now).update();
	}
}
