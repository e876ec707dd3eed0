package cocon.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.Euros;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.Window;
import cocon.testing.Campaign2021;

/**
 * The committee's rules as its aggregate holds them (issue 19): membership, conflicts of interest checked in one
 * place for assessments, shortlists and funding, maturity on its 1–4 scale; and the calendar's refusals by field.
 * Without Spring nor database.
 */
class CommitteeRulesTests {

	static final CampaignId CAMPAIGN = CampaignId.random();
	static final LocalDate SHORTLIST_DAY = LocalDate.of(2021, 5, 3);
	static final Instant ON_THE_DAY = Instant.parse("2021-05-03T08:00:00Z");
	static final ShortlistDecision.Item USAGERS = new ShortlistDecision.Item(ProposalId.random(), "Relation usagers");
	static final ShortlistDecision.Item SIGNALEMENT = new ShortlistDecision.Item(ProposalId.random(), "Signalement");
	static final List<ShortlistDecision.Item> EXAMINED = List.of(USAGERS, SIGNALEMENT);

	static Committee committee() {
		return Committee.appoint(CAMPAIGN, List.of(new Committee.Member("amf", "AMF"), new Committee.Member("adf", "ADF"),
				new Committee.Member("dinum", "DINUM")), "admin", ON_THE_DAY);
	}

	static List<UUID> ids(ShortlistDecision.Item... items) {
		return java.util.Arrays.stream(items).map(item -> item.proposalId().id()).toList();
	}

	@Test
	void onlyAMemberDeclaresAConflictAssessesShortlistsOrFunds() {
		var committee = committee();

		assertThatThrownBy(() -> committee.declareConflict(USAGERS.proposalId(), "lyon", "motif", ON_THE_DAY))
				.isInstanceOf(Refusal.Forbidden.class);
		assertThatThrownBy(() -> committee.assess(USAGERS.proposalId(), 3, null, "lyon", ON_THE_DAY))
				.isInstanceOf(Refusal.Forbidden.class);
		assertThatThrownBy(() -> committee.shortlist(SHORTLIST_DAY, ids(USAGERS), EXAMINED, "Motifs", null, "lyon",
				ON_THE_DAY)).isInstanceOf(Refusal.Forbidden.class);
		assertThatThrownBy(() -> committee.fund(Euros.of(1_000), USAGERS.proposalId().id(), "Porteur", "Projet", 10L,
				List.of(), "lyon", ON_THE_DAY)).isInstanceOf(Refusal.Forbidden.class);
	}

	@Test
	void aConflictIsDeclaredOnceWithItsReason() {
		var committee = committee();

		assertThatThrownBy(() -> committee.declareConflict(USAGERS.proposalId(), "adf", " ", ON_THE_DAY))
				.isInstanceOfSatisfying(Refusal.Invalid.class,
						e -> assertThat(e.errors()).extracting(Refusal.FieldError::field).containsExactly("reason"));
		assertThat(committee.declareConflict(USAGERS.proposalId(), "adf", " Élue porteuse ", ON_THE_DAY))
				.hasValueSatisfying(conflict -> assertThat(conflict.reason()).isEqualTo("Élue porteuse"));
		assertThat(committee.declareConflict(USAGERS.proposalId(), "adf", "bis", ON_THE_DAY)).isEmpty();
		assertThat(committee.membersInConflict(USAGERS.proposalId())).containsExactly("adf");
	}

	@Test
	void maturityGoesFromOneToFourAndAMemberInConflictNeitherAssessesNorCounts() {
		var committee = committee();
		assertThatThrownBy(() -> committee.assess(USAGERS.proposalId(), 5, null, "amf", ON_THE_DAY))
				.isInstanceOfSatisfying(Refusal.Invalid.class,
						e -> assertThat(e.errors()).extracting(Refusal.FieldError::field).containsExactly("level"));
		assertThatThrownBy(() -> new Maturity(0)).isInstanceOf(Refusal.Invalid.class);
		assertThat(new Maturity(3).label()).isEqualTo("3 — Solution existante à adapter");

		committee.assess(USAGERS.proposalId(), 4, "prête", "amf", ON_THE_DAY);
		committee.assess(USAGERS.proposalId(), 1, null, "adf", ON_THE_DAY);
		committee.assess(USAGERS.proposalId(), 2, null, "adf", ON_THE_DAY); // the latest counts
		assertThat(committee.averageMaturity().get(USAGERS.proposalId()))
				.isEqualTo(new Committee.AverageMaturity(3.0, 2));

		committee.declareConflict(USAGERS.proposalId(), "amf", "Solution concurrente", ON_THE_DAY);
		assertThatThrownBy(() -> committee.assess(USAGERS.proposalId(), 4, null, "amf", ON_THE_DAY))
				.isInstanceOf(RuleViolation.class).hasMessageContaining("vous ne pouvez pas l'évaluer");
		assertThat(committee.averageMaturity().get(USAGERS.proposalId()))
				.isEqualTo(new Committee.AverageMaturity(2.0, 1));
		assertThat(committee.levelsOf("adf")).containsEntry(USAGERS.proposalId().id(), 2);
	}

