package cocon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cocon.deployment.events.ServicePhaseChanged;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;

/** The rules of a service, without the database. */
class ServiceTests {

	static final Instant NOW = Instant.parse("2022-01-10T10:00:00Z");

	Service service = Service.funded(UUID.randomUUID(), CampaignId.random(), ProposalId.random(), UUID.randomUUID(),
			"Guichet unique", "Prestataire SAS", 100_000, Instant.parse("2021-07-05T14:00:00Z"));

	@Test
	void aFundedProjectBecomesAServiceUnderConstructionAndSaysSo() {
		assertThat(service.phase()).isEqualTo(Phase.EN_CONSTRUCTION);
		assertThat(service.events().registered()).singleElement().isInstanceOfSatisfying(ServicePhaseChanged.class,
				changed -> {
					assertThat(changed.phase()).isEqualTo("EN_CONSTRUCTION");
					assertThat(changed.previousPhase()).isNull();
				});
	}

	@Test
	void thePhaseMovesForwardOneStepAtATime() {
		service.events().discard();
		assertThat(service.moveTo(Phase.EN_EXPERIMENTATION, null, NOW)).isTrue();
		assertThat(service.moveTo(Phase.EN_EXPERIMENTATION, null, NOW)).as("the same phase again").isFalse();
		assertThatThrownBy(() -> service.moveTo(Phase.GENERALISE, null, NOW)).isInstanceOf(Refusal.Conflict.class)
				.hasMessageContaining("Disponible");
		assertThatThrownBy(() -> service.moveTo(Phase.EN_CONSTRUCTION, null, NOW)).isInstanceOf(Refusal.Conflict.class);
		assertThat(service.moveTo(Phase.DISPONIBLE, null, NOW)).isTrue();
		assertThat(service.events().registered()).extracting(e -> ((ServicePhaseChanged) e).phase())
				.containsExactly("EN_EXPERIMENTATION", "DISPONIBLE");
	}

	@Test
	void aServiceIsStoppedOnlyWithAReasonAndThenNoLongerChanges() {
		assertThatThrownBy(() -> service.moveTo(Phase.ARRETE, "  ", NOW)).isInstanceOf(Refusal.Invalid.class)
				.hasMessageContaining("pourquoi");
		assertThat(service.moveTo(Phase.ARRETE, "Le prestataire a cessé son activité.", NOW)).isTrue();
		assertThat(service.stopReason()).isEqualTo("Le prestataire a cessé son activité.");
		assertThatThrownBy(() -> service.moveTo(Phase.EN_EXPERIMENTATION, null, NOW))
				.isInstanceOf(Refusal.Conflict.class);
	}

	@Test
	void theBudgetPaidNeverExceedsTheFundedBudget() {
		service.pay(60_000);
		service.pay(40_000);
		assertThat(service.paidEuros()).isEqualTo(100_000);
		assertThatThrownBy(() -> service.pay(1)).isInstanceOf(Refusal.Conflict.class)
				.hasMessageContaining("il reste 0 €");
		assertThatThrownBy(() -> service.pay(0)).isInstanceOf(Refusal.Invalid.class);
		assertThat(service.paidEuros()).isEqualTo(100_000);
	}

	@Test
	void feedbackIsAcceptedUntilTheServiceIsAvailable() {
		assertThat(service.acceptsFeedback()).isTrue();
		service.moveTo(Phase.EN_EXPERIMENTATION, null, NOW);
		assertThat(service.acceptsFeedback()).isTrue();
		service.moveTo(Phase.DISPONIBLE, null, NOW);
		assertThat(service.acceptsFeedback()).isFalse();
	}
}
