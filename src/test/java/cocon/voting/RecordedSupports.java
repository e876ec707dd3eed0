package cocon.voting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

import cocon.shared.ProposalId;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsRecorded;

/**
 * Every {@link SupportsRecorded} the feed publishes in the test context, whatever the thread that publishes it
 * (registered with {@code @Import}, never scanned).
 */
class RecordedSupports {

	private final List<SupportsRecorded> batches = new CopyOnWriteArrayList<>();

	@EventListener
	void on(SupportsRecorded batch) {
		batches.add(batch);
	}

	List<SupportsRecorded> batches() {
		return List.copyOf(batches);
	}

	List<SupportGiven> given(ProposalId proposal) {
		return batches.stream().flatMap(batch -> batch.given().stream())
				.filter(given -> given.proposalId().equals(proposal)).toList();
	}

	List<SupportWithdrawn> withdrawn(ProposalId proposal) {
		return batches.stream().flatMap(batch -> batch.withdrawn().stream())
				.filter(withdrawn -> withdrawn.proposalId().equals(proposal)).toList();
	}

	/** The counts of the proposal published so far, by position (the order voting read them in). */
	List<SupportsRecorded.Count> counts(ProposalId proposal) {
		return batches.stream().sorted(Comparator.comparingLong(SupportsRecorded::position))
				.flatMap(batch -> batch.counts().stream()).filter(count -> count.proposalId().equals(proposal))
				.toList();
	}

	/** Waits until the count of the highest position published for the proposal is {@code supports}. */
	SupportsRecorded.Count awaitNewestCount(ProposalId proposal, int supports) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			var counts = counts(proposal);
			return counts.isEmpty() ? null : counts.get(counts.size() - 1);
		}, count -> count != null && count.supportCount() == supports);
	}

	/** Waits until at least {@code count} supports of the proposal were published, and returns them all. */
	List<SupportGiven> awaitGiven(ProposalId proposal, int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> given(proposal), list -> list.size() >= count);
	}

	/** Waits until at least {@code count} withdrawals from the proposal were published, and returns them all. */
	List<SupportWithdrawn> awaitWithdrawn(ProposalId proposal, int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> withdrawn(proposal), list -> list.size() >= count);
	}
}
