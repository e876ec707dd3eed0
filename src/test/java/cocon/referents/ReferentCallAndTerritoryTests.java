package cocon.referents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cocon.referents.events.WorkingGroupFormed;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/** The rules of the referents' aggregates, without Spring nor database. */
class ReferentCallAndTerritoryTests {

	static final Instant AT = Instant.parse("2021-07-01T10:00:00Z");

	@Test
	void aCallOpensWithItsProposalTitleAndFormsTheWorkingGroupOnce() {
		assertThatThrownBy(() -> ReferentCall.open(ProposalId.random(), CampaignId.random(), " ", UUID.randomUUID(), AT))
				.isInstanceOf(IllegalArgumentException.class);

		var call = ReferentCall.open(ProposalId.random(), CampaignId.random(), "Écoles", UUID.randomUUID(), AT);

		assertThat(call.isNew()).isTrue();
		assertThat(call.state()).isEqualTo(ReferentCall.State.OPEN);
		assertThat(call.events().registered()).singleElement().isInstanceOf(WorkingGroupFormed.class);
	}

	@Test
	void aCorrectedShortlistCancelsACallOnceAndMayRetainItAgain() {
		var call = ReferentCall.open(ProposalId.random(), CampaignId.random(), "Écoles", UUID.randomUUID(), AT);
		var correction = UUID.randomUUID();

		call.droppedBy(correction, AT);
		call.droppedBy(UUID.randomUUID(), AT.plusSeconds(60));

		assertThat(call.isCancelled()).isTrue();
		assertThat(call.decisionId()).isEqualTo(correction);
		assertThat(call.cancelledAt()).isEqualTo(AT);

		call.retainedBy(UUID.randomUUID());
		call.retitle(" ");
		assertThat(call.isCancelled()).isFalse();
		assertThat(call.cancelledAt()).isNull();
		assertThat(call.proposalTitle()).isEqualTo("Écoles");
	}

	@Test
	void aContactHasANameAndAnEmailAddress() {
		assertThat(new ReferentTerritory.Contact(" Marie Curie ", "marie@mairie.fr").name()).isEqualTo("Marie Curie");
		// the forms strip the address before building the contact; the aggregate refuses one with spaces
		assertThatThrownBy(() -> new ReferentTerritory.Contact("Marie", " marie@mairie.fr "))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReferentTerritory.Contact(" ", "marie@mairie.fr"))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReferentTerritory.Contact("Marie", "marie@mairie"))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReferentTerritory.Contact("Marie", "marie@@mairie.fr"))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(ReferentTerritory.Contact.isEmail("nom@mairie.fr")).isTrue();
		assertThat(ReferentTerritory.Contact.isEmail("nom @mairie.fr")).isFalse();
	}

	@Test
	void theFirstExperimentationMarkIsKept() {
		var territory = new ReferentTerritory(new ReferentTerritory.ApplicationId(UUID.randomUUID()), ProposalId.random(),
				CampaignId.random(), Siren.of("216901231"), "Lyon", CollectiviteKind.COMMUNE, "Motivation",
				new ReferentTerritory.Contact("Marie", "marie@mairie.fr"), "agent", AT, null);

		assertThat(territory.markAsExperimentation("alice", AT)).isTrue();
		assertThat(territory.markAsExperimentation("bob", AT.plusSeconds(60))).isFalse();
		assertThat(territory.experimentation()).isEqualTo(new ReferentTerritory.Experimentation("alice", AT));
	}
}
