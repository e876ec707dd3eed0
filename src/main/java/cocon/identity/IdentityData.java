package cocon.identity;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * What the identity module keeps about a person (ADR 39): their known identity (user name and name, recorded at their
 * first sign-in so that a role or a committee seat can be given to them), the organisation unknown to the directory
 * they were the first to sign in for, and the roles granted to them or by them. Erasure removes the known identity and
 * the name of the first person seen for an organisation; a known identity is also removed 3 years after its last
 * sign-in when it holds no role. Role grants and verifications are decisions: they stay attributed to who took them
 * and to whom they were given (invariant 7).
 */
@Component
class IdentityData implements PersonalData {

	/** Who first signed in for an unverified organisation, once erased. */
	static final String ERASED = "effacé";

	/** How long after the last sign-in a known identity without any role is kept. */
	static final Period RETENTION = Period.ofYears(3);

	private final JdbcClient jdbc;

	IdentityData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "account";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		var data = new LinkedHashMap<String, Object>();
		data.put("knownIdentity", jdbc.sql("""
				select display_name, first_seen_at, last_seen_at from platform.known_identity where username = ?""")
				.param(user.username())
				.query((rs, n) -> Map.of("displayName", rs.getString("display_name"),
						"firstSignIn", Timestamps.instant(rs, "first_seen_at").toString(),
						"lastSignIn", Timestamps.instant(rs, "last_seen_at").toString()))
				.optional().orElse(null));
		data.put("proConnectAccounts", jdbc.sql("""
				select idp_id, subject, email, first_seen_at, last_seen_at from platform.proconnect_account
				where username = ? order by first_seen_at""")
				.param(user.username())
				.query((rs, n) -> {
					var account = new LinkedHashMap<String, Object>();
					account.put("identityProvider", rs.getString("idp_id"));
					account.put("subject", rs.getString("subject"));
					account.put("email", rs.getString("email"));
					account.put("firstSignIn", Timestamps.instant(rs, "first_seen_at").toString());
					account.put("lastSignIn", Timestamps.instant(rs, "last_seen_at").toString());
					return account;
				})
				.list());
		data.put("roleGrants", jdbc.sql("""
				select username, role, granted_by, granted_at, revoked_by, revoked_at from platform.role_grant
				where username = :u or granted_by = :u or revoked_by = :u order by granted_at, id""")
				.param("u", user.username())
				.query((rs, n) -> {
					var entry = new LinkedHashMap<String, Object>();
					entry.put("grantedTo", rs.getString("username"));
					entry.put("role", rs.getString("role"));
					entry.put("grantedBy", rs.getString("granted_by"));
					entry.put("grantedAt", Timestamps.instant(rs, "granted_at").toString());
					if (Timestamps.instant(rs, "revoked_at") != null) {
						entry.put("revokedBy", rs.getString("revoked_by"));
						entry.put("revokedAt", Timestamps.instant(rs, "revoked_at").toString());
					}
					return entry;
				})
				.list());
		data.put("organisationsFirstSignedInFor", jdbc.sql("""
				select siren, first_seen_at from platform.unverified_organisation where first_username = ? order by siren""")
				.param(user.username())
				.query((rs, n) -> Map.of("siren", rs.getString("siren"),
						"firstSeenAt", Timestamps.instant(rs, "first_seen_at").toString()))
				.list());
		return data;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		int identities = jdbc.sql("delete from platform.known_identity where username = ?").param(user.username()).update();
		int accounts = jdbc.sql("delete from platform.proconnect_account where username = ?").param(user.username()).update();
		int organisations = jdbc.sql("update platform.unverified_organisation set first_username = ? where first_username = ?")
				.params(ERASED, user.username()).update();
		return Map.of("identity", identities, "proConnectAccounts", accounts, "organisations", organisations);
	}

	@Override
	@Transactional
	public Map<String, Integer> eraseExpired(Instant now) {
		var before = Timestamps.column(now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant());
		int identities = jdbc.sql("""
				delete from platform.known_identity k where k.last_seen_at < ?
				and not exists (select 1 from platform.role_grant g where g.username = k.username and g.revoked_at is null)""")
				.param(before).update();
		int accounts = jdbc.sql("""
				delete from platform.proconnect_account a where a.last_seen_at < ?
				and not exists (select 1 from platform.role_grant g where g.username = a.username and g.revoked_at is null)""")
				.param(before).update();
		int organisations = jdbc.sql("""
				update platform.unverified_organisation set first_username = ?
				where last_seen_at < ? and first_username <> ?""")
				.params(ERASED, before, ERASED).update();
		return Map.of("identity", identities, "proConnectAccounts", accounts, "organisations", organisations);
	}
}
