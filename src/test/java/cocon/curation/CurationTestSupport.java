package cocon.curation;

import static cocon.curation.CurationFixtures.CURATION_TIME;
import static cocon.curation.CurationFixtures.campaign;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * One Spring context for the curation tests over HTTP (API and pages) against the real PostgreSQL: each test starts
 * at curation time with a fresh 2021 campaign, announced as governance does, and receives its contributions as intake
 * publishes them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
abstract class CurationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	CampaignId campaign;

	@BeforeEach
	void campaignInCuration() {
		campaignInCuration(campaign());
	}

	/** Makes this campaign the test's, once curation holds it. */
	void campaignInCuration(cocon.testing.Campaign2021 scheduled) {
		clock.set(CURATION_TIME);
		campaign = scheduled.id();
		transactions.executeWithoutResult(status -> events.publishEvent(scheduled.scheduled()));
		await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from curation.campaign where id = ?").param(campaign.id())
						.query(Long.class).single() == 1);
	}

	/**
	 * Publishes the contributions as intake does and waits until curation holds each of them (a count of the
	 * campaign's contributions, which earlier ones already reach, let a test go on before its latest was there).
	 */
	void submit(List<ContributionSubmitted> contributions) {
		transactions.executeWithoutResult(status -> contributions.forEach(events::publishEvent));
		var ids = contributions.stream().map(c -> c.contributionId().id()).toArray(java.util.UUID[]::new);
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"select count(*) from curation.contribution where campaign_id = ? and id = any(?)").param(campaign.id())
				.param(ids).query(Long.class).single() == ids.length);
	}
}
