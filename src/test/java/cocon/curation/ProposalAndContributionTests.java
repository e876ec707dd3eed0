package cocon.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionUngrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.Refusal;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;

/** The rules of curation's aggregates, without Spring nor database: the fastest statement of each rule. */
class ProposalAndContributionTests {

	static final Instant AT = Instant.parse("2021-04-01T10:00:00Z");
	static final Instant SUPPORTS_CLOSE = Instant.parse("2021-05-31T21:59:59Z");
	static final CampaignCopy CAMPAIGN = new CampaignCopy(CampaignId.random(), "Campagne 2021",
			List.of("Énergie", "Mobilité"), Instant.parse("2021-04-15T00:00:00Z"), SUPPORTS_CLOSE);
	static final Siren LYON = Siren.of("216901231");

	static Proposal draft(String title) {
		return Proposal.create(CAMPAIGN, title, "Résumé", "Énergie", "curateur", AT);
	}

	static Contribution contribution(CampaignId campaign) {
		return Contribution.received(new ContributionSubmitted(ContributionId.random(), campaign, "Titre", "Besoin",
				"Énergie", "ELU", LYON, "Lyon", CollectiviteKind.COMMUNE, AT));
	}

	@Test
	void aProposalNeedsATitleASummaryAndAThemeOfTheCampaign() {
		assertThatThrownBy(() -> Proposal.create(CAMPAIGN, " ", "Résumé", "Énergie", "c", AT))
				.isInstanceOf(Refusal.Invalid.class);
		assertThatThrownBy(() -> Proposal.create(CAMPAIGN, "Titre", null, "Énergie", "c", AT))
				.isInstanceOf(Refusal.Invalid.class);
		assertThatThrownBy(() -> Proposal.create(CAMPAIGN, "Titre", "Résumé", "Santé et solidarités", "c", AT))
				.isInstanceOf(Refusal.Invalid.class).hasMessageContaining("Santé et solidarités");
		assertThat(draft("Titre").events().registered()).isEmpty();
	}

