package cocon.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.Role;

/**
 * Roles granted to people by an administrator, added to their identity at sign-in. The history is kept: a
 * revocation marks the grant (who, when) instead of deleting it.
 * <p>
 * The roles of a person are read from a snapshot of every grant in force (the few people with a staff or committee
 * role), loaded in one query and loaded again at once after a grant or revocation on this instance
 * ({@link IdentityChanges}), and at the latest after {@code cocon.cache.max-age} for a change made on another instance: a request
 * of a known agent asks the database nothing about roles (ADR 0026).
 */
@Repository
class RoleGrants implements GrantedRoles {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final IdentityChanges changes;

	RoleGrants(JdbcClient jdbc, Clock clock, IdentityChanges changes) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.changes = changes;
	}

	/** A grant, in force when {@code revokedAt} is {@literal null}. */
	record RoleGrant(long id, String username, Role role, String grantedBy, Instant grantedAt, String revokedBy,
			Instant revokedAt) {

		boolean inForce() {
			return revokedAt == null;
		}
	}

	@Override
	public Set<Role> of(String username) {
		var roles = EnumSet.noneOf(Role.class);
		var granted = changes.grants().get(Boolean.TRUE, this::loadGrantsInForce).get(username);
		if (granted != null) {
			roles.addAll(granted);
		}
		return roles;
	}

	private Map<String, Set<Role>> loadGrantsInForce() {
		var roles = new HashMap<String, Set<Role>>();
		jdbc.sql("select username, role from platform.role_grant where revoked_at is null")
				.query((rs, row) -> roles.computeIfAbsent(rs.getString("username"), u -> EnumSet.noneOf(Role.class))
						.add(Role.valueOf(rs.getString("role"))))
				.list();
		roles.replaceAll((username, granted) -> Set.copyOf(granted));
		return Map.copyOf(roles);
	}

	List<RoleGrant> inForce() {
		return jdbc.sql("""
				select * from platform.role_grant where revoked_at is null order by username, role""")
				.query(RoleGrants::map).list();
	}

	List<RoleGrant> history(String username) {
		return jdbc.sql("""
				select * from platform.role_grant where username = :username order by granted_at, id""")
				.param("username", username)
				.query(RoleGrants::map).list();
	}

	/**
	 * Grants the role unless it is already in force.
	 *
	 * @return the grant in force
	 */
	@Transactional
	RoleGrant grant(String username, Role role, String grantedBy) {
		var existing = find(username, role);
		if (existing != null) {
			return existing;
		}
		changes.changedAfterCommit();
		try {
			jdbc.sql("""
					insert into platform.role_grant (username, role, granted_by, granted_at)
					values (:username, :role, :grantedBy, :grantedAt)""")
					.param("username", username)
					.param("role", role.name())
					.param("grantedBy", grantedBy)
					.param("grantedAt", Timestamps.column(clock.instant()))
					.update();
		}
		catch (DuplicateKeyException concurrentGrant) {
			// granted meanwhile by someone else: the grant in force is theirs
		}
		return find(username, role);
	}

	/** Revokes the role in force, if any; returns whether there was one. */
	@Transactional
	boolean revoke(String username, Role role, String revokedBy) {
		changes.changedAfterCommit();
		return jdbc.sql("""
				update platform.role_grant set revoked_by = :revokedBy, revoked_at = greatest(:revokedAt, granted_at)
				where username = :username and role = :role and revoked_at is null""")
				.param("username", username)
				.param("role", role.name())
				.param("revokedBy", revokedBy)
				.param("revokedAt", Timestamps.column(clock.instant()))
				.update() > 0;
	}

	private static RoleGrant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		var revokedAt = Timestamps.instant(rs, "revoked_at");
		return new RoleGrant(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				rs.getString("granted_by"), Timestamps.instant(rs, "granted_at"), rs.getString("revoked_by"),
				revokedAt);
	}

	private RoleGrant find(String username, Role role) {
		return jdbc.sql("""
				select * from platform.role_grant where username = :username and role = :role and revoked_at is null""")
				.param("username", username)
				.param("role", role.name())
				.query(RoleGrants::map).optional().orElse(null);
	}
}
