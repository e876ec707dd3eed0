package cocon.governance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/**
 * Stores the steering committees (schema governance): their namings, the conflicts of interest declared, the
 * maturity assessments and the decisions, and loads a campaign's {@link Committee} from them. Decisions are
 * appended, never changed (the schema refuses it).
 */
@Repository
class Committees {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	Committees(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The committee of the campaign as it stands, or empty while no administrator has named it (five reads). */
	Optional<Committee> of(CampaignId campaign) {
		return current(campaign).map(naming -> {
			var shortlist = shortlistInForce(campaign);
			return new Committee(naming, conflicts(campaign), latestAssessments(campaign),
					shortlist.isEmpty() ? null : new ShortlistDecision.DecisionId(shortlist.get(0)[0]),
					shortlist.stream().map(row -> new ProposalId(row[1])).collect(Collectors.toSet()),
					totalFunded(campaign));
		});
	}

	// Namings ------------------------------------------------------------------------------------------------

	void appoint(Committee.Naming naming) {
		jdbc.sql("insert into governance.committee_appointment (id, campaign_id, appointed_by, appointed_at) values (?, ?, ?, ?)")
				.params(naming.id().id(), naming.campaignId().id(), naming.appointedBy(),
						Timestamps.column(naming.appointedAt()))
				.update();
		for (var member : naming.members()) {
			jdbc.sql("insert into governance.committee_member (appointment_id, username, organisation) values (?, ?, ?)")
					.params(naming.id().id(), member.username(), member.organisation()).update();
		}
	}

	/** Every naming of the committee, the current one first. */
	List<Committee.Naming> history(CampaignId campaign) {
		record Appointment(UUID id, String by, java.time.Instant at) {
		}
		return jdbc.sql("""
				select id, appointed_by, appointed_at from governance.committee_appointment
				where campaign_id = ? order by seq desc""").param(campaign.id())
				.query((rs, n) -> new Appointment(rs.getObject("id", UUID.class), rs.getString("appointed_by"),
						Timestamps.instant(rs, "appointed_at")))
				.list().stream().map(a -> naming(campaign, a.id(), a.by(), a.at())).toList();
	}

	/** The current naming: the latest, with its members in one read. */
	Optional<Committee.Naming> current(CampaignId campaign) {
		record Row(UUID id, String by, java.time.Instant at, Committee.Member member) {
		}
		var rows = jdbc.sql("""
				select a.id, a.appointed_by, a.appointed_at, m.username, m.organisation
				from governance.committee_appointment a join governance.committee_member m on m.appointment_id = a.id
				where a.id = (select id from governance.committee_appointment where campaign_id = ? order by seq desc limit 1)
				order by m.organisation, m.username""").param(campaign.id())
				.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("appointed_by"),
						Timestamps.instant(rs, "appointed_at"),
						new Committee.Member(rs.getString("username"), rs.getString("organisation"))))
				.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var first = rows.get(0);
		return Optional.of(new Committee.Naming(new Committee.AppointmentId(first.id()), campaign,
				rows.stream().map(Row::member).toList(), first.by(), first.at()));
	}

	private Committee.Naming naming(CampaignId campaign, UUID id, String by, java.time.Instant at) {
		var members = jdbc.sql("select username, organisation from governance.committee_member where appointment_id = ? order by organisation, username")
				.param(id).query((rs, n) -> new Committee.Member(rs.getString(1), rs.getString(2))).list();
		return new Committee.Naming(new Committee.AppointmentId(id), campaign, members, by, at);
	}

	boolean isCurrentMember(CampaignId campaign, String username) {
		return jdbc.sql("""
				select count(*) from governance.committee_member m
				where m.username = ? and m.appointment_id = (select id from governance.committee_appointment
				  where campaign_id = ? order by seq desc limit 1)""")
				.params(username, campaign.id()).query(Integer.class).single() > 0;
	}

	// Conflicts and maturity -----------------------------------------------------------------------------------

	/** Records the conflict; false when the member had already declared one on this proposal (a concurrent twin). */
	boolean insert(CampaignId campaign, Committee.Conflict conflict) {
		return jdbc.sql("""
				insert into governance.conflict_of_interest (campaign_id, proposal_id, username, reason, declared_at)
				values (?, ?, ?, ?, ?) on conflict (proposal_id, username) do nothing""")
				.params(campaign.id(), conflict.proposalId().id(), conflict.username(), conflict.reason(),
						Timestamps.column(conflict.declaredAt()))
				.update() > 0;
	}

	private List<Committee.Conflict> conflicts(CampaignId campaign) {
		return jdbc.sql("select proposal_id, username, reason, declared_at from governance.conflict_of_interest where campaign_id = ?")
				.param(campaign.id())
				.query((rs, n) -> new Committee.Conflict(new ProposalId(rs.getObject(1, UUID.class)), rs.getString(2),
						rs.getString(3), Timestamps.instant(rs, "declared_at")))
				.list();
	}

	void insert(CampaignId campaign, Committee.Assessment assessment) {
		jdbc.sql("""
				insert into governance.maturity_assessment (campaign_id, proposal_id, username, level, note, assessed_at)
				values (?, ?, ?, ?, ?, ?)""")
				.params(campaign.id(), assessment.proposalId().id(), assessment.username(),
						assessment.maturity().level(), assessment.note(), Timestamps.column(assessment.assessedAt()))
				.update();
	}

	/** Each member's latest assessment of each proposal (assessments are appended: the latest counts). */
	private List<Committee.Assessment> latestAssessments(CampaignId campaign) {
		return jdbc.sql("""
				select distinct on (proposal_id, username) proposal_id, username, level, note, assessed_at
				from governance.maturity_assessment where campaign_id = ?
				order by proposal_id, username, id desc""")
				.param(campaign.id())
				.query((rs, n) -> new Committee.Assessment(new ProposalId(rs.getObject("proposal_id", UUID.class)),
						rs.getString("username"), new Maturity(rs.getInt("level")), rs.getString("note"),
						Timestamps.instant(rs, "assessed_at")))
				.list();
	}

	/** A member's latest assessment of each proposal, with the note they wrote, by proposal (their own form). */
	java.util.Map<UUID, Committee.Assessment> latestOf(CampaignId campaign, String username) {
		var result = new java.util.HashMap<UUID, Committee.Assessment>();
		jdbc.sql("""
				select distinct on (proposal_id) proposal_id, username, level, note, assessed_at
				from governance.maturity_assessment where campaign_id = ? and username = ?
				order by proposal_id, id desc""")
				.params(campaign.id(), username)
				.query((rs, n) -> new Committee.Assessment(new ProposalId(rs.getObject("proposal_id", UUID.class)),
						rs.getString("username"), new Maturity(rs.getInt("level")), rs.getString("note"),
						Timestamps.instant(rs, "assessed_at")))
				.list().forEach(a -> result.put(a.proposalId().id(), a));
		return result;
	}

	// Decisions --------------------------------------------------------------------------------------------------

	/** The shortlist decision in force and its proposals, one row each: decision id, proposal id. */
	private List<UUID[]> shortlistInForce(CampaignId campaign) {
		return jdbc.sql("""
				select d.id, i.proposal_id from governance.shortlist_decision d
				join governance.shortlist_item i on i.decision_id = d.id
				where d.campaign_id = ? and not exists (select 1 from governance.shortlist_decision s where s.supersedes = d.id)""")
				.param(campaign.id())
				.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).list();
	}

	void insert(ShortlistDecision decision) {
		jdbc.sql("""
				insert into governance.shortlist_decision (id, campaign_id, rationale, decided_by, decided_at, supersedes)
				values (?, ?, ?, ?, ?, ?)""")
				.params(decision.getId().id(), decision.campaignId().id(), decision.rationale(), decision.decidedBy(),
						Timestamps.column(decision.decidedAt()),
						decision.supersedes() == null ? null : decision.supersedes().id())
				.update();
		int position = 0;
		for (var item : decision.items()) {
			jdbc.sql("insert into governance.shortlist_item (decision_id, proposal_id, title, position) values (?, ?, ?, ?)")
					.params(decision.getId().id(), item.proposalId().id(), item.title(), position++).update();
		}
		for (var member : decision.presentMembers()) {
			jdbc.sql("insert into governance.shortlist_present_member (decision_id, username, organisation) values (?, ?, ?)")
					.params(decision.getId().id(), member.username(), member.organisation()).update();
		}
		for (var recusal : decision.recusals()) {
			jdbc.sql("insert into governance.shortlist_recusal (decision_id, proposal_id, username) values (?, ?, ?)")
					.params(decision.getId().id(), recusal.proposalId().id(), recusal.username()).update();
		}
		decision.events().publishTo(events);
	}

	Euros totalFunded(CampaignId campaign) {
		return Euros.of(jdbc.sql("select coalesce(sum(budget_euros), 0) from governance.funded_project where campaign_id = ?")
				.param(campaign.id()).query(Long.class).single());
	}

	void insert(FundedProject project) {
		jdbc.sql("""
				insert into governance.funded_project (id, decision_id, campaign_id, proposal_id, provider, title,
				  budget_euros, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(project.getId().id(), project.decisionId(), project.campaignId().id(), project.proposalId().id(),
						project.provider(), project.title(), project.budget().amount(), project.decidedBy(),
						Timestamps.column(project.decidedAt()))
				.update();
		int position = 0;
		for (var milestone : project.milestones()) {
			jdbc.sql("insert into governance.milestone (project_id, position, label, due) values (?, ?, ?, ?)")
					.params(project.getId().id(), position++, milestone.label(), milestone.due()).update();
		}
		project.events().publishTo(events);
	}
}
