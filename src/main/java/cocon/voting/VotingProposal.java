package cocon.voting;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.voting.SupportRefused.Reason;

/**
 * What voting knows of a published proposal (a copy kept from curation's events). A proposal merged into another
 * one is no longer open for support: its supports moved to the survivor.
 */
class VotingProposal implements AggregateRoot<VotingProposal, ProposalId> {

	private final ProposalId id;
	private final CampaignId campaignId;
	private final String title;
	private final String theme;
	private final ProposalId mergedInto;

	VotingProposal(ProposalId id, CampaignId campaignId, String title, String theme, ProposalId mergedInto) {
		this.id = id;
		this.campaignId = campaignId;
		this.title = title;
		this.theme = theme;
		this.mergedInto = mergedInto;
	}

	@Override
	public ProposalId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	String title() {
		return title;
	}

	String theme() {
		return theme;
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
