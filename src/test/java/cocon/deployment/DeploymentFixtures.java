package cocon.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cocon.curation.events.ProposalPublished;
import cocon.governance.events.ProjectsFunded;
import cocon.referents.events.ExperimentationTerritoryMarked;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Identities;

/** Test data: the funding decision of July 2021, proposals, collectivités with fresh valid SIRENs. */
final class DeploymentFixtures {

	static final Instant FUNDED_AT = Instant.parse("2021-07-05T14:00:00Z");
	static final Instant LATER = Instant.parse("2023-03-15T09:00:00Z");

	private DeploymentFixtures() {
	}

	static String siren() {
		var digits = new StringBuilder("2");
		for (int i = 0; i < 7; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		for (int check = 0; check < 10; check++) {
			var candidate = digits.toString() + check;
			if (Siren.isValid(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	static ProposalPublished proposal(CampaignId campaign, ProposalId proposal, String title, String theme) {
		return new ProposalPublished(proposal, campaign, title, "Le besoin : " + title, theme, List.of(), FUNDED_AT.minusSeconds(86_400 * 60));
	}

	static ProjectsFunded funded(CampaignId campaign, ProjectsFunded.FundedProject... projects) {
		return new ProjectsFunded(UUID.randomUUID(), campaign, List.of(projects), 30_000_000, 29_000_000, FUNDED_AT);
	}

	static ProjectsFunded.FundedProject project(ProposalId proposal, String title, long budget) {
		return new ProjectsFunded.FundedProject(UUID.randomUUID(), proposal, "Prestataire " + title, title, budget);
	}

	static CurrentUser commune(String name, String departement, long population) {
		return Identities.agentOf(siren(), name, CollectiviteKind.COMMUNE, departement, "84", population);
	}

	static CurrentUser unverified(String name) {
		return Identities.agent("agent-" + name.toLowerCase(),
				new Organisation(Siren.of(siren()), name, CollectiviteKind.COMMUNE, false, "69", "84", 1200));
	}

	static ExperimentationTerritoryMarked experimentation(CampaignId campaign, ProposalId proposal, CurrentUser agent) {
		var organisation = agent.organisation();
		return new ExperimentationTerritoryMarked(UUID.randomUUID(), proposal, campaign, organisation.siren(),
				organisation.name(), organisation.kind(), FUNDED_AT.minusSeconds(86_400));
	}
}
