package cocon.referents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Timestamps;
import cocon.shared.Window;

/** Read models of the pages and the API: calls, working groups, invitations. No contact data except for staff. */
@Component
@Transactional(readOnly = true)
class WorkingGroupQueries {

	/** A call as listed publicly. */
	record CallView(UUID proposalId, String proposalTitle, UUID campaignId, String campaignTitle, Instant opens,
			Instant closes, CallStatus status, int memberCount) {

		public boolean isOpen() {
			return status == CallStatus.OPEN;
		}
	}

	/** A member of a working group, as the public sees it. */
	record MemberView(UUID applicationId, String siren, String name, CollectiviteKind kind, Instant joinedAt,
			boolean experimentation) {
	}

	record SessionView(UUID id, LocalDate date, String subject, int attendeeCount) {
	}

	record WorkingGroupView(CallView call, List<MemberView> members, List<SessionView> sessions) {

		public List<MemberView> experimentationTerritories() {
			return members.stream().filter(MemberView::experimentation).toList();
		}
	}

	/** An application with the personal contact data: staff only. */
	record ApplicationDetails(UUID id, String siren, String name, CollectiviteKind kind, String motivation,
			String contactName, String contactEmail, String appliedBy, Instant joinedAt, String experimentationMarkedBy,
			Instant experimentationMarkedAt) {
	}

	/** An invitation of a collectivité to apply, with the call it concerns and whether it already applied. */
	record InvitationView(CallView call, Instant invitedAt, boolean applied) {
	}

	/** An application as its collectivité sees it. */
	record OwnApplicationView(UUID id, CallView call, Instant joinedAt, boolean experimentation) {
	}

	private static final String CALLS = """
			select c.proposal_id, c.proposal_title, c.campaign_id, c.status, k.title as campaign_title,
			  k.applications_opens, k.applications_closes, k.working_group_kinds, k.as_of,
			  (select count(*) from referents.referent_territory t where t.proposal_id = c.proposal_id) as member_count
			from referents.referent_call c left join referents.campaign k on k.campaign_id = c.campaign_id
			""";

	private final JdbcClient jdbc;
	private final Clock clock;

	WorkingGroupQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every call not cancelled, by campaign then proposal title. */
	List<CallView> calls() {
		return jdbc.sql(CALLS + " where c.status = 'OPEN' order by k.applications_opens desc nulls last, c.campaign_id, c.proposal_title")
				.query((rs, row) -> call(rs)).list();
	}

	Optional<CallView> call(ProposalId proposal) {
		return jdbc.sql(CALLS + " where c.proposal_id = :p").param("p", proposal.id()).query((rs, row) -> call(rs))
				.optional();
	}

	Optional<WorkingGroupView> workingGroup(ProposalId proposal) {
		return call(proposal).map(call -> new WorkingGroupView(call, members(proposal), sessions(proposal)));
	}

	List<MemberView> members(ProposalId proposal) {
		return jdbc.sql("""
				select id, siren, collectivite_name, kind, joined_at, experimentation_marked_at is not null as experimentation
				from referents.referent_territory where proposal_id = :p order by joined_at, collectivite_name
				""").param("p", proposal.id())
				.query((rs, row) -> new MemberView(rs.getObject("id", UUID.class), rs.getString("siren"),
						rs.getString("collectivite_name"), CollectiviteKind.valueOf(rs.getString("kind")),
						Timestamps.instant(rs, "joined_at"), rs.getBoolean("experimentation")))
				.list();
	}

	List<SessionView> sessions(ProposalId proposal) {
		return jdbc.sql("""
				select s.id, s.held_on, s.subject, (select count(*) from referents.session_attendee a where a.session_id = s.id) as attendees
				from referents.working_group_session s where s.proposal_id = :p order by s.held_on desc, s.recorded_at desc
				""").param("p", proposal.id())
				.query((rs, row) -> new SessionView(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
						rs.getString("subject"), rs.getInt("attendees")))
				.list();
	}

	List<ApplicationDetails> applicationsWithContacts(ProposalId proposal) {
		return jdbc.sql("select * from referents.referent_territory where proposal_id = :p order by joined_at, collectivite_name")
				.param("p", proposal.id())
				.query((rs, row) -> new ApplicationDetails(rs.getObject("id", UUID.class), rs.getString("siren"),
						rs.getString("collectivite_name"), CollectiviteKind.valueOf(rs.getString("kind")),
						rs.getString("motivation"), rs.getString("contact_name"), rs.getString("contact_email"),
						rs.getString("applied_by"), Timestamps.instant(rs, "joined_at"),
						rs.getString("experimentation_marked_by"), Timestamps.instant(rs, "experimentation_marked_at")))
				.list();
	}

