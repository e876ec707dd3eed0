package cocon.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.referents.events.ReferentTerritoryJoined;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, acceptance 2: with the externalisation switched on, each public fact reaches a real Kafka broker (spring-
 * kafka's embedded KRaft broker, inside this JVM) in the format {@code docs/evenements-publics.md} documents: one
 * topic, the campaign as key, the type and version of the format in headers, the event in JSON. A fact that is not
 * public (a support given on its own, a campaign scheduled) does not leave the application. The events are published
 * in a database of this test only: the modules' listeners receive them too and must not disturb other tests.
 * <p>
 * Also here, because it needs the same database of its own: a batch of supports and a final tally delivered twice
 * (what a resubmission after a crash does, at least once) are counted once by governance and referents, and the
 * second delivery completes instead of failing for ever.
 */
@SpringBootTest(properties = { "spring.modulith.events.externalization.enabled=true",
		"cocon.test.database=public_events_kafka", "cocon.directory.load-on-startup=false",
		// a context of its own in a suite that keeps many: few connections to the shared test server
		"spring.datasource.hikari.maximum-pool-size=4" })
@EmbeddedKafka(topics = PublicEventsToKafkaTests.TOPIC, partitions = 1,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PublicEventsToKafkaTests {

	static final String TOPIC = "cocon.evenements-publics";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBatchAndAFinalTallyDeliveredTwiceAreCountedOnce() {
		var campaign = new CampaignId(UUID.randomUUID());
		var proposal = new ProposalId(UUID.randomUUID());
		var at = Instant.parse("2031-04-11T08:00:00Z");
		var batch = new SupportsRecorded(campaign, List.of(
				new SupportGiven(proposal, campaign, new Siren("216901231"), "Lyon", CollectiviteKind.COMMUNE, at),
				new SupportGiven(proposal, campaign, new Siren("217500016"), "Paris", CollectiviteKind.COMMUNE, at)),
				List.of(), List.of(new SupportsRecorded.Count(proposal, 2, Map.of(CollectiviteKind.COMMUNE, 2), 2_600_000)),
				1, at);
		var closed = new SupportsClosed(campaign, List.of(new SupportsClosed.Tally(proposal, 2,
				Map.of(CollectiviteKind.COMMUNE, 2), 2_600_000)), 2, at.plusSeconds(60));
		for (int delivery = 1; delivery <= 2; delivery++) {
			transactions.executeWithoutResult(status -> events.publishEvent(batch));
			transactions.executeWithoutResult(status -> events.publishEvent(closed));
			Awaitility.await("chaque livraison aboutit").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
					.until(() -> jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
							Integer.class, "%" + campaign.id() + "%") == 0);
		}
		assertThat(jdbc.queryForObject("select count(*) from event_publication_archive where serialized_event like ? "
				+ "and listener_id like 'cocon.governance.%' and event_type like '%SupportsRecorded'", Integer.class,
				"%" + campaign.id() + "%")).as("le lot livré deux fois à la gouvernance").isEqualTo(2);
		// governance's live count: one count per proposal, told by voting (ADR 19)
		var liveCount = "select coalesce(sum(support_count), 0) from governance.live_tally where proposal_id = ?";
		assertThat(jdbc.queryForObject(liveCount, Integer.class, proposal.id())).as("soutiens vus par la gouvernance")
				.isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from referents.supports where proposal_id = ?", Integer.class,
				proposal.id())).as("soutiens vus par les territoires référents").isEqualTo(2);
		var closedTable = "governance.closed_campaign";
		assertThat(jdbc.queryForObject("select count(*) from " + closedTable + " where campaign_id = ?",
				Integer.class, campaign.id())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select sum(support_count) from governance.final_tally where campaign_id = ?",
				Integer.class, campaign.id())).as("décompte final de la gouvernance").isEqualTo(2);
	}

	@Test
	void eachPublicFactIsReadBackFromTheBrokerInTheDocumentedFormat() {
		var campaign = new CampaignId(UUID.randomUUID());
		var proposal = new ProposalId(UUID.randomUUID());
		var lyon = new Siren("216901231");
		var at = Instant.parse("2031-04-10T08:00:00Z");
		var published = List.<Object>of(
				new SupportsRecorded(campaign,
						List.of(new SupportGiven(proposal, campaign, lyon, "Lyon", CollectiviteKind.COMMUNE, at)),
						List.of(new SupportWithdrawn(proposal, campaign, new Siren("200046977"), at)), at),
				new SupportsClosed(campaign, List.of(new SupportsClosed.Tally(proposal, 1,
						Map.of(CollectiviteKind.COMMUNE, 1), 522_250)), 1, at),
				new ProposalsShortlisted(UUID.randomUUID(), campaign,
						List.of(new ProposalsShortlisted.ShortlistedProposal(proposal, "Un guichet unique")),
						"Retenue pour son nombre de soutiens.", null, at),
				new ProjectsFunded(UUID.randomUUID(), campaign, List.of(new ProjectsFunded.FundedProject(
						UUID.randomUUID(), proposal, "Prestataire SAS", "Guichet unique", 250_000)), 1_000_000, 750_000, at),
				new ReferentTerritoryJoined(UUID.randomUUID(), proposal, campaign, lyon, "Lyon", CollectiviteKind.COMMUNE,
						at),
				new cocon.deployment.events.AdoptionDeclared(UUID.randomUUID(), campaign, lyon, "Lyon",
						CollectiviteKind.COMMUNE, "69", "EN_SERVICE", "EN_TEST", at));

		try (var consumer = consumer()) {
			consumer.subscribe(List.of(TOPIC));
			transactions.executeWithoutResult(status -> {
				published.forEach(events::publishEvent);
				// not a public fact: stays inside
				events.publishEvent(new SupportGiven(proposal, campaign, lyon, "Lyon", CollectiviteKind.COMMUNE, at));
			});

			var received = new ArrayList<ConsumerRecord<String, String>>();
			// the funded project also becomes a service: the deployment module tells its phase (ServicePhaseChanged)
			Awaitility.await("les sept faits publics arrivent au courtier").atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100)).until(() -> {
						KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(received::add);
						return received.stream().filter(r -> r.key().equals(campaign.id().toString())).count() >= 7;
					});
			// anything else that would have been sent has had its chance
			KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2)).forEach(received::add);
			var ours = received.stream().filter(r -> r.key().equals(campaign.id().toString())).toList();

			var byType = new HashMap<String, JsonNode>();
			for (var message : ours) {
				assertThat(message.topic()).isEqualTo(TOPIC);
				assertThat(header(message, "cocon-version")).isEqualTo("1");
				var type = header(message, "cocon-type");
				assertThat(byType.put(type, JSON.readTree(message.value()))).as("%s une seule fois", type).isNull();
			}
			assertThat(byType.keySet()).containsExactlyInAnyOrder("SupportsRecorded", "SupportsClosed",
					"ProposalsShortlisted", "ProjectsFunded", "ReferentTerritoryJoined", "ServicePhaseChanged",
					"AdoptionDeclared");

			// the bodies, as documented: identifiers as plain strings, instants in ISO 8601, amounts in euros
			var recorded = byType.get("SupportsRecorded");
			assertThat(recorded.get("campaignId").asString()).isEqualTo(campaign.id().toString());
			assertThat(recorded.get("given").get(0).get("proposalId").asString()).isEqualTo(proposal.id().toString());
			assertThat(recorded.get("given").get(0).get("siren").asString()).isEqualTo("216901231");
			assertThat(recorded.get("given").get(0).get("collectiviteName").asString()).isEqualTo("Lyon");
			assertThat(recorded.get("given").get(0).get("kind").asString()).isEqualTo("COMMUNE");
			assertThat(recorded.get("given").get(0).get("supportedAt").asString()).isEqualTo("2031-04-10T08:00:00Z");
			assertThat(recorded.get("withdrawn").get(0).get("siren").asString()).isEqualTo("200046977");
			assertThat(recorded.get("publishedAt").asString()).isEqualTo("2031-04-10T08:00:00Z");

			var closed = byType.get("SupportsClosed");
			assertThat(closed.get("totalSupports").asLong()).isEqualTo(1);
			assertThat(closed.get("tallies").get(0).get("proposalId").asString()).isEqualTo(proposal.id().toString());
			assertThat(closed.get("tallies").get(0).get("supportCount").asInt()).isEqualTo(1);
			assertThat(closed.get("tallies").get(0).get("byKind").get("COMMUNE").asInt()).isEqualTo(1);
			assertThat(closed.get("tallies").get(0).get("populationCovered").asLong()).isEqualTo(522_250);
			assertThat(closed.get("closedAt").asString()).isEqualTo("2031-04-10T08:00:00Z");

			var shortlisted = byType.get("ProposalsShortlisted");
			assertThat(shortlisted.get("proposals").get(0).get("title").asString()).isEqualTo("Un guichet unique");
			assertThat(shortlisted.get("rationale").asString()).isEqualTo("Retenue pour son nombre de soutiens.");
			assertThat(shortlisted.has("supersedes")).as("un champ absent plutôt que null").isFalse();

			var funded = byType.get("ProjectsFunded");
			assertThat(funded.get("projects").get(0).get("budgetEuros").asLong()).isEqualTo(250_000);
			assertThat(funded.get("envelopeEuros").asLong()).isEqualTo(1_000_000);
			assertThat(funded.get("remainingEuros").asLong()).isEqualTo(750_000);

			var joined = byType.get("ReferentTerritoryJoined");
			assertThat(joined.get("siren").asString()).isEqualTo("216901231");
			assertThat(joined.get("proposalId").asString()).isEqualTo(proposal.id().toString());

			assertThat(byType.get("ServicePhaseChanged").get("phase").asString()).isEqualTo("EN_CONSTRUCTION");
			assertThat(byType.get("ServicePhaseChanged").has("previousPhase")).isFalse();
			assertThat(byType.get("AdoptionDeclared").get("status").asString()).isEqualTo("EN_SERVICE");
			assertThat(byType.get("AdoptionDeclared").get("previousStatus").asString()).isEqualTo("EN_TEST");

			// no person's data in any message (ADR 13): no e-mail address, no user name
			ours.forEach(message -> assertThat(message.value()).doesNotContain("@").doesNotContain("agent-"));
		}
	}

	private KafkaConsumer<String, String> consumer() {
		Map<String, Object> properties = new HashMap<>(KafkaTestUtils.consumerProps(broker, "integrateur-test", false));
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return new KafkaConsumer<>(properties);
	}

	private static String header(ConsumerRecord<String, String> message, String name) {
		var header = message.headers().lastHeader(name);
		assertThat(header).as("en-tête %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}
}
