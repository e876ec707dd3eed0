package cocon.referents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

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

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Invitations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A support given or withdrawn, as voting published it. */
	record Change(ProposalId proposal, Siren siren, String name, Instant at) {
	}

	/**
	 * Records a batch of supports given, and invites at once those supporters whose proposal's call is open: two
	 * statements for the whole batch. A support older than the collectivité's withdrawal is recorded but does not
	 * count (the latest change wins, whatever the order of delivery).
	 */
	void supportsGiven(List<Change> given, Instant now) {
		if (given.isEmpty()) {
			return;
		}
		var rows = rows(given);
		jdbc.sql("""
				insert into referents.supports (proposal_id, siren, collectivite_name, supported_at)
				select distinct on (proposal_id, siren) proposal_id, siren, name, at
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(proposal_id uuid, siren char(9), name text, at timestamptz)
				order by proposal_id, siren, at desc
				on conflict (proposal_id, siren) do update set collectivite_name = excluded.collectivite_name,
				  supported_at = greatest(referents.supports.supported_at, excluded.supported_at)
				""")
				.param("rows", rows).update();
		jdbc.sql("""
				insert into referents.invitation (proposal_id, siren, invited_at)
				select s.proposal_id, s.siren, :now from referents.supports s
				join referents.referent_call c on c.proposal_id = s.proposal_id and c.status = 'OPEN'
				join (select distinct proposal_id, siren
				      from jsonb_to_recordset(cast(:rows as jsonb)) as r(proposal_id uuid, siren char(9))) b
				  on b.proposal_id = s.proposal_id and b.siren = s.siren
				where %s
				on conflict do nothing
				""".formatted(ACTIVE)).param("rows", rows).param("now", Timestamps.column(now)).update();
	}

	/**
	 * Records a batch of withdrawals, and drops the invitations of the collectivités that no longer support the
	 * proposal: two statements for the whole batch.
	 */
	void supportsWithdrawn(List<Change> withdrawn) {
		if (withdrawn.isEmpty()) {
			return;
		}
		var rows = rows(withdrawn);
		jdbc.sql("""
				insert into referents.supports (proposal_id, siren, withdrawn_at)
				select proposal_id, siren, max(at)
				from jsonb_to_recordset(cast(:rows as jsonb)) as r(proposal_id uuid, siren char(9), at timestamptz)
				group by proposal_id, siren
				on conflict (proposal_id, siren) do update set
				  withdrawn_at = greatest(referents.supports.withdrawn_at, excluded.withdrawn_at)
				""")
				.param("rows", rows).update();
		jdbc.sql("""
				delete from referents.invitation i
				using (select distinct proposal_id, siren
				       from jsonb_to_recordset(cast(:rows as jsonb)) as r(proposal_id uuid, siren char(9))) b
				where i.proposal_id = b.proposal_id and i.siren = b.siren
				and not exists (select 1 from referents.supports s where s.proposal_id = i.proposal_id and s.siren = i.siren and %s)
				""".formatted(ACTIVE)).param("rows", rows).update();
	}

	private String rows(List<Change> changes) {
		var rows = new ArrayList<Map<String, Object>>();
		for (var change : changes) {
			var row = new HashMap<String, Object>();
			row.put("proposal_id", change.proposal().id().toString());
			row.put("siren", change.siren().value());
			row.put("name", change.name());
			row.put("at", change.at().toString());
			rows.add(row);
		}
		return json.writeValueAsString(rows);
	}

	/** Invites every current supporter of a proposal whose call is open; returns how many were newly invited. */
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