	/** The open or upcoming calls the collectivité is invited to, newest first. */
	List<InvitationView> invitationsOf(Siren siren) {
		return jdbc.sql(CALLS.replace("from referents.referent_call c", ", i.invited_at, exists (select 1 from referents.referent_territory t where t.proposal_id = c.proposal_id and t.siren = i.siren) as applied from referents.referent_call c join referents.invitation i on i.proposal_id = c.proposal_id")
				+ " where i.siren = :s and c.status = 'OPEN' order by i.invited_at desc, c.proposal_title")
				.param("s", siren.value())
				.query((rs, row) -> new InvitationView(call(rs), Timestamps.instant(rs, "invited_at"), rs.getBoolean("applied")))
				.list().stream()
				.filter(invitation -> invitation.call().status() == CallStatus.OPEN
						|| invitation.call().status() == CallStatus.UPCOMING)
				.toList();
	}

	List<OwnApplicationView> applicationsOf(Siren siren) {
		return jdbc.sql(CALLS.replace("from referents.referent_call c", ", t.id as application_id, t.joined_at, t.experimentation_marked_at is not null as experimentation from referents.referent_call c join referents.referent_territory t on t.proposal_id = c.proposal_id")
				+ " where t.siren = :s order by t.joined_at desc")
				.param("s", siren.value())
				.query((rs, row) -> new OwnApplicationView(rs.getObject("application_id", UUID.class), call(rs),
						Timestamps.instant(rs, "joined_at"), rs.getBoolean("experimentation")))
				.list();
	}

	/** A territory that left the group, as its history shows it. */
	record WithdrawnView(String name, CollectiviteKind kind, Instant joinedAt, Instant withdrawnAt) {
	}

	/** Who left the working group, latest first. */
	List<WithdrawnView> withdrawn(ProposalId proposal) {
		return jdbc.sql("""
				select collectivite_name, kind, joined_at, withdrawn_at from referents.withdrawn_territory
				where proposal_id = :p order by withdrawn_at desc""").param("p", proposal.id())
				.query((rs, row) -> new WithdrawnView(rs.getString("collectivite_name"),
						CollectiviteKind.valueOf(rs.getString("kind")), Timestamps.instant(rs, "joined_at"),
						Timestamps.instant(rs, "withdrawn_at")))
				.list();
	}

	/**
	 * The calls open now that a collectivité of this kind may join and has not joined, whether it supported the
	 * proposal or not (no selection: any collectivité the campaign admits may apply).
	 */
	List<CallView> openCallsFor(Siren siren, CollectiviteKind kind) {
		return jdbc.sql(CALLS + """
				 where c.status = 'OPEN' and k.applications_opens <= :now and k.applications_closes >= :now
				   and (k.working_group_kinds is null or k.working_group_kinds = ''
				        or :kind = any (string_to_array(k.working_group_kinds, ',')))
				   and not exists (select 1 from referents.referent_territory t
				                   where t.proposal_id = c.proposal_id and t.siren = :s)
				 order by k.applications_closes, c.proposal_title""")
				.param("now", Timestamps.column(clock.instant())).param("kind", kind.name()).param("s", siren.value())
				.query((rs, row) -> call(rs)).list().stream()
				.filter(call -> CampaignRules.DEFAULT_KINDS.contains(kind) || hasKinds(call.campaignId()))
				.toList();
	}

	/** Whether the campaign names the kinds admitted in its working groups (otherwise, the default applies). */
	private boolean hasKinds(UUID campaign) {
		return jdbc.sql("select coalesce(working_group_kinds, '') <> '' from referents.campaign where campaign_id = :c")
				.param("c", campaign).query(Boolean.class).optional().orElse(false);
	}

	private CallView call(java.sql.ResultSet rs) throws java.sql.SQLException {
		var opens = Timestamps.instant(rs, "applications_opens");
		var closes = Timestamps.instant(rs, "applications_closes");
		CampaignRules campaign = opens == null ? null
				: new CampaignRules(new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("campaign_title"),
						new Window(opens, closes), null);
		var status = CallStatus.of("CANCELLED".equals(rs.getString("status")), campaign, clock.instant());
		return new CallView(rs.getObject("proposal_id", UUID.class), rs.getString("proposal_title"), rs.getObject("campaign_id", UUID.class),
				rs.getString("campaign_title"), opens, closes, status, rs.getInt("member_count"));
	}
}
