package cocon.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;

/** The rules of the committee and of its decisions (shortlist, funding), without Spring nor database. */
class CommitteeDecisionsTests {

	static final CampaignId CAMPAIGN = CampaignId.random();
	static final LocalDate SHORTLIST_DATE = LocalDate.of(2021, 6, 15);
	static final Instant ON_THE_DAY = Instant.parse("2021-06-14T22:00:00Z"); // 15 June, midnight in Paris
	static final ProposalId SCHOOLS = ProposalId.random();
	static final ProposalId BIKES = ProposalId.random();
	static final Committee.Member ALICE = new Committee.Member("alice", "Région");
	static final Committee.Member BOB = new Committee.Member("bob", "Ville");

	static ShortlistDecision decide(List<ShortlistDecision.Item> items, String rationale, Instant at) {
		return ShortlistDecision.decide(CAMPAIGN, SHORTLIST_DATE, items, rationale, List.of(ALICE, BOB),
				Map.of(BIKES, Set.of("bob")), null, "alice", at);
	}

	@Test
	void aShortlistIsDecidedFromItsDateInParisTime() {
		var items = List.of(new ShortlistDecision.Item(SCHOOLS, "Écoles"));
		assertThatThrownBy(() -> decide(items, "Motivation", ON_THE_DAY.minusSeconds(1)))
				.isInstanceOf(RuleViolation.class);
		assertThat(decide(items, "Motivation", ON_THE_DAY).items()).containsExactlyElementsOf(items);
	}

	@Test
	void aShortlistHasDistinctProposalsAndARationale() {
		var schools = new ShortlistDecision.Item(SCHOOLS, "Écoles");
		assertThatThrownBy(() -> decide(List.of(), "Motivation", ON_THE_DAY)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> decide(List.of(schools), " ", ON_THE_DAY)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> decide(List.of(schools), "x".repeat(5001), ON_THE_DAY))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> decide(List.of(schools, schools), "Motivation", ON_THE_DAY))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void membersInConflictStepOutOfTheirItemAndTheDecisionIsAnnounced() {
		var decision = decide(List.of(new ShortlistDecision.Item(SCHOOLS, "Écoles"),
				new ShortlistDecision.Item(BIKES, "Vélos")), " Motivation ", ON_THE_DAY);

		assertThat(decision.recusals()).containsExactly(new ShortlistDecision.Recusal(BIKES, "bob"));
		assertThat(decision.rationale()).isEqualTo("Motivation");
		assertThat(decision.events().registered()).singleElement().isInstanceOfSatisfying(ProposalsShortlisted.class,
				event -> {
					assertThat(event.decisionId()).isEqualTo(decision.getId().id());
					assertThat(event.proposals()).extracting(ProposalsShortlisted.ShortlistedProposal::proposalId)
							.containsExactly(SCHOOLS, BIKES);
				});
	}

	@Test
	void aProjectAnswersAShortlistedProposalAndFitsInWhatRemainsOfTheEnvelope() {
		var envelope = Euros.of(1_000_000);
		assertThatThrownBy(() -> FundedProject.fund(CAMPAIGN, envelope, Euros.ZERO, Set.of(SCHOOLS), BIKES, "Porteur",
				"Projet", Euros.of(10), List.of(), "alice", ON_THE_DAY)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> FundedProject.fund(CAMPAIGN, envelope, Euros.of(900_000), Set.of(SCHOOLS), SCHOOLS,
				"Porteur", "Projet", Euros.of(100_001), List.of(), "alice", ON_THE_DAY))
				.isInstanceOf(RuleViolation.class).hasMessageContaining("dépasse l'enveloppe restante");

		var project = FundedProject.fund(CAMPAIGN, envelope, Euros.of(900_000), Set.of(SCHOOLS), SCHOOLS, " Porteur ",
				" Projet ", Euros.of(100_000), List.of(), "alice", ON_THE_DAY);

		assertThat(project.provider()).isEqualTo("Porteur");
		assertThat(project.events().registered()).singleElement().isInstanceOfSatisfying(ProjectsFunded.class,
				event -> {
					assertThat(event.envelopeEuros()).isEqualTo(1_000_000);
					assertThat(event.remainingEuros()).isZero();
					assertThat(event.projects()).singleElement()
							.satisfies(funded -> assertThat(funded.proposalId()).isEqualTo(SCHOOLS));
				});
	}

	@Test
	void aCommitteeHasDistinctMembersEachRepresentingAnOrganisation() {
		assertThatThrownBy(() -> Committee.appoint(CAMPAIGN, List.of(), "admin", ON_THE_DAY))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Committee.appoint(CAMPAIGN, List.of(ALICE, new Committee.Member(" alice ", "Autre")),
				"admin", ON_THE_DAY)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deux fois");
		assertThatThrownBy(() -> new Committee.Member("carole", " ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Committee.Member("c".repeat(256), "Ville"))
				.isInstanceOf(IllegalArgumentException.class);

		var committee = Committee.appoint(CAMPAIGN, List.of(ALICE, BOB), "admin", ON_THE_DAY);

		assertThat(committee.includes("bob")).isTrue();
		assertThat(committee.includes("carole")).isFalse();
	}
}
