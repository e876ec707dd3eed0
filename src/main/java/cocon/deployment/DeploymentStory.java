package cocon.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.ProposalId;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/**
 * Deployment's part of a proposal's story (ADR 43): each service born of a funded project answering it, its phase,
 * and how many collectivités adopted it. Services come in the order they were funded, each followed by its adoptions.
 */
@Component
class DeploymentStory implements ProposalStory {

	private final JdbcClient jdbc;

	DeploymentStory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<ProposalId, List<StoryStep>> of(Collection<ProposalId> proposals) {
		var story = new HashMap<ProposalId, List<StoryStep>>();
		jdbc.sql("""
				select s.id, s.proposal_id, s.title, s.provider, s.phase, s.stop_reason,
				       (select coalesce(sum(collectivites), 0) from deployment.adoption_count a where a.service_id = s.id
				          and a.status in ('EN_TEST', 'EN_SERVICE')) as used,
				       (select coalesce(sum(collectivites), 0) from deployment.adoption_count a where a.service_id = s.id
				          and a.status = 'INTERESSEE') as interested
				from deployment.service s where s.proposal_id = any (:ids) order by s.funded_at, s.title""")
				.param("ids", proposals.stream().map(ProposalId::id).toArray(UUID[]::new))
				.query((rs, row) -> {
					var proposal = new ProposalId(rs.getObject("proposal_id", UUID.class));
					var steps = story.computeIfAbsent(proposal, key -> new ArrayList<>());
					int order = StoryStep.SERVICE + 2 * steps.size();
					var phase = Phase.valueOf(rs.getString("phase"));
					var href = "/services/" + rs.getObject("id", UUID.class);
					steps.add(new StoryStep(order, "service", "Service « " + rs.getString("title") + " » ("
							+ rs.getString("provider") + ") : " + phase.label().toLowerCase(java.util.Locale.FRENCH) + ".",
							phase == Phase.ARRETE ? "Arrêté : " + rs.getString("stop_reason") : null, href,
							phase == Phase.ARRETE));
					long used = rs.getLong("used");
					long interested = rs.getLong("interested");
					if (used + interested > 0) {
						steps.add(StoryStep.of(order + 1, "adoptions",
								used == 0 ? (interested == 1 ? "1 collectivité est intéressée" : Numbers.french(interested)
										+ " collectivités sont intéressées") + " ; aucune ne l'utilise encore."
										: (used == 1 ? "1 collectivité l'utilise ou le teste"
												: Numbers.french(used) + " collectivités l'utilisent ou le testent")
												+ (interested == 0 ? "." : " ; " + Numbers.french(interested)
														+ (interested == 1 ? " autre est intéressée." : " autres sont intéressées.")),
								null, href + "#carte"));
					}
					return proposal;
				})
				.list();
		return story;
	}
}
