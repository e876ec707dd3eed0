package cocon.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.voting.Support.SupportId;
import cocon.voting.SupportRefused.Reason;

/**
 * Supporting and withdrawing: check the rules on the local copies of the campaign and the proposal, insert (or
 * delete) the support guarded by the database, add it to the feed that publishes it (see {@link SupportFeed}), count
 * it. A support is stored with the others that arrive at the same moment, in one transaction ({@link SupportBatches});
 * a withdrawal, rare, in a short transaction of its own.
 */
@Service
class Supporting {

	/** The support of the collectivité, and whether this request created it. */
	record Outcome(Support support, boolean created) {
	}

	private final Supports supports;
	private final SupportBatches batches;
	private final SupportFeed feed;
	private final Clock clock;

	Supporting(Supports supports, SupportBatches batches, SupportFeed feed, Clock clock) {
		this.supports = supports;
		this.batches = batches;
		this.feed = feed;
		this.clock = clock;
	}

	/**
	 * Gives the collectivité's support, or says it already gave it. The rules are checked on voting's copies of the
	 * proposal and the campaign, kept in memory within the bound of ADR 0025 ({@link Supports#target}); the
	 * insert guards what concurrency may change meanwhile (a merge), and what follows a refused insert is read from
	 * the database.
	 */
	Outcome support(ProposalId proposalId, CurrentUser user) {
		var now = now();
		// who may support is decided first, before which proposal: the only check of the organisation's verification
		VotingCampaign.checkVerified(user.organisation());
		var target = supports.target(proposalId).orElseThrow(() -> VotingProposal.unknown(proposalId));
		var campaign = target.campaign().orElseThrow(() -> notOpenYet());
		var support = Support.give(target.proposal(), campaign, user, now);
		if (batches.store(support)) {
			return new Outcome(support, true);
		}
		var existing = supports.find(support.getId());
		if (existing.isPresent()) {
			return new Outcome(existing.get(), false);
		}
		// the insert's guard refused it: the proposal was merged between the check and the insert (see
		// Supports.storeAll), which the proposal read again tells
		supports.read(proposalId).ifPresent(latest -> latest.proposal().checkOpenForSupport());
		throw VotingProposal.unknown(proposalId);
	}

	/** Withdraws the collectivité's support, if any, until the window closes. */
	@Transactional(timeout = 10)
	boolean withdraw(ProposalId proposalId, CurrentUser user) {
		var now = now();
		VotingCampaign.checkVerified(user.organisation());
		var target = supports.target(proposalId).orElseThrow(() -> VotingProposal.unknown(proposalId));
		target.campaign().ifPresent(campaign -> campaign.admitWithdrawal(now));
		// the window is checked once, above, on the copy of the calendar read in this transaction
		var removed = supports.remove(new SupportId(proposalId, user.organisation().siren()), user.username(), now);
		removed.ifPresent(support -> feed.publishAfterCommit());
		return removed.isPresent();
	}

	/** Now, to the microsecond PostgreSQL keeps: the instant answered is the instant stored. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static SupportRefused notOpenYet() {
		return new SupportRefused(Reason.NOT_OPEN_YET, "La campagne de cette proposition n'est pas encore ouverte aux soutiens.");
	}
}
