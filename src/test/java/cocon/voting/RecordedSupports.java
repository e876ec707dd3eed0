package cocon.voting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

	/** Waits until at least {@code count} supports of the proposal were published, and returns them all. */
	List<SupportGiven> awaitGiven(ProposalId proposal, int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> given(proposal), list -> list.size() >= count);
	}

	/** Waits until at least {@code count} withdrawals from the proposal were published, and returns them all. */
	List<SupportWithdrawn> awaitWithdrawn(ProposalId proposal, int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> withdrawn(proposal), list -> list.size() >= count);
	}
}
