package cocon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cocon.testing.PublishedEvents;

/**
 * The events are the modules' published language and, once delivered, the audit trail the registry keeps (ADR 6):
 * none of them may carry a person's data (ADR 13). This test reads their shape; the 2021 replay reads what the
 * registry actually stored after a full consultation.
 */
class EventsCarryNoPersonalDataTests {

	@Test
	void noEventTypeHasAComponentForAPersonsData() {
		var types = PublishedEvents.types();
		assertThat(types).as("event types of every module").hasSizeGreaterThanOrEqualTo(17);
		for (var type : types) {
			assertThat(PublishedEvents.personalComponents(type)).as(type.getName()).isEmpty();
		}
	}
}
