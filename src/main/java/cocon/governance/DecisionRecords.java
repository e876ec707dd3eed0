package cocon.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.Timestamps;

/**
 * The record of a campaign's decisions as they are read (schema governance): every shortlist decision along its
 * corrections, with who was present and who stepped out of what, and every funded project with its milestones.
 */
@Repository
class DecisionRecords {

	private final JdbcClient jdbc;

	DecisionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The shortlist decisions, the one in force first, then back along the corrections. */
	List<ShortlistView> shortlistDecisions(CampaignId campaign) {
		var decisions = jdbc.sql("""
				select d.id, d.rationale, d.decided_by, d.decided_at, d.supersedes,
				  (select s.id from governance.shortlist_decision s where s.supersedes = d.id) as superseded_by
				from governance.shortlist_decision d where d.campaign_id = ? order by d.decided_at desc""")
				.param(campaign.id())
				.query((rs, n) -> new ShortlistView(rs.getObject("id", UUID.class), rs.getString("rationale"),
						rs.getString("decided_by"), CalendarJson.format(Timestamps.instant(rs, "decided_at")),
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
			// a member may step out of a proposal examined but not retained: its title is the proposal's
			d.steppedOut().addAll(jdbc.sql("""
					select r.proposal_id, r.username, m.organisation, coalesce(i.title, p.title) as title
					from governance.shortlist_recusal r
					left join governance.shortlist_present_member m on m.decision_id = r.decision_id and m.username = r.username
					left join governance.shortlist_item i on i.decision_id = r.decision_id and i.proposal_id = r.proposal_id
					left join governance.proposal p on p.id = r.proposal_id
					where r.decision_id = ? order by m.organisation, r.username, i.position nulls last, p.title""")
					.param(d.id()).query((rs, n) -> new ShortlistView.SteppedOut(rs.getObject(1, UUID.class),
							rs.getString("title"), rs.getString(2), rs.getString(3)))
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
	 * {@link DecisionsView.PublicDecisions}, members by organisation only.
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
						CalendarJson.format(Timestamps.instant(rs, "decided_at")), new ArrayList<>()))
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
