package cocon.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.FrenchDates;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/**
 * Governance's part of a proposal's story (ADR 43): what the committee's current shortlist decision says of it
 * (a correction supersedes the earlier decision), and the projects funded to answer it.
 */
@Component
class GovernanceStory implements ProposalStory {

	private final JdbcClient jdbc;

	GovernanceStory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<ProposalId, List<StoryStep>> of(Collection<ProposalId> proposals) {
		var ids = proposals.stream().map(ProposalId::id).toArray(UUID[]::new);
		var story = new HashMap<ProposalId, List<StoryStep>>();
		jdbc.sql("""
				select p.id, p.campaign_id, d.decided_at,
				       exists (select 1 from governance.shortlist_item i where i.decision_id = d.id and i.proposal_id = p.id)
				         as shortlisted
				from governance.proposal p
				join governance.shortlist_decision d on d.campaign_id = p.campaign_id
				where p.id = any (:ids)
				  and not exists (select 1 from governance.shortlist_decision later where later.supersedes = d.id)""")
				.param("ids", ids)
				.query((rs, row) -> {
					var day = day(Timestamps.instant(rs, "decided_at"));
					var decisions = "/campagnes/" + rs.getObject("campaign_id", UUID.class) + "/decisions";
					boolean shortlisted = rs.getBoolean("shortlisted");
					var step = new StoryStep(StoryStep.SHORTLIST, "preselection",
							shortlisted ? "Présélectionnée par le comité le " + day + "."
									: "Non présélectionnée par le comité du " + day + ".",
							shortlisted ? "Des collectivités peuvent rejoindre son groupe de travail comme territoires référents."
									: "Le comité a retenu d'autres propositions ; ses raisons sont publiées avec sa décision.",
							decisions, !shortlisted);
					return Map.entry(new ProposalId(rs.getObject("id", UUID.class)), step);
				})
				.list().forEach(entry -> story.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		record Project(ProposalId proposal, UUID campaign, String title, String provider, long budget,
				java.time.Instant decidedAt) {
		}
		var funded = jdbc.sql("""
				select proposal_id, campaign_id, title, provider, budget_euros, decided_at from governance.funded_project
				where proposal_id = any (:ids) order by title""")
				.param("ids", ids)
				.query((rs, row) -> new Project(new ProposalId(rs.getObject("proposal_id", UUID.class)),
						rs.getObject("campaign_id", UUID.class), rs.getString("title"), rs.getString("provider"),
						rs.getLong("budget_euros"), Timestamps.instant(rs, "decided_at")))
				.list().stream().collect(java.util.stream.Collectors.groupingBy(Project::proposal));
		funded.forEach((proposal, projects) -> {
			long budget = projects.stream().mapToLong(Project::budget).sum();
			var first = projects.stream().map(Project::decidedAt).min(java.util.Comparator.naturalOrder()).orElseThrow();
			story.computeIfAbsent(proposal, key -> new ArrayList<>()).add(StoryStep.of(StoryStep.FUNDING, "financement",
					"Financée le " + day(first) + " : " + (projects.size() == 1 ? "1 projet" : projects.size() + " projets")
							+ " pour " + Euros.of(budget).formatted() + (projects.size() == 1 ? "." : " au total."),
					String.join(" ; ", projects.stream().map(p -> "« " + p.title() + " » par " + p.provider() + " ("
							+ Euros.of(p.budget()).formatted() + ")").toList()) + ".",
					"/campagnes/" + projects.get(0).campaign() + "/decisions"));
		});
		return story;
	}

	private static String day(java.time.Instant instant) {
		return FrenchDates.day(instant);
	}
}