	@Test
	void theDeciderIsPresentAndRetainsNoProposalTheyAreInConflictOn() {
		var committee = committee();
		committee.declareConflict(SIGNALEMENT.proposalId(), "amf", "Élu porteur", ON_THE_DAY);

		assertThatThrownBy(() -> committee.shortlist(SHORTLIST_DAY, ids(USAGERS), EXAMINED, "Motifs",
				List.of("adf", "dinum"), "amf", ON_THE_DAY))
				.isInstanceOfSatisfying(Refusal.Invalid.class, e -> assertThat(e.errors())
						.extracting(Refusal.FieldError::field).containsExactly("presentMembers"));
		assertThatThrownBy(() -> committee.shortlist(SHORTLIST_DAY, ids(USAGERS, SIGNALEMENT), EXAMINED, "Motifs",
				null, "amf", ON_THE_DAY)).isInstanceOf(RuleViolation.class).hasMessageContaining("« Signalement »");
		assertThatThrownBy(() -> committee.shortlist(SHORTLIST_DAY, List.of(UUID.randomUUID()), EXAMINED, "Motifs",
				null, "amf", ON_THE_DAY)).isInstanceOf(Refusal.Invalid.class);

		var decision = committee.shortlist(SHORTLIST_DAY, ids(USAGERS), EXAMINED, "Motifs", List.of("amf", "adf"),
				"amf", ON_THE_DAY);

		assertThat(decision.presentMembers()).extracting(Committee.Member::username).containsExactly("amf", "adf");
		assertThat(decision.recusals()).containsExactly(new ShortlistDecision.Recusal(SIGNALEMENT.proposalId(), "amf"));
		assertThat(committee.shortlisted()).containsExactly(USAGERS.proposalId());
		var correction = committee.shortlist(SHORTLIST_DAY, ids(USAGERS), EXAMINED, "Rectifiée", null, "dinum",
				ON_THE_DAY);
		assertThat(correction.supersedes()).isEqualTo(decision.getId());
	}

	@Test
	void aMemberInConflictDoesNotDecideTheFundingOfThatProposal() {
		var committee = committee();
		committee.shortlist(SHORTLIST_DAY, ids(USAGERS), EXAMINED, "Motifs", null, "amf", ON_THE_DAY);
		committee.declareConflict(USAGERS.proposalId(), "adf", "Porteur du projet", ON_THE_DAY);

		assertThatThrownBy(() -> committee.fund(Euros.of(1_000_000), USAGERS.proposalId().id(), "Porteur", "Projet",
				100_000L, List.of(), "adf", ON_THE_DAY))
				.isInstanceOf(RuleViolation.class).hasMessageContaining("son financement");
		assertThatThrownBy(() -> committee.fund(Euros.of(1_000_000), null, " ", "Projet", 0L, List.of(), "amf",
				ON_THE_DAY)).isInstanceOfSatisfying(Refusal.Invalid.class, e -> assertThat(e.errors())
						.extracting(Refusal.FieldError::field).containsExactly("proposalId", "provider", "budgetEuros"));

		committee.fund(Euros.of(1_000_000), USAGERS.proposalId().id(), "Porteur", "Projet", 600_000L, List.of(), "amf",
				ON_THE_DAY);

		assertThat(committee.funded()).isEqualTo(Euros.of(600_000));
		assertThatThrownBy(() -> committee.fund(Euros.of(1_000_000), USAGERS.proposalId().id(), "Porteur", "Projet",
				400_001L, List.of(), "dinum", ON_THE_DAY)).isInstanceOf(RuleViolation.class);
	}

	@Test
	void aCalendarInTheWrongOrderIsRefusedOnTheFieldThatComesTooEarly() {
		var c = Campaign2021.CALENDAR;
		var earlySupports = Window.of(OffsetDateTime.parse("2021-03-01T00:00:00+01:00"),
				OffsetDateTime.parse("2021-04-30T23:59:59+02:00"));

		assertThat(fieldsOf(() -> new CampaignCalendar(c.contributions(), earlySupports, c.referentApplications(),
				c.shortlistDecision(), c.fundingDecision()))).containsExactly("supports.opens");
		assertThat(fieldsOf(() -> new CampaignCalendar(c.contributions(), c.supports(), c.referentApplications(),
				LocalDate.of(2021, 4, 30), c.fundingDecision()))).containsExactly("shortlistDecision");
		assertThat(fieldsOf(() -> new CampaignCalendar(c.contributions(), c.supports(), c.referentApplications(),
				c.shortlistDecision(), c.shortlistDecision()))).containsExactly("fundingDecision");
		assertThat(fieldsOf(() -> new CampaignCalendar(c.contributions(), c.supports(), null, c.shortlistDecision(),
				c.fundingDecision()))).containsExactly("referentApplications");
	}

	private static List<String> fieldsOf(Runnable calendar) {
		try {
			calendar.run();
		}
		catch (Refusal.Invalid e) {
			return e.errors().stream().map(Refusal.FieldError::field).toList();
		}
		throw new AssertionError("le calendrier aurait dû être refusé");
	}
}
