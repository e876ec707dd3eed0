package cocon.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.Timestamps;
import cocon.shared.directory.Collectivite;
import cocon.shared.directory.Directory;
import cocon.shared.identity.Organisation;

/**
 * The organisation a person acts for, from its SIREN: as the collectivités directory knows it (verified), else as
 * an administrator verified it, else unverified ("Organisation &lt;SIREN&gt;", kind other), remembered so that an
 * administrator can verify it.
 * <p>
 * A verified organisation is kept in memory {@link #KEPT} (emptied beyond {@link #MOST_KEPT}, and at once after a
 * verification or a role change on this instance): the agents of a collectivité call the API again and again, and
 * the directory's open data change a few times a year. Without it, every sign-in over HTTP Basic of an agent whose
 * identity was no longer kept cost a query and a transaction (ADR 0026). An unverified organisation is always looked
 * up, so that a verification made on another instance is seen at once and its visit is remembered.
 */
@Component
class Organisations implements OrganisationResolver {

	/** How long a verified organisation is kept, at most. */
	static final Duration KEPT = Duration.ofMinutes(5);

	/** Beyond this many organisations kept, the memory is emptied (35 000 communes, some 2 000 other collectivités). */
	private static final int MOST_KEPT = 50_000;

	private record Kept(Organisation organisation, long resolvedAt, long generation) {
	}

	private final Map<Siren, Kept> kept = new ConcurrentHashMap<>();
	private final ObjectProvider<Directory> directory;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final IdentityChanges changes;

	Organisations(ObjectProvider<Directory> directory, JdbcClient jdbc, Clock clock, IdentityChanges changes) {
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
		this.changes = changes;
	}

	/** A verification decided by an administrator. */
	record Verification(Siren siren, String name, CollectiviteKind kind, String verifiedBy, Instant verifiedAt) {
	}

	/** An organisation unknown to the directory that signed in and waits for verification. */
	record Pending(Siren siren, String firstUsername, Instant firstSeenAt, Instant lastSeenAt) {
	}

	@Override
	public Organisation resolve(Siren siren, String username) {
		var generation = changes.generation();
		var now = System.nanoTime();
		var known = kept.get(siren);
		if (known != null && known.generation() == generation && now - known.resolvedAt() < KEPT.toNanos()) {
			return known.organisation();
		}
		var verified = verified(siren);
		if (verified.isEmpty()) {
			rememberUnverified(siren, username);
			return unverified(siren);
		}
		if (kept.size() >= MOST_KEPT) {
			kept.clear();
		}
		kept.put(siren, new Kept(verified.get(), now, generation));
		return verified.get();
	}

	/** As the directory knows it, else as an administrator verified it. */
	private Optional<Organisation> verified(Siren siren) {
		var known = fromDirectory(siren);
		if (known.isPresent()) {
			return known;
		}
		return verification(siren).map(v -> new Organisation(siren, v.name(), v.kind(), true, null, null, 0));
	}

	static Organisation fromCollectivite(Collectivite collectivite) {
		return new Organisation(collectivite.siren(), collectivite.name(), collectivite.kind(), true,
				collectivite.departement(), collectivite.region(), collectivite.population());
	}

	static Organisation unverified(Siren siren) {
		return new Organisation(siren, "Organisation " + siren.value(), CollectiviteKind.OTHER, false, null, null, 0);
	}

	Optional<Organisation> fromDirectory(Siren siren) {
		var lookup = directory.getIfAvailable();
		return lookup == null ? Optional.empty() : lookup.find(siren).map(Organisations::fromCollectivite);
	}

	Optional<Verification> verification(Siren siren) {
		return jdbc.sql("""
				select siren, name, kind, verified_by, verified_at from platform.organisation_verification
				where siren = :siren order by verified_at desc, id desc limit 1""")
				.param("siren", siren.value())
				.query((rs, row) -> new Verification(new Siren(rs.getString("siren")), rs.getString("name"),
						CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("verified_by"),
						Timestamps.instant(rs, "verified_at")))
				.optional();
	}

	@Transactional
	Verification verify(Siren siren, String name, CollectiviteKind kind, String verifiedBy) {
		var now = clock.instant();
		jdbc.sql("""
				insert into platform.organisation_verification (siren, name, kind, verified_by, verified_at)
				values (:siren, :name, :kind, :verifiedBy, :verifiedAt)""")
				.param("siren", siren.value())
				.param("name", name.strip())
				.param("kind", kind.name())
				.param("verifiedBy", verifiedBy)
				.param("verifiedAt", Timestamps.column(now))
				.update();
		jdbc.sql("delete from platform.unverified_organisation where siren = :siren").param("siren", siren.value()).update();
		changes.changedAfterCommit();
		return new Verification(siren, name.strip(), kind, verifiedBy, now);
	}

	/** Organisations that signed in unknown to the directory and that no administrator verified yet. */
	List<Pending> pending() {
		return jdbc.sql("""
				select * from platform.unverified_organisation u
				where not exists (select 1 from platform.organisation_verification v where v.siren = u.siren)
				order by last_seen_at desc limit 500""")
				.query((rs, row) -> new Pending(new Siren(rs.getString("siren")), rs.getString("first_username"),
						Timestamps.instant(rs, "first_seen_at"), Timestamps.instant(rs, "last_seen_at")))
				.list();
	}

	/** At most one write a minute per organisation, however often its agents call the API over HTTP Basic. */
	private void rememberUnverified(Siren siren, String username) {
		var now = Timestamps.column(clock.instant());
		jdbc.sql("""
				insert into platform.unverified_organisation (siren, first_username, first_seen_at, last_seen_at)
				values (:siren, :username, :now, :now)
				on conflict (siren) do update set last_seen_at = excluded.last_seen_at
				where platform.unverified_organisation.last_seen_at < excluded.last_seen_at - interval '1 minute'""")
				.param("siren", siren.value())
				.param("username", username)
				.param("now", now)
				.update();
	}
}
