package cocon.referents;

import static cocon.referents.ReferentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cocon.shared.ProposalId;
import cocon.testing.Identities;

/**
 * Marking an experimentation territory is a published fact (the deployment module needs it, ADR 0040): once, at the
 * first mark, whoever marks it again.
 */
class ExperimentationTerritoryMarkedTests extends ReferentsTestSupport {

	@Autowired
	ReferentTerritoriesService service;

	@Autowired
	JdbcClient jdbc;

	@Test
	void markingATerritoryTwicePublishesTheFactOnce() {
		var proposal = ProposalId.random();
		listeners.on(shortlist(campaign, proposal));
		var territory = service.apply(proposal, Identities.agentOf(siren(), "Vénissieux", cocon.shared.CollectiviteKind.COMMUNE, "69", "84", 66_000), "Nous voulons expérimenter.", "Camille Martin",
				"camille.martin@venissieux.fr").territory();

		service.markAsExperimentation(territory.getId(), Identities.curator());
		service.markAsExperimentation(territory.getId(), Identities.admin());

		var count = """
				select (select count(*) from event_publication where event_type like '%ExperimentationTerritoryMarked'
				          and serialized_event like :id)
				     + (select count(*) from event_publication_archive where event_type like '%ExperimentationTerritoryMarked'
				          and serialized_event like :id)""";
		Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(count).param("id", "%" + territory.getId() + "%")
				.query(Long.class).single()).as("one publication, to the deployment module's listener").isEqualTo(1));
		Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from deployment.experimentation_territory where proposal_id = :p")
				.param("p", proposal.id()).query(Long.class).single()).as("the deployment module knows it").isEqualTo(1));
	}
}
