package cocon.referents;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * Who supported what (from voting's events, in any order: a support counts when it is more recent than its
 * withdrawal), and the invitations of the supporters of shortlisted proposals to apply.
 */
@Repository
class Invitations {

	private static final String ACTIVE = "s.supported_at is not null and (s.withdrawn_at is null or s.withdrawn_at < s.supported_at)";

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void supportGiven(ProposalId proposal, Siren siren, String name, Instant at) {
		jdbc.sql("""
				insert into referents.supports (proposal_id, siren, collectivite_name, supported_at) values (:p, :s, :name, :at)
				on conflict (proposal_id, siren) do update set collectivite_name = excluded.collectivite_name,
				  supported_at = greatest(referents.supports.supported_at, excluded.supported_at)
				""")
				.param("p", proposal.id()).param("s", siren.value()).param("name", name).param("at", Sql.ts(at)).update();
	}

	void supportWithdrawn(ProposalId proposal, Siren siren, Instant at) {
		jdbc.sql("""
				insert into referents.supports (proposal_id, siren, withdrawn_at) values (:p, :s, :at)
				on conflict (proposal_id, siren) do update set
				  withdrawn_at = greatest(referents.supports.withdrawn_at, excluded.withdrawn_at)
				""")
				.param("p", proposal.id()).param("s", siren.value()).param("at", Sql.ts(at)).update();
	}

	/** Invites every current supporter of a proposal whose call is open; returns how many were newly invited. */
	int inviteSupporters(ProposalId proposal, Instant now) {
		return jdbc.sql("""
				insert into referents.invitation (proposal_id, siren, invited_at)
				select s.proposal_id, s.siren, :now from referents.supports s
				join referents.referent_call c on c.proposal_id = s.proposal_id and c.status = 'OPEN'
				where s.proposal_id = :p and %s
				on conflict do nothing
				""".formatted(ACTIVE)).param("p", proposal.id()).param("now", Sql.ts(now)).update();
	}

	/** Invites one supporter of a proposal if its call is open and the collectivité still supports it. */
	void inviteIfCallOpen(ProposalId proposal, Siren siren, Instant now) {
		jdbc.sql("""
				insert into referents.invitation (proposal_id, siren, invited_at)
				select s.proposal_id, s.siren, :now from referents.supports s
				join referents.referent_call c on c.proposal_id = s.proposal_id and c.status = 'OPEN'
				where s.proposal_id = :p and s.siren = :s and %s
				on conflict do nothing
				""".formatted(ACTIVE)).param("p", proposal.id()).param("s", siren.value()).param("now", Sql.ts(now)).update();
	}

	/** Drops the invitation of a collectivité that no longer supports the proposal. */
	void uninviteIfNoLongerSupporting(ProposalId proposal, Siren siren) {
		jdbc.sql("""
				delete from referents.invitation i where i.proposal_id = :p and i.siren = :s
				and not exists (select 1 from referents.supports s where s.proposal_id = i.proposal_id and s.siren = i.siren and %s)
				""".formatted(ACTIVE)).param("p", proposal.id()).param("s", siren.value()).update();
	}

	boolean isInvited(ProposalId proposal, Siren siren) {
		return jdbc.sql("select count(*) from referents.invitation where proposal_id = :p and siren = :s")
				.param("p", proposal.id()).param("s", siren.value()).query(Long.class).single() > 0;
	}
}
