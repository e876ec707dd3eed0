package cocon.curation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

import cocon.shared.RegisteredEvents;

/**
 * What a curation aggregate ({@link Contribution}, {@link Proposal}) changed and its repository has not stored yet:
 * the entries of the curation history and the events for the other modules. The repository stores both once the
 * row is written, in the same transaction, and forgets them: saving again stores nothing twice (ADR 0007, ADR 0021).
 */
final class PendingChanges {

	private final RegisteredEvents events = new RegisteredEvents();
	private final List<Decision> decisions = new ArrayList<>();

	void decided(Decision decision) {
		decisions.add(decision);
	}

	void register(Object event) {
		events.register(event);
	}

	RegisteredEvents events() {
		return events;
	}

	/** Appends the decisions to the history, then publishes the events, and forgets both. */
	void storeIn(History history, ApplicationEventPublisher publisher) {
		var pending = List.copyOf(decisions);
		decisions.clear();
		history.append(pending);
		events.publishTo(publisher);
	}
}
