package cocon.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.testing.Campaign2021;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * One Spring context for every intake test against the real PostgreSQL: campaigns are created by publishing
 * governance's {@code CampaignScheduled} (as governance would), each test with a fresh campaign.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
@RecordApplicationEvents
@Import(TestClockConfiguration.class)
abstract class IntakeTestSupport {

	static final List<String> THEMES = List.of("Dématérialisation", "Mobilités", "Énergie", "Accessibilité et inclusion");

	/** Inside the 2021 contribution window (25 January – 15 March 2021, Paris time). */
	static final Instant DURING_CONTRIBUTIONS = OffsetDateTime.parse("2021-02-10T10:00:00+01:00").toInstant();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void insideTheWindow() {
		clock.set(DURING_CONTRIBUTIONS);
	}

	static CampaignCalendar calendar2021() {
		return Campaign2021.CALENDAR;
	}

	/** The 2021 campaign as intake's tests know it (four themes), under a fresh identifier. */
	static Campaign2021 campaign2021() {
		return Campaign2021.campaign().withThemes(THEMES)
				.withSupportKinds(Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION))
				.withWorkingGroupKinds(Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.EPCI))
				.withScheduledAt(Instant.parse("2021-01-04T09:00:00Z"));
	}

	/** Publishes a new campaign as governance does and waits until intake holds its copy. */
	CampaignId scheduleCampaign(Scenario scenario) {
		return scheduleCampaign(scenario, campaign2021());
	}

	/** Publishes the given campaign as governance does and waits until intake holds its copy. */
	CampaignId scheduleCampaign(Scenario scenario, Campaign2021 campaign) {
		var id = campaign.id();
		scenario.publish(campaign.scheduled())
				.andWaitForStateChange(() -> jdbc.sql("select count(*) from intake.campaign where id = ?")
						.param(id.id()).query(Long.class).single(), count -> count == 1);
		return id;
	}

	long contributionsOf(CampaignId campaign) {
		return jdbc.sql("select count(*) from intake.contribution where campaign_id = ?").param(campaign.id())
				.query(Long.class).single();
	}

	static String json(String title, String need, String theme, String role, String function) {
		return """
				{"title": %s, "need": %s, "theme": %s, "authorRole": %s, "authorFunction": %s}
				""".formatted(quote(title), quote(need), quote(theme), quote(role), quote(function));
	}

	private static String quote(String text) {
		return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
