package cocon.voting;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.voting.SupportRefused.Reason;

/**
 * What voting knows of a published proposal (a copy kept from curation's events). A proposal merged into another
 * one is no longer open for support: its supports moved to the survivor. An immutable copy, hence a record.
 */
record VotingProposal(ProposalId id, CampaignId campaignId, String title, String theme, ProposalId mergedInto)
		implements AggregateRoot<VotingProposal, ProposalId> {

	@Override
	public ProposalId getId() {
		return id;
	}

	boolean isMerged() {
		return mergedInto != null;
	}

	void checkOpenForSupport() {
		if (mergedInto != null) {
			throw new SupportRefused(Reason.UNKNOWN_PROPOSAL, "Cette proposition a été fusionnée dans la proposition "
					+ mergedInto + " : ses soutiens y ont été reportés, soutenez celle-ci.");
		}
	}

	static SupportRefused unknown(ProposalId id) {
		return new SupportRefused(Reason.UNKNOWN_PROPOSAL, "Aucune proposition publiée ne porte l'identifiant " + id + ".");
	}
}
