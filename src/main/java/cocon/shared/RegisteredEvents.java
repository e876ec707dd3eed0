package cocon.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The events an aggregate registered and its repository has not published yet (ADR 0007, ADR 0021). An aggregate
 * keeps one in a field and registers its events there from the methods that guard its rules; the repository that
 * stores the aggregate publishes them, in the same transaction, once the row is written: so every event is stored in
 * the event publication registry together with the change it tells, or not at all.
 */
public final class RegisteredEvents {

	private final List<Object> events = new ArrayList<>();

	/** Registers an event, to be published when the aggregate is stored. */
	public void register(Object event) {
		events.add(event);
	}

	/** The events registered and not yet published, in the order of registration. */
	public List<Object> registered() {
		return List.copyOf(events);
	}

	/** Publishes the registered events in their order and forgets them, so that storing again publishes nothing. */
	public void publishTo(ApplicationEventPublisher publisher) {
		var pending = List.copyOf(events);
		events.clear();
		pending.forEach(publisher::publishEvent);
	}

	/** Forgets the registered events without publishing them (an aggregate whose change was not stored). */
	public void discard() {
		events.clear();
	}
}
