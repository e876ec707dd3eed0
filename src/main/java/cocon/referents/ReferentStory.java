package cocon.referents;

import java.time.LocalDate;
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
import cocon.shared.Window;
import cocon.shared.story.ProposalStory;
import cocon.shared.story.StoryStep;

/** The referent territories' part of a proposal's story (ADR 43): its working group, once formed, and who is in it. */
@Component
class ReferentStory implements ProposalStory {

	private final JdbcClient jdbc;

	ReferentStory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<ProposalId, List<StoryStep>> of(Collection<ProposalId> proposals) {
		return jdbc.sql("""
				select c.proposal_id, c.formed_at,
				       (select count(*) from referents.referent_territory t where t.proposal_id = c.proposal_id) as members,
				       (select count(*) from referents.referent_territory t where t.proposal_id = c.proposal_id
				          and t.experimentation_marked_at is not null) as experimenting
				from referents.referent_call c where c.status = 'OPEN' and c.proposal_id = any (:ids)""")
				.param("ids", proposals.stream().map(ProposalId::id).toArray(UUID[]::new))
				.query((rs, row) -> {
					var id = new ProposalId(rs.getObject("proposal_id", UUID.class));
					long members = rs.getLong("members");
					long experimenting = rs.getLong("experimenting");
					var formed = LocalDate.ofInstant(Timestamps.instant(rs, "formed_at"), Window.PARIS);
					var detail = (members == 0 ? "Aucun territoire référent ne l'a encore rejoint."
							: members == 1 ? "1 territoire référent." : members + " territoires référents.")
							+ (experimenting == 0 ? "" : experimenting == 1 ? " 1 territoire d'expérimentation."
									: " " + experimenting + " territoires d'expérimentation.");
					return Map.entry(id, List.of(StoryStep.of(StoryStep.WORKING_GROUP, "groupe-de-travail",
							"Groupe de travail formé le " + FrenchDates.day(formed) + ".", detail,
							"/propositions/" + id.id() + "/groupe-de-travail")));
				})
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
