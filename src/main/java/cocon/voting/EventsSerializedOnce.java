package cocon.voting;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry's serializer, as Spring Modulith's own (the application's JSON mapper), except that
 * an event is written to JSON once, however many modules listen to it: the registry stores one publication per
 * listener and serialized the event for each. {@link cocon.voting.events.SupportsRecorded}, hundreds of supports,
 * has three listeners; serializing it three times was half of the support-feed thread's CPU (ADR 0064).
 * <p>
 * The registry stores the publications of an event one after the other, on the publishing thread: the last event
 * serialized, compared by identity, is all that needs remembering. Events are immutable records; one kept a little
 * longer than its transaction costs its JSON in memory until the next event.
 */
@Component
class EventsSerializedOnce implements EventSerializer {

	private record Serialized(Object event, String json) {
	}

	private final ObjectProvider<JsonMapper> mappers;
	private final AtomicReference<Serialized> last = new AtomicReference<>();
	private volatile JsonMapper mapper;

	EventsSerializedOnce(ObjectProvider<JsonMapper> mappers) {
		this.mappers = mappers;
	}

	@Override
	public Object serialize(Object event) {
		var previous = last.get();
		if (previous != null && previous.event() == event) {
			return previous.json();
		}
		var json = mapper().writeValueAsString(event);
		last.set(new Serialized(event, json));
		return json;
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return mapper().readerFor(type).readValue(serialized.toString());
	}

	/** The application's mapper, looked up when first needed, as Spring Modulith does (it may be made after us). */
	private JsonMapper mapper() {
		var current = mapper;
		if (current == null) {
			current = mappers.getIfAvailable(
					() -> JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build());
			mapper = current;
		}
		return current;
	}
}
