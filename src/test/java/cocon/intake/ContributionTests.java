package cocon.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;

class ContributionTests {

	static final Campaign CAMPAIGN = new Campaign(CampaignId.random(), "Campagne", List.of("Mobilités", "Énergie"),
			cocon.testing.Campaign2021.CONTRIBUTIONS);
	static final Contribution.Author AUTHOR = new Contribution.Author("agent", "Anne Martin", "anne@lyon.fr");
	static final Contribution.OrganisationRef LYON = new Contribution.OrganisationRef(Siren.of("216901231"), "Lyon", CollectiviteKind.COMMUNE);
	static final Submission SUBMISSION = new Submission(" Titre ", "Besoin", "énergie", "elu", "Maire");

	@Test
	void isAcceptedUntilTheLastSecondOfTheWindowInParisTime() {
		var last = OffsetDateTime.parse("2021-03-15T23:59:59+01:00").toInstant();
		var contribution = Contribution.submit(CAMPAIGN, SUBMISSION, AUTHOR, LYON, last);

		assertThat(contribution.theme()).isEqualTo("Énergie");
		assertThat(contribution.title()).isEqualTo("Titre");
		assertThat(contribution.authorRole()).isEqualTo(AuthorRole.ELU);
		assertThat(contribution.events().registered()).singleElement().isInstanceOf(ContributionSubmitted.class);
		assertThatThrownBy(() -> Contribution.submit(CAMPAIGN, SUBMISSION, AUTHOR, LYON, last.plusSeconds(1)))
				.isInstanceOf(OutsideContributionWindowException.class);
	}

	@Test
	void theLatestDecisionWins() {
		var contribution = Contribution.submit(CAMPAIGN, SUBMISSION, AUTHOR, LYON, Instant.parse("2021-02-01T10:00:00Z"));
		var at = Instant.parse("2021-03-20T10:00:00Z");

		assertThat(contribution.decide(new Outcome.Grouped(ProposalId.random(), "P"), "c", at)).isTrue();
		assertThat(contribution.decide(new Outcome.Rejected("Doublon"), "c", at.minusSeconds(1))).isFalse();
		assertThat(contribution.outcome()).isInstanceOf(Outcome.Grouped.class);
		assertThat(contribution.decide(new Outcome.Reoriented("France Services", null), "c", at.plusSeconds(1))).isTrue();
		assertThat(contribution.outcome().status()).isEqualTo(Outcome.Status.REORIENTED);
	}

	@Test
	void outcomesNeedWhatMakesThemMeaningful() {
		assertThatThrownBy(() -> new Outcome.Rejected(" ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Outcome.Reoriented(null, "note")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Outcome.Grouped(ProposalId.random(), "")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theImportKeyIgnoresCaseAndSpacesButNotTheOrganisation() {
		var a = Contribution.importKey(CAMPAIGN.id(), new Submission("Vélo  partagé", "Des  pistes", "Mobilités", "ELU", "M"), LYON.siren());
		var b = Contribution.importKey(CAMPAIGN.id(), new Submission("vélo partagé", "des pistes ", "Énergie", "AGENT", "X"), LYON.siren());
		var other = Contribution.importKey(CAMPAIGN.id(), new Submission("Vélo partagé", "Des pistes", "Mobilités", "ELU", "M"), Siren.of("211300553"));

		assertThat(a).isEqualTo(b).hasSize(64).isNotEqualTo(other);
	}
}
