package cocon.voting;

import java.time.Instant;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;

/**
 * The support of one collectivité for one proposal: at most one per collectivité and proposal (the identifier is
 * the pair, and the database's primary key enforces it under any concurrency). It records who gave it and when.
 */
class Support implements AggregateRoot<Support, Support.SupportId> {

	/** A support is identified by the proposal and the collectivité's SIREN. */
	record SupportId(ProposalId proposalId, Siren siren) implements Identifier {
	}

	/** The collectivité as it was when it supported (kept, so that the public list and the tally never drift). */
	record Supporter(Siren siren, String name, CollectiviteKind kind, String departement, String region,
			long population) {

		Supporter {
			region = region == null ? "" : region;
			population = Math.max(0, population);
		}
	}

	/** How many rows of the running tally share the supports of a proposal, kind and région. */
	static final int STRIPES = 4;

	private final SupportId id;
	private final CampaignId campaignId;
	private final Supporter supporter;
	private final String supportedBy;
	private final Instant supportedAt;

	Support(SupportId id, CampaignId campaignId, Supporter supporter, String supportedBy, Instant supportedAt) {
		this.id = id;
		this.campaignId = campaignId;
		this.supporter = supporter;
		this.supportedBy = supportedBy;
		this.supportedAt = supportedAt;
	}

	/**
	 * The support of the signed-in person's collectivité, if the campaign admits it now; refused with the reason
	 * otherwise. Each rule is checked here once (the organisation's verification is checked first by
	 * {@link Supporting}, before the proposal is looked up); the database guards only what concurrency may change
	 * between this check and the insert (see {@link Supports#store}).
	 */
	static Support give(VotingProposal proposal, VotingCampaign campaign, CurrentUser user, Instant now) {
		var organisation = user.organisation();
		proposal.checkOpenForSupport();
		campaign.admit(organisation, now);
		var supporter = new Supporter(organisation.siren(), organisation.name(), organisation.kind(),
				organisation.departement(), organisation.region(), organisation.population());
		return new Support(new SupportId(proposal.getId(), organisation.siren()), proposal.campaignId(), supporter,
				user.username(), now);
	}

	@Override
	public SupportId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	Supporter supporter() {
		return supporter;
	}

	String supportedBy() {
		return supportedBy;
	}

	Instant supportedAt() {
		return supportedAt;
	}

	/** The row of the running tally this support counts in (see {@code voting.tally}). */
	int stripe() {
		return stripe(id.siren());
	}

	/** The row of the running tally the supports of this collectivité count in. */
	static int stripe(Siren siren) {
		return Integer.parseInt(siren.value()) % STRIPES;
	}
}
