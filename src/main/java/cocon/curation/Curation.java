package cocon.curation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.curation.Decision.Action;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;

/**
 * The curators' use cases. Each runs in one transaction: the decisions, their history and the events they imply
 * are stored together (the events through the publication registry), or not at all.
 */
@Service
@Transactional
class Curation {

	private final Campaigns campaigns;
	private final Contributions contributions;
	private final Proposals proposals;
	private final Clock clock;

	Curation(Campaigns campaigns, Contributions contributions, Proposals proposals, Clock clock) {
		this.campaigns = campaigns;
		this.contributions = contributions;
		this.proposals = proposals;
		this.clock = clock;
	}

	/** Creates a draft proposal and groups the listed contributions into it. */
	ProposalId createProposal(CampaignId campaignId, String title, String summary, String theme,
			Collection<ContributionId> contributionIds, String by) {
		var campaign = campaigns.get(campaignId);
		var proposal = Proposal.create(campaign, title, summary, theme, by, clock.instant());
		proposals.save(proposal);
		group(proposal, contributionIds, by);
		return proposal.getId();
	}

	void addContributions(ProposalId proposalId, Collection<ContributionId> contributionIds, String by) {
		var proposal = proposals.get(proposalId);
		proposal.requireLive();
		group(proposal, contributionIds, by);
	}

	private void group(Proposal target, Collection<ContributionId> contributionIds, String by) {
		var now = clock.instant();
		var moved = new ArrayList<String>();
		for (var id : new LinkedHashSet<>(contributionIds)) {
			var contribution = contributions.get(id);
			var current = currentProposal(contribution);
			if (contribution.groupInto(target, current, by, now)) {
				contributions.save(contribution);
				moved.add("« " + contribution.title() + " »");
				if (current != null) {
					current.contributionsChanged(Action.CONTRIBUTION_WITHDRAWN, "« " + contribution.title()
							+ " » regroupée dans « " + target.title() + " ».", by, now);
					proposals.save(current);
				}
			}
		}
		if (!moved.isEmpty()) {
			target.contributionsChanged(Action.CONTRIBUTIONS_ADDED,
					(moved.size() == 1 ? "1 contribution regroupée : " : moved.size() + " contributions regroupées : ") + String.join(", ", moved) + ".", by, now);
			proposals.save(target);
		}
	}

	/**
	 * Takes the contribution out of its (draft) proposal, back to the queue: a wrong grouping is undone, and the
	 * proposal records it (which also guards a concurrent publication).
	 *
	 * @param from the proposal the curator saw it in: refused if it is no longer there
	 */
	void ungroup(ContributionId id, ProposalId from, String by) {
		var contribution = contributions.get(id);
		if (from != null && !from.equals(contribution.proposalId())) {
			throw new IllegalTransition("La contribution « " + contribution.title()
					+ " » n'est pas (ou plus) regroupée dans cette proposition.");
		}
		var current = currentProposal(contribution);
		contribution.ungroup(current, by, clock.instant());
		contributions.save(contribution);
		withdrawn(current, contribution, "remise dans la file de tri", by);
	}

	/** Each contribution out of the proposal, all or none (one transaction). */
	void ungroupAll(ProposalId from, Collection<ContributionId> ids, String by) {
		new LinkedHashSet<>(ids).forEach(id -> ungroup(id, from, by));
	}

	/** The same rejection for each contribution, all or none (one transaction). */
	void rejectAll(Collection<ContributionId> ids, String reason, String by) {
		new LinkedHashSet<>(ids).forEach(id -> reject(id, reason, by));
	}

	/** The same reorientation for each contribution, all or none (one transaction). */
	void reorientAll(Collection<ContributionId> ids, String target, String note, String by) {
		new LinkedHashSet<>(ids).forEach(id -> reorient(id, target, note, by));
	}

	void reorient(ContributionId id, String target, String note, String by) {
		var contribution = contributions.get(id);
		var current = currentProposal(contribution);
		contribution.reorient(target, note, current, by, clock.instant());
		contributions.save(contribution);
		withdrawn(current, contribution, "réorientée", by);
	}

	void reject(ContributionId id, String reason, String by) {
		var contribution = contributions.get(id);
		var current = currentProposal(contribution);
		contribution.reject(reason, current, by, clock.instant());
		contributions.save(contribution);
		withdrawn(current, contribution, "rejetée", by);
	}

	/** The contribution left its (draft) proposal: recorded there, and the version bump guards a concurrent publication. */
	private void withdrawn(Proposal current, Contribution contribution, String how, String by) {
		if (current != null && !current.getId().equals(contribution.proposalId())) {
			current.contributionsChanged(Action.CONTRIBUTION_WITHDRAWN,
					"« " + contribution.title() + " » retirée : " + how + ".", by, clock.instant());
			proposals.save(current);
		}
	}

	void revise(ProposalId id, String title, String summary, String theme, String by) {
		var proposal = proposals.get(id);
		proposal.revise(campaigns.get(proposal.campaignId()), title, summary, theme, by, clock.instant());
		proposals.save(proposal);
	}

	void publish(ProposalId id, String by) {
		var proposal = proposals.get(id);
		var grouped = contributions.groupedInto(id);
		proposal.publish(campaigns.get(proposal.campaignId()), grouped.size(), organisations(grouped), by,
				clock.instant());
		proposals.save(proposal);
	}

	/** The survivor absorbs the other proposal: every contribution moves to it, nothing is lost (invariant 4). */
	void merge(ProposalId survivorId, ProposalId absorbedId, String by) {
		var survivor = proposals.get(survivorId);
		var absorbed = proposals.get(absorbedId);
		var now = clock.instant();
		var all = new ArrayList<>(contributions.groupedInto(survivorId));
		var moving = survivorId.equals(absorbedId) ? List.<Contribution>of() : contributions.groupedInto(absorbedId);
		all.addAll(moving);
		survivor.absorb(absorbed, campaigns.get(survivor.campaignId()), all.size(), organisations(all), by, now);
		proposals.save(survivor);
		proposals.save(absorbed);
		for (var contribution : moving) {
			contribution.followMerge(survivor, absorbed, by, now);
			contributions.save(contribution);
		}
	}

	private Proposal currentProposal(Contribution contribution) {
		return contribution.proposalId() == null ? null : proposals.get(contribution.proposalId());
	}

	/** The distinct organisations of the contributors, in order of contribution. */
	static List<Siren> organisations(List<Contribution> grouped) {
		return grouped.stream().map(Contribution::organisationSiren).distinct().toList();
	}
}
