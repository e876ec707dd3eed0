package cocon.identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.Role;

/**
 * The ProConnect accounts of each Cocon user, and the binding of the first administrators (ADR 0033).
 * <p>
 * ProConnect's {@code sub} is given per service and per identity provider: an agent who signs in through another
 * identity provider comes with another {@code sub}. Cocon keys an account on ({@code idp_id}, {@code sub}), and
 * attaches a new account to the Cocon user who already signed in with the same professional e-mail through another
 * identity provider, as ProConnect recommends — except a user with a staff role, who is never taken over by an e-mail
 * alone: a new account of theirs starts without role, and an administrator grants it.
 * <p>
 * {@code COCON_ADMINISTRATORS} names subjects or e-mails. The first sign-in that matches an entry binds it to that user
 * and grants the administrator role as any grant (by « COCON_ADMINISTRATORS »): revocable like any other, and never
 * granted again by the entry, whatever identity provider later asserts the same e-mail.
 */
@Component
class ProConnectAccounts implements ProConnectIdentities.Accounts, ProConnectIdentities.Administrators {

	private static final Logger LOG = LoggerFactory.getLogger(ProConnectAccounts.class);
	static final String GRANTED_BY = "COCON_ADMINISTRATORS";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final RoleGrants grants;
	private final Set<String> entries;

	ProConnectAccounts(JdbcClient jdbc, Clock clock, RoleGrants grants, Environment environment) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.grants = grants;
		this.entries = Arrays.stream(environment.getProperty(ProConnectConfiguration.ADMINISTRATORS, "").split(","))
				.map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> entry.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	@Transactional
	public String username(String idpId, String subject, String email) {
		String idp = idpId == null ? "" : idpId;
		var now = Timestamps.column(clock.instant());
		var known = jdbc.sql("""
				update platform.proconnect_account set last_seen_at = :now, email = :email
				where idp_id = :idp and subject = :subject returning username""")
				.param("now", now).param("email", email).param("idp", idp).param("subject", subject)
				.query(String.class).optional();
		if (known.isPresent()) {
			return known.get();
		}
		String username = subject;
		if (email != null) {
			var sameEmail = jdbc.sql("""
					select username from platform.proconnect_account where lower(email) = lower(:email) and idp_id <> :idp
					order by first_seen_at, username limit 1""")
					.param("email", email).param("idp", idp).query(String.class).optional();
			if (sameEmail.isPresent()) {
				if (grants.of(sameEmail.get()).isEmpty()) {
					username = sameEmail.get();
					LOG.info("Compte ProConnect sub={} (fournisseur {}) rattaché par son courriel à l'utilisateur {}", subject,
							idp, username);
				}
				else {
					LOG.info("Compte ProConnect sub={} (fournisseur {}) non rattaché par son courriel à l'utilisateur {}, "
							+ "qui a un rôle : un administrateur lui accorde les siens", subject, idp, sameEmail.get());
				}
			}
		}
		jdbc.sql("""
				insert into platform.proconnect_account (idp_id, subject, username, email, first_seen_at, last_seen_at)
				values (:idp, :subject, :username, :email, :now, :now) on conflict (idp_id, subject) do nothing""")
				.param("idp", idp).param("subject", subject).param("username", username).param("email", email)
				.param("now", now).update();
		return jdbc.sql("select username from platform.proconnect_account where idp_id = :idp and subject = :subject")
				.param("idp", idp).param("subject", subject).query(String.class).single();
	}

	@Override
	@Transactional
	public boolean bind(String username, String subject, String email) {
		String entry = entries.contains(subject.toLowerCase(Locale.ROOT)) ? subject.toLowerCase(Locale.ROOT)
				: email != null && entries.contains(email.toLowerCase(Locale.ROOT)) ? email.toLowerCase(Locale.ROOT) : null;
		if (entry == null) {
			return false;
		}
		int bound = jdbc.sql("""
				insert into platform.bootstrap_administrator (entry, username, bound_at) values (:entry, :username, :now)
				on conflict (entry) do nothing""")
				.param("entry", entry).param("username", username)
				.param("now", Timestamps.column(clock.instant())).update();
		if (bound == 0) {
			return false;
		}
		grants.grant(username, Role.ADMINISTRATOR, GRANTED_BY);
		LOG.info("Premier administrateur (COCON_ADMINISTRATORS) lié à l'utilisateur {} à sa première connexion", username);
		return true;
	}
}
