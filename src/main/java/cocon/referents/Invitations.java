package cocon.referents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Timestamps;

/**
 * Who supported what (from voting's events, in any order: a support counts when it is more recent than its
 * withdrawal), and the invitations of the supporters of shortlisted proposals to apply.
 */
@Repository
class Invitations {

	private static final String ACTIVE = "s.supported_at is not null and (s.withdrawn_at is null or s.withdrawn_at < s.supported_at)";

	/**
	 * First key of the transaction-scoped advisory locks taken per proposal ({@code "invi"} in ASCII): the two-key form
	 * keeps them apart from the one-key locks of {@link ShortlistDecisions} and the directory.
	 */
	private static final int LOCK_NAMESPACE = 0x696e7669;

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A support given or withdrawn, as voting published it. */
	record Change(ProposalId proposal, Siren siren, String name, Instant at) {
	}

	/**
	 * Serialises, per proposal, the two things that decide an invitation: a shortlist that opens the proposal's call
	 * and invites its supporters ({@link #inviteSupporters}), and a batch of supports given or withdrawn that invites
	 * or uninvites against the open calls ({@link #record}). Each reads what the other writes: without the lock, both
	 * could run side by side, neither seeing the other's uncommitted rows (READ COMMITTED), and the supporter would
	 * never be invited. Held until the caller's transaction ends; taken before the statements that read the other
	 * side, which then see what the holder before them committed; taken in one order (the keys sorted), so that no two
	 * callers ever wait for each other in a circle.
	 */
	void lockProposals(Collection<ProposalId> proposals) {
		if (proposals.isEmpty()) {
			return;
		}
		jdbc.sql("""
				select pg_advisory_xact_lock(:namespace, k.key)
				from (select distinct hashtext(id) as key from unnest(cast(:ids as text[])) as p(id) order by 1) k
				""")
				.param("namespace", LOCK_NAMESPACE)
				.param("ids", new SqlArrayValue("text", proposals.stream().map(p -> p.id().toString()).toArray()))
				.query().listOfRows();
	}

	/**
	 * Records a batch of voting's changes (supports given, then withdrawn), under the lock of their proposals
	 * ({@link #lockProposals}).
	 */
	void record(List<Change> given, List<Change> withdrawn, Instant now) {
		lockProposals(Stream.concat(given.stream(), withdrawn.stream()).map(Change::proposal).toList());
		supportsGiven(given, now);
		supportsWithdrawn(withdrawn);
	}

	/**
	 * Records a batch of supports given, and invites at once those supporters whose proposal's call is open: one
	 * statement for the whole batch, its rows bound as arrays (ADR 0064). A support older than the collectivité's
	 * withdrawal is recorded but does not count (the latest change wins, whatever the order of delivery).
	 */
	private void supportsGiven(List<Change> given, Instant now) {
		if (given.isEmpty()) {
			return;
		}
		jdbc.sql("""
				with kept as (
				  insert into referents.supports as s (proposal_id, siren, collectivite_name, supported_at)
				  select distinct on (proposal_id, siren) proposal_id, siren, name, at
				  from unnest(cast(:proposals as uuid[]), cast(:sirens as char(9)[]), cast(:names as text[]),
				              cast(:ats as timestamptz[])) as r(proposal_id, siren, name, at)
				  order by proposal_id, siren, at desc
				  on conflict (proposal_id, siren) do update set collectivite_name = excluded.collectivite_name,
				    supported_at = greatest(s.supported_at, excluded.supported_at)
				  returning s.proposal_id, s.siren, s.supported_at, s.withdrawn_at
				)
				insert into referents.invitation (proposal_id, siren, invited_at)
				select s.proposal_id, s.siren, :now from kept s
				join referents.referent_call c on c.proposal_id = s.proposal_id and c.status = 'OPEN'
				where %s
				on conflict do nothing
				""".formatted(ACTIVE))
				.param("proposals", array(given, change -> change.proposal().id().toString()))
				.param("sirens", array(given, change -> change.siren().value()))
				.param("names", array(given, Change::name))
				.param("ats", array(given, change -> change.at().toString()))
				.param("now", Timestamps.column(now))
				.update();
	}

	/**
	 * Records a batch of withdrawals, and drops the invitations of the collectivités that no longer support the
	 * proposal: one statement for the whole batch.
	 */
	private void supportsWithdrawn(List<Change> withdrawn) {
		if (withdrawn.isEmpty()) {
			return;
		}
		jdbc.sql("""
				with kept as (
				  insert into referents.supports as s (proposal_id, siren, withdrawn_at)
				  select proposal_id, siren, max(at)
				  from unnest(cast(:proposals as uuid[]), cast(:sirens as char(9)[]), cast(:ats as timestamptz[]))
				    as r(proposal_id, siren, at)
				  group by proposal_id, siren
				  on conflict (proposal_id, siren) do update set
				    withdrawn_at = greatest(s.withdrawn_at, excluded.withdrawn_at)
				  returning s.proposal_id, s.siren, s.supported_at, s.withdrawn_at
				)
				delete from referents.invitation i
				using kept s
				where i.proposal_id = s.proposal_id and i.siren = s.siren and not (%s)
				""".formatted(ACTIVE))
				.param("proposals", array(withdrawn, change -> change.proposal().id().toString()))
				.param("sirens", array(withdrawn, change -> change.siren().value()))
				.param("ats", array(withdrawn, change -> change.at().toString()))
				.update();
	}

	private static SqlArrayValue array(List<Change> changes, Function<Change, String> column) {
		var values = new String[changes.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = column.apply(changes.get(i));
		}
		return new SqlArrayValue("text", (Object[]) values);
	}

	/**
	 * Invites every current supporter of a proposal whose call is open; returns how many were newly invited. The
	 * caller holds the proposal's lock ({@link #lockProposals}).
	 */
	int inviteSupporters(ProposalId proposal, Instant now) {
		return jdbc.sql("""
				insert into referents.invitation (proposal_id, siren, invited_at)
				select s.proposal_id, s.siren, :now from referents.supports s
				join referents.referent_call c on c.proposal_id = s.proposal_id and c.status = 'OPEN'
				where s.proposal_id = :p and %s
				on conflict do nothing
				""".formatted(ACTIVE)).param("p", proposal.id()).param("now", Timestamps.column(now)).update();
	}

	boolean isInvited(ProposalId proposal, Siren siren) {
		return jdbc.sql("select count(*) from referents.invitation where proposal_id = :p and siren = :s")
				.param("p", proposal.id()).param("s", siren.value()).query(Long.class).single() > 0;
	}
}
