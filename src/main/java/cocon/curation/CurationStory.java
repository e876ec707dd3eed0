package cocon.curation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.FrenchDates;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/**
 * Curation's part of a proposal's story (ADR 43): the proposal being prepared, published (with the contributions it
 * gathers), or merged into another one, whose page then tells the rest.
 */
@Component
class CurationStory implements ProposalStory {

	private final JdbcClient jdbc;

	CurationStory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<ProposalId, List<StoryStep>> of(Collection<ProposalId> proposals) {
		return jdbc.sql("""
				select p.id, p.title, p.status, p.published_at, m.id as survivor_id, m.title as survivor_title,
				       (select count(*) from curation.contribution c where c.proposal_id = p.id and c.outcome = 'GROUPED')
				         as contributions
				from curation.proposal p left join curation.proposal m on m.id = p.merged_into
				where p.id = any (:ids)""")
				.param("ids", proposals.stream().map(ProposalId::id).toArray(UUID[]::new))
				.query((rs, row) -> {
					var id = new ProposalId(rs.getObject("id", UUID.class));
					var title = rs.getString("title");
					StoryStep step = switch (rs.getString("status")) {
						case "PUBLISHED" -> StoryStep.of(StoryStep.PROPOSAL, "proposition",
								"Proposition « " + title + " » publiée le "
										+ FrenchDates.day(Timestamps.instant(rs, "published_at")) + ".",
								contributions(rs.getLong("contributions")), "/propositions/" + id.id());
						case "MERGED" -> StoryStep.of(StoryStep.PROPOSAL, "proposition",
								"Proposition fusionnée dans « " + rs.getString("survivor_title") + " » : la suite est sur sa page.",
								null, "/propositions/" + rs.getObject("survivor_id", UUID.class));
						default -> StoryStep.of(StoryStep.PROPOSAL, "proposition",
								"Proposition « " + title + " » en préparation par l'équipe de la campagne.",
								"Elle sera publiée avant l'ouverture des soutiens.", null);
					};
					return Map.entry(id, List.of(step));
				})
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String contributions(long count) {
		return count == 1 ? "Elle rassemble 1 contribution." : "Elle rassemble " + count + " contributions.";
	}
}
