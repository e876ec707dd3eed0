package cocon.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsRecorded;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry writes one publication per listener: a batch of supports, heard by three modules,
 * is written to JSON once (ADR 0064), and reads back as the event published.
 */
class EventsSerializedOnceTests {

	final JsonMapper mapper = JsonMapper.builder().build();
	final EventsSerializedOnce serializer = serializer(mapper);

	@Test
	void anEventHeardByThreeListenersIsWrittenToJsonOnce() {
		var event = batch();
		var first = serializer.serialize(event);
		assertThat(serializer.serialize(event)).as("the second listener's publication").isSameAs(first);
		assertThat(serializer.serialize(event)).as("the third").isSameAs(first);
		assertThat(first).isEqualTo(mapper.writeValueAsString(event));
		assertThat(serializer.deserialize(first, SupportsRecorded.class)).isEqualTo(event);
	}

	@Test
	void anEqualButOtherEventIsWrittenAgainAndNeverMistakenForTheLastOne() {
		var event = batch();
		var first = serializer.serialize(event);
		var other = batch();
		assertThat(serializer.serialize(other)).isNotSameAs(first).isEqualTo(first);
		var withdrawal = new SupportsRecorded(event.campaignId(), List.of(), List.of(new SupportWithdrawn(
				event.given().get(0).proposalId(), event.campaignId(), Siren.of("217500016"), Instant.EPOCH)),
				Instant.EPOCH);
		assertThat(serializer.deserialize(serializer.serialize(withdrawal), SupportsRecorded.class))
				.isEqualTo(withdrawal);
		assertThat(serializer.serialize(event)).isEqualTo(first);
	}

	private static SupportsRecorded batch() {
		var campaign = new CampaignId(java.util.UUID.fromString("8b82a0b8-e422-425c-ab31-8be620aaa93c"));
		var proposal = new ProposalId(java.util.UUID.fromString("0f7e4a52-9c1d-4d8e-8b3a-2f6c5d4e3b21"));
		var at = Instant.parse("2021-04-06T08:00:00.123456Z");
		return new SupportsRecorded(campaign,
				List.of(new SupportGiven(proposal, campaign, Siren.of("217500016"), "Paris", CollectiviteKind.COMMUNE, at),
						new SupportGiven(proposal, campaign, Siren.of("213801855"), "Échirolles", CollectiviteKind.COMMUNE, at)),
				List.of(), List.of(new SupportsRecorded.Count(proposal, 2, Map.of(CollectiviteKind.COMMUNE, 2), 2_180_000)),
				7, at);
	}

	private static EventsSerializedOnce serializer(JsonMapper mapper) {
		var beans = new DefaultListableBeanFactory();
		beans.registerSingleton("jsonMapper", mapper);
		return new EventsSerializedOnce(beans.getBeanProvider(JsonMapper.class));
	}
}