	@Test
	void isPublishedOnceWithAtLeastOneContributionAndBeforeTheSupportsClose() {
		var proposal = draft("Rénovation");
		assertThatThrownBy(() -> proposal.publish(CAMPAIGN, 0, List.of(), "c", AT))
				.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", SUPPORTS_CLOSE.plusSeconds(1)))
				.isInstanceOf(IllegalTransition.class);

		proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", AT);

		assertThat(proposal.isPublished()).isTrue();
		assertThat(proposal.events().registered()).singleElement().isInstanceOf(ProposalPublished.class);
		assertThatThrownBy(() -> proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", AT))
				.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void aRevisionIsAnnouncedOnlyOncePublishedAndOnlyWhenSomethingChanged() {
		var proposal = draft("Rénovation");
		proposal.revise(CAMPAIGN, "Rénovation des écoles", "Résumé", "Énergie", "c", AT);
		assertThat(proposal.events().registered()).isEmpty();

		proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", AT);
		proposal.events().discard();
		proposal.revise(CAMPAIGN, "Rénovation des écoles", "Résumé", "Énergie", "c", AT);
		assertThat(proposal.events().registered()).isEmpty();
		proposal.revise(CAMPAIGN, "Rénovation des écoles", "Résumé", "Mobilité", "c", AT);
		assertThat(proposal.events().registered()).singleElement().isInstanceOf(ProposalRevised.class);
	}

	@Test
	void aMergeAbsorbsAnotherLiveProposalOfTheSameCampaignAndKeepsItPublished() {
		var survivor = draft("Écoles");
		var absorbed = draft("Bâtiments scolaires");
		absorbed.publish(CAMPAIGN, 1, List.of(LYON), "c", AT);
		assertThatThrownBy(() -> survivor.absorb(survivor, CAMPAIGN, 2, List.of(LYON), "c", AT))
				.isInstanceOf(IllegalTransition.class);
		var elsewhere = Proposal.create(new CampaignCopy(CampaignId.random(), "Autre", List.of("Énergie"), null, null),
				"Ailleurs", "Résumé", "Énergie", "c", AT);
		assertThatThrownBy(() -> survivor.absorb(elsewhere, CAMPAIGN, 2, List.of(LYON), "c", AT))
				.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> survivor.absorb(absorbed, CAMPAIGN, 2, List.of(LYON), "c", SUPPORTS_CLOSE.plusSeconds(1)))
				.isInstanceOf(IllegalTransition.class);

		survivor.absorb(absorbed, CAMPAIGN, 2, List.of(LYON), "c", AT);

		assertThat(absorbed.status()).isEqualTo(Proposal.Status.MERGED);
		assertThat(absorbed.mergedInto()).isEqualTo(survivor.getId());
		assertThat(survivor.isPublished()).isTrue();
		assertThat(survivor.events().registered()).hasExactlyElementsOfTypes(ProposalsMerged.class, ProposalPublished.class);
		assertThatThrownBy(() -> absorbed.revise(CAMPAIGN, "x", "y", "Énergie", "c", AT))
				.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> survivor.absorb(absorbed, CAMPAIGN, 2, List.of(LYON), "c", AT))
				.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void aContributionIsGroupedOnlyIntoAProposalOfItsCampaignAndOnceInTheSameOne() {
		var proposal = draft("Écoles");
		assertThatThrownBy(() -> contribution(CampaignId.random()).groupInto(proposal, null, "c", AT))
				.isInstanceOf(IllegalTransition.class);

		var contribution = contribution(CAMPAIGN.id());
		assertThat(contribution.groupInto(proposal, null, "c", AT)).isTrue();
		assertThat(contribution.groupInto(proposal, proposal, "c", AT)).isFalse();

		assertThat(contribution.outcome()).isEqualTo(Outcome.GROUPED);
		assertThat(contribution.proposalId()).isEqualTo(proposal.getId());
		assertThat(contribution.events().registered()).singleElement().isInstanceOf(ContributionGrouped.class);
	}

	@Test
	void itsDecisionIsFinalOnceItsProposalIsPublished() {
		var proposal = draft("Écoles");
		var contribution = contribution(CAMPAIGN.id());
		contribution.groupInto(proposal, null, "c", AT);
		contribution.reject("Hors sujet", proposal, "c", AT);
		assertThat(contribution.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(contribution.events().registered()).last().isInstanceOf(ContributionRejected.class);

		contribution.groupInto(proposal, null, "c", AT);
		proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", AT);

		assertThatThrownBy(() -> contribution.reject("Hors sujet", proposal, "c", AT))
				.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> contribution.reorient("Programme", "Note", proposal, "c", AT))
				.isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> contribution.reject(" ", proposal, "c", AT)).isInstanceOf(Refusal.Invalid.class);
	}

	@Test
	void aGroupingIsUndoneUntilItsProposalIsPublishedAndTheContributionIsPendingAgain() {
		var proposal = draft("Écoles");
		var contribution = contribution(CAMPAIGN.id());
		assertThatThrownBy(() -> contribution.ungroup(null, "c", AT)).isInstanceOf(IllegalTransition.class)
				.hasMessageContaining("aucune proposition");
		contribution.groupInto(proposal, null, "c", AT);

		contribution.ungroup(proposal, "curatrice", AT);

		assertThat(contribution.outcome()).isEqualTo(Outcome.PENDING);
		assertThat(contribution.proposalId()).isNull();
		assertThat(contribution.decidedBy()).isNull();
		assertThat(contribution.events().registered()).last().isInstanceOfSatisfying(ContributionUngrouped.class,
				event -> {
					assertThat(event.proposalId()).isEqualTo(proposal.getId());
					assertThat(event.proposalTitle()).isEqualTo("Écoles");
					assertThat(event.decidedBy()).isEqualTo("curatrice");
				});
		assertThat(contribution.changes()).extracting("decisions").asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.list(Decision.class)).last()
				.satisfies(decision -> {
					assertThat(decision.action()).isEqualTo(Decision.Action.UNGROUPED);
					assertThat(decision.proposalId()).isEqualTo(proposal.getId());
					assertThat(decision.actor()).isEqualTo("curatrice");
				});

		contribution.groupInto(proposal, null, "c", AT);
		proposal.publish(CAMPAIGN, 1, List.of(LYON), "c", AT);
		assertThatThrownBy(() -> contribution.ungroup(proposal, "c", AT)).isInstanceOf(IllegalTransition.class)
				.hasMessageContaining("publiée");
		assertThat(contribution.outcome()).isEqualTo(Outcome.GROUPED);
	}
}
