package cocon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.Identities;

/**
 * Invariant 8 of the design brief: an event published is delivered to every listener, also across a crash. A
 * publication that was stored with its event but never completed (the process died before the listener ran) is
 * delivered by the instance running next: Spring Modulith's staleness monitor marks it failed once older than its
 * bound, and the locked resubmission job delivers it (ADR 0010, 0011) — not a republication at every start.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventDeliveryAfterRestartTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPublicationLeftOutstandingByACrashIsDeliveredByTheResubmissionJob() throws Exception {
		// A real CampaignScheduled, delivered normally: its archived publication to intake's listener is the model
		// of what the registry stores.
		var delivered = createCampaign("Livraison après redémarrage — modèle");
		var model = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
				select listener_id, event_type, serialized_event from event_publication_archive
				where serialized_event like ? and listener_id like 'cocon.intake.%'""", "%" + delivered + "%"),
				rows -> rows.size() == 1).get(0);

		// The crash: the same kind of event for another campaign was stored with the business transaction ten minutes
		// ago, but the process died before intake's listener ran, so the publication is still outstanding.
		var lost = UUID.randomUUID();
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				values (?, ?, ?, ?, now() - interval '10 minutes', 'PUBLISHED', 0)""", UUID.randomUUID(), model.get("listener_id"),
				model.get("event_type"), ((String) model.get("serialized_event")).replace(delivered, lost.toString())
						.replace("Livraison après redémarrage — modèle", "Livraison après redémarrage — perdue"));
		assertThat(intakeKnows(lost)).isFalse();

		// The restart: a new instance of the application on the same database, its resubmission job every second and
		// its staleness monitor taking as stale what was published more than 5 minutes ago (the test contexts keep
		// theirs off, see TestSchedulingDefaults).
		var restarted = new SpringApplication(CoconApplication.class);
		restarted.setDefaultProperties(Map.of("cocon.directory.load-on-startup", "false"));
		restarted.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
				new MapPropertySource("resubmission-on", Map.of(
						// above application.properties' server.port=${PORT:8080}: a free port, never 8080 that
						// another test class running meanwhile may hold
						"server.port", "0",
						"cocon.events.resubmission.cron", "* * * * * *",
						"cocon.events.staleness.published", "5m",
						"cocon.events.staleness.processing", "5m",
						"cocon.events.staleness.check-intervall", "1s"))));
		try (var context = restarted.run()) {
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> intakeKnows(lost));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
					"select count(*) from event_publication where serialized_event like ?", Integer.class,
					"%" + lost + "%") == 0);
		}
		assertThat(jdbc.queryForObject("select title from intake.campaign where id = ?", String.class, lost))
				.isEqualTo("Livraison après redémarrage — perdue");
	}

	private String createCampaign(String title) throws Exception {
		var location = mvc.perform(post("/api/campaigns").with(Identities.as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title": "%s", "description": "Invariant 8", "envelopeEuros": 1000000,
						 "themes": ["Dématérialisation"],
						 "calendar": {"contributions": {"opens": "2031-01-25T00:00:00+01:00", "closes": "2031-03-15T23:59:59+01:00"},
						              "supports": {"opens": "2031-04-01T00:00:00+02:00", "closes": "2031-04-30T23:59:59+02:00"},
						              "referentApplications": {"opens": "2031-05-04T00:00:00+02:00", "closes": "2031-05-31T23:59:59+02:00"},
						              "shortlistDecision": "2031-05-03", "fundingDecision": "2031-07-05"}}""".formatted(title)))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private boolean intakeKnows(UUID campaign) {
		return jdbc.queryForObject("select count(*) from intake.campaign where id = ?", Integer.class, campaign) == 1;
	}
}
