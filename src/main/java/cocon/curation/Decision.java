package cocon.curation;

import java.time.Instant;

import org.jmolecules.ddd.annotation.ValueObject;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;

/**
 * One entry of the curation history: who decided what, when (invariant 7). Appended, never changed.
 *
 * @param contributionId the contribution concerned, if any
 * @param proposalId the proposal concerned, if any
 */
@ValueObject
record Decision(CampaignId campaignId, ContributionId contributionId, ProposalId proposalId, Action action,
		String details, String actor, Instant at) {

	Decision {
		if (campaignId == null || action == null || actor == null || at == null || details == null) {
			throw new IllegalArgumentException("Une décision est datée, attribuée et décrite.");
		}
		if (contributionId == null && proposalId == null) {
			throw new IllegalArgumentException("Une décision porte sur une contribution ou une proposition.");
		}
	}

	enum Action {
		GROUPED("Regroupement"), REORIENTED("Réorientation"), REJECTED("Rejet"), PROPOSAL_CREATED("Création"),
		PROPOSAL_REVISED("Modification"), PROPOSAL_PUBLISHED("Publication"), CONTRIBUTIONS_ADDED("Ajout de contributions"),
		CONTRIBUTION_WITHDRAWN("Retrait d'une contribution"), MERGED("Fusion"), ABSORBED("Absorption par fusion"),
		UNGROUPED("Retrait d'une proposition");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
