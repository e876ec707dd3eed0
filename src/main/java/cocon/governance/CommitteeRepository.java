package cocon.governance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;

/** Stores the committee, its conflicts of interest, maturity assessments and decisions (schema governance). */
@Repository
class CommitteeRepository {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	CommitteeRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	// Committee ----------------------------------------------------------------------------------------------

	void appoint(Committee committee) {
		jdbc.sql("insert into governance.committee_appointment (id, campaign_id, appointed_by, appointed_at) values (?, ?, ?, ?)")
				.params(committee.getId().id(), committee.campaignId().id(), committee.appointedBy(),
						CampaignRepository.ts(committee.appointedAt()))
				.update();
		for (var member : committee.members()) {
			jdbc.sql("insert into governance.committee_member (appointment_id, username, organisation) values (?, ?, ?)")
					.params(committee.getId().id(), member.username(), member.organisation()).update();
		}
	}

	/** Every naming of the committee, the current one first. */
	List<Committee> history(CampaignId campaign) {
		var appointments = jdbc.sql("""
				select id, appointed_by, appointed_at from governance.committee_appointment
				where campaign_id = ? order by seq desc""").param(campaign.id())
				.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("appointed_by"),
						rs.getObject("appointed_at", OffsetDateTime.class).toInstant() })
				.list();
		var result = new ArrayList<Committee>();
		for (var a : appointments) {
			var members = jdbc.sql("select username, organisation from governance.committee_member where appointment_id = ? order by organisation, username")
					.param(a[0]).query((rs, n) -> new Committee.Member(rs.getString(1), rs.getString(2))).list();
			result.add(new Committee(new Committee.AppointmentId((UUID) a[0]), campaign, members, (String) a[1],
					(java.time.Instant) a[2]));
		}
		return result;
	}

	Optional<Committee> current(CampaignId campaign) {
		return history(campaign).stream().findFirst();
	}

	boolean isCurrentMember(CampaignId campaign, String username) {
		return jdbc.sql("""
				select count(*) from governance.committee_member m
				where m.username = ? and m.appointment_id = (select id from governance.committee_appointment
				  where campaign_id = ? order by seq desc limit 1)""")
				.params(username, campaign.id()).query(Integer.class).single() > 0;
	}

	// Conflicts and maturity -----------------------------------------------------------------------------------

	/** Records the conflict; false when the member had already declared one on this proposal. */
	boolean declareConflict(CampaignId campaign, ProposalId proposal, String username, String reason,
			java.time.Instant at) {
		return jdbc.sql("""
				insert into governance.conflict_of_interest (campaign_id, proposal_id, username, reason, declared_at)
				values (?, ?, ?, ?, ?) on conflict (proposal_id, username) do nothing""")
				.params(campaign.id(), proposal.id(), username, reason, CampaignRepository.ts(at)).update() > 0;
	}

	boolean inConflict(ProposalId proposal, String username) {
		return jdbc.sql("select count(*) from governance.conflict_of_interest where proposal_id = ? and username = ?")
				.params(proposal.id(), username).query(Integer.class).single() > 0;
	}

	/** The members in conflict, per proposal of the campaign. */
	Map<ProposalId, Set<String>> conflicts(CampaignId campaign) {
		var result = new HashMap<ProposalId, Set<String>>();
		jdbc.sql("select proposal_id, username from governance.conflict_of_interest where campaign_id = ?")
				.param(campaign.id())
				.query(rs -> {
					result.computeIfAbsent(new ProposalId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
							.add(rs.getString(2));
				});
		return result;
	}

	void assess(CampaignId campaign, ProposalId proposal, String username, int level, String note,
			java.time.Instant at) {
		jdbc.sql("""
				insert into governance.maturity_assessment (campaign_id, proposal_id, username, level, note, assessed_at)
				values (?, ?, ?, ?, ?, ?)""")
				.params(campaign.id(), proposal.id(), username, level, note, CampaignRepository.ts(at)).update();
	}

	record Maturity(double average, int assessments) {
	}

	/** Average of each member's latest assessment, leaving out members in conflict on the proposal. */
	Map<UUID, Maturity> maturity(CampaignId campaign) {
		var result = new HashMap<UUID, Maturity>();
		jdbc.sql("""
				select a.proposal_id, avg(a.level) as average, count(*) as n from (
				  select distinct on (proposal_id, username) proposal_id, username, level
				  from governance.maturity_assessment where campaign_id = ?
				  order by proposal_id, username, id desc) a
				where not exists (select 1 from governance.conflict_of_interest c
				                  where c.proposal_id = a.proposal_id and c.username = a.username)
				group by a.proposal_id""")
				.param(campaign.id())
				.query(rs -> {
					result.put(rs.getObject("proposal_id", UUID.class),
							new Maturity(rs.getDouble("average"), rs.getInt("n")));
				});
		return result;
	}

	/** The latest level each member gave, per proposal (for the member's own form). */
	Map<UUID, Integer> levelsBy(CampaignId campaign, String username) {
		var result = new HashMap<UUID, Integer>();
		jdbc.sql("""
				select distinct on (proposal_id) proposal_id, level from governance.maturity_assessment
				where campaign_id = ? and username = ? order by proposal_id, id desc""")
				.params(campaign.id(), username)
				.query(rs -> {
					result.put(rs.getObject(1, UUID.class), rs.getInt(2));
				});
		return result;
	}

	// Shortlist --------------------------------------------------------------------------------------------------

	/** The current (latest, not superseded) shortlist decision, if any. */
	Optional<UUID> currentShortlist(CampaignId campaign) {
		return jdbc.sql("""
				select d.id from governance.shortlist_decision d where d.campaign_id = ?
				and not exists (select 1 from governance.shortlist_decision s where s.supersedes = d.id)""")
				.param(campaign.id()).query(UUID.class).optional();
	}

	Set<ProposalId> shortlisted(CampaignId campaign) {
		return currentShortlist(campaign)
				.map(id -> new HashSet<>(jdbc.sql("select proposal_id from governance.shortlist_item where decision_id = ?")
						.param(id).query((rs, n) -> new ProposalId(rs.getObject(1, UUID.class))).list()))
				.map(set -> (Set<ProposalId>) set).orElse(Set.of());
	}

	void insert(ShortlistDecision decision) {
		jdbc.sql("""
				insert into governance.shortlist_decision (id, campaign_id, rationale, decided_by, decided_at, supersedes)
				values (?, ?, ?, ?, ?, ?)""")
				.params(decision.getId().id(), decision.campaignId().id(), decision.rationale(), decision.decidedBy(),
						CampaignRepository.ts(decision.decidedAt()),
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

	List<ShortlistView> shortlistDecisions(CampaignId campaign) {
		var decisions = jdbc.sql("""
				select d.id, d.rationale, d.decided_by, d.decided_at, d.supersedes,
				  (select s.id from governance.shortlist_decision s where s.supersedes = d.id) as superseded_by
				from governance.shortlist_decision d where d.campaign_id = ? order by d.decided_at desc""")
				.param(campaign.id())
				.query((rs, n) -> new ShortlistView(rs.getObject("id", UUID.class), rs.getString("rationale"),
						rs.getString("decided_by"), CampaignJsonDates.paris(rs.getObject("decided_at", OffsetDateTime.class)),
						rs.getObject("supersedes", UUID.class), rs.getObject("superseded_by", UUID.class),
						rs.getObject("superseded_by") == null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()))
				.list();
		decisions = chain(decisions);
		for (var d : decisions) {
			var titles = new LinkedHashMap<UUID, String>();
			jdbc.sql("select proposal_id, title from governance.shortlist_item where decision_id = ? order by position")
					.param(d.id()).query(rs -> {
						titles.put(rs.getObject(1, UUID.class), rs.getString(2));
					});
			titles.forEach((id, title) -> d.proposals().add(new ShortlistView.Proposal(id, title)));
			d.presentMembers().addAll(jdbc.sql("select username, organisation from governance.shortlist_present_member where decision_id = ? order by organisation, username")
					.param(d.id()).query((rs, n) -> new ShortlistView.Present(rs.getString(1), rs.getString(2))).list());
			d.steppedOut().addAll(jdbc.sql("""
					select r.proposal_id, r.username, m.organisation from governance.shortlist_recusal r
					left join governance.shortlist_present_member m on m.decision_id = r.decision_id and m.username = r.username
					where r.decision_id = ? order by m.organisation, r.username""")
					.param(d.id()).query((rs, n) -> new ShortlistView.SteppedOut(rs.getObject(1, UUID.class),
							titles.get(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3)))
					.list());
		}
		return decisions;
	}

	/** The decisions from the current one back along the corrections (a chain, guaranteed by the schema). */
	private static List<ShortlistView> chain(List<ShortlistView> decisions) {
		var byId = new HashMap<UUID, ShortlistView>();
		decisions.forEach(d -> byId.put(d.id(), d));
		var ordered = new ArrayList<ShortlistView>();
		var next = decisions.stream().filter(ShortlistView::current).findFirst().orElse(null);
		while (next != null && ordered.size() < decisions.size()) {
			ordered.add(next);
			next = next.supersedes() == null ? null : byId.get(next.supersedes());
		}
		return ordered;
	}

	/**
	 * A shortlist decision as the committee and administrators see it, usernames included; the public sees
	 * {@link SteeringCommittee.PublicDecisions}, members by organisation only.
	 */
	record ShortlistView(UUID id, String rationale, String decidedBy, String decidedAt, UUID supersedes,
			UUID supersededBy, boolean current, List<Proposal> proposals, List<Present> presentMembers,
			List<SteppedOut> steppedOut) {

		record Proposal(UUID proposalId, String title) {
		}

		record Present(String username, String organisation) {
		}

		record SteppedOut(UUID proposalId, String title, String username, String organisation) {
		}
	}

	// Funding ----------------------------------------------------------------------------------------------------

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
						CampaignRepository.ts(project.decidedAt()))
				.update();
		int position = 0;
		for (var milestone : project.milestones()) {
			jdbc.sql("insert into governance.milestone (project_id, position, label, due) values (?, ?, ?, ?)")
					.params(project.getId().id(), position++, milestone.label(), milestone.due()).update();
		}
		project.events().publishTo(events);
	}

	List<FundedView> fundedProjects(CampaignId campaign) {
		var projects = jdbc.sql("""
				select f.id, f.decision_id, f.proposal_id, p.title as proposal_title, f.provider, f.title, f.budget_euros,
				  f.decided_by, f.decided_at
				from governance.funded_project f join governance.proposal p on p.id = f.proposal_id
				where f.campaign_id = ? order by f.decided_at, f.title""")
				.param(campaign.id())
				.query((rs, n) -> new FundedView(rs.getObject("id", UUID.class), rs.getObject("decision_id", UUID.class),
						rs.getObject("proposal_id", UUID.class), rs.getString("proposal_title"), rs.getString("provider"),
						rs.getString("title"), rs.getLong("budget_euros"), rs.getString("decided_by"),
						CampaignJsonDates.paris(rs.getObject("decided_at", OffsetDateTime.class)), new ArrayList<>()))
				.list();
		for (var p : projects) {
			p.milestones().addAll(jdbc.sql("select label, due from governance.milestone where project_id = ? order by position")
					.param(p.id()).query((rs, n) -> new FundedView.MilestoneView(rs.getString(1),
							rs.getObject(2, LocalDate.class).toString()))
					.list());
		}
		return projects;
	}

	record FundedView(UUID id, UUID decisionId, UUID proposalId, String proposalTitle, String provider, String title,
			long budgetEuros, String decidedBy, String decidedAt, List<MilestoneView> milestones) {

		record MilestoneView(String label, String due) {
		}
	}
}
