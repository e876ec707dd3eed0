package cocon.notifications;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.SignInObserver;

/**
 * Everyone a mail may go to (ADR 41): a person who signed in, with the address their identity provider gave, the
 * collectivité they act for and their roles, kept up to date at each sign-in; a contributor known only by the address
 * of an imported contribution. Each has the secret token of their one-click unsubscribe link.
 */
@Component
class Recipients implements SignInObserver {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;

	Recipients(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void signedIn(CurrentUser user) {
		if (user.email() == null || user.email().isBlank()) {
			return;
		}
		var organisation = user.organisation();
		jdbc.sql("""
				insert into notifications.recipient (recipient_key, email, display_name, siren, organisation_kind, roles,
				                                     token, seen_at)
				values (:key, :email, :name, :siren, :kind, :roles, :token, :now)
				on conflict (recipient_key) do update set email = excluded.email, display_name = excluded.display_name,
				    siren = excluded.siren, organisation_kind = excluded.organisation_kind, roles = excluded.roles,
				    seen_at = excluded.seen_at""")
				.param("key", user.username())
				.param("email", user.email().strip())
				.param("name", user.displayName())
				.param("siren", organisation == null ? null : organisation.siren().value())
				.param("kind", organisation == null ? null : organisation.kind().name())
				.param("roles", user.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
				.param("token", newToken())
				.param("now", Timestamps.column(clock.instant()))
				.update();
	}

	/**
	 * The key of the author of a contribution, known to the module from now on: their user name when they have an
	 * account, else their address (an imported contribution).
	 */
	String contributor(String username, String name, String email) {
		var key = username != null ? username : keyOf(email);
		jdbc.sql("""
				insert into notifications.recipient (recipient_key, email, display_name, token, seen_at)
				values (?, ?, ?, ?, ?) on conflict (recipient_key) do nothing""")
				.params(key, email, name, newToken(), Timestamps.column(clock.instant()))
				.update();
		return key;
	}

	static String keyOf(String email) {
		return "email:" + email.strip().toLowerCase(Locale.ROOT);
	}

	static String newToken() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
