package cocon.voting;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionOperations;

import cocon.curation.events.ProposalPublished;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Campaign2021;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * The voting module with the start-up, identity and web modules (sign-in, clock, problem details) against the real PostgreSQL of the tests. The minute check
 * that closes campaigns is switched off: tests call it after moving the clock.
 */
@ApplicationModuleTest(extraIncludes = { "platform", "identity", "web" })
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, RecordedSupports.class })
@TestPropertySource(properties = "cocon.voting.close-check.cron=-")
abstract class VotingTestSupport {

	/** The 2021 calendar: supports from 1 to 30 April 2021, Paris time. */
	static final CampaignCalendar CALENDAR_2021 = Campaign2021.CALENDAR;

	static final Instant DURING_SUPPORTS = Instant.parse("2021-04-10T10:00:00Z");
	static final Instant AFTER_SUPPORTS = Instant.parse("2021-05-01T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedSupports recorded;

	/** The 2021 campaign as voting's tests know it: a title of its own, under a fresh identifier. */
	static Campaign2021 campaign2021(Set<CollectiviteKind> supportKinds) {
		var campaign = Campaign2021.campaign();
		return campaign.withTitle("Coconstruction de services numériques " + campaign.id()).withThemes(List.of("mobilités"))
				.withSupportKinds(supportKinds).withWorkingGroupKinds(Set.of(CollectiviteKind.EPCI));
	}

	/** Schedules a campaign the way governance announces it and waits until voting knows it. */
	CampaignId campaign(Scenario scenario, Set<CollectiviteKind> supportKinds) {
		return campaign(scenario, campaign2021(supportKinds));
	}

	/** Schedules the given campaign the way governance announces it and waits until voting knows it. */
	CampaignId campaign(Scenario scenario, Campaign2021 campaign) {
		var id = campaign.id();
		scenario.publish(campaign.scheduled())
				.andWaitForStateChange(() -> jdbc.sql("select count(*) from voting.campaign where id = ?")
						.param(id.id()).query(Long.class).single(), count -> count == 1)
				.andVerify(count -> assertThat(count).isEqualTo(1L));
		return id;
	}

	/** Publishes proposals the way curation does and waits until voting knows them all. */
	List<ProposalId> proposals(Scenario scenario, CampaignId campaign, int count) {
		var ids = new ArrayList<ProposalId>();
		for (int i = 0; i < count; i++) {
			ids.add(ProposalId.random());
		}
		BiConsumer<TransactionOperations, ApplicationEventPublisher> publishAll = (tx, events) -> tx
				.executeWithoutResult(status -> {
					for (int i = 0; i < ids.size(); i++) {
						events.publishEvent(new ProposalPublished(ids.get(i), campaign, "Proposition %02d".formatted(i + 1),
								"Résumé de la proposition " + (i + 1), THEMES.get(i % THEMES.size()), List.of(),
								Instant.parse("2021-03-30T10:00:00Z")));
					}
				});
		scenario.stimulate(publishAll).andWaitForStateChange(() -> jdbc.sql("select count(*) from voting.proposal where campaign_id = ?")
				.param(campaign.id()).query(Long.class).single(), n -> n == count)
				.andVerify(n -> assertThat(n).isEqualTo((long) count));
		return ids;
	}

	ResultActions support(ProposalId proposal, CurrentUser user) throws Exception {
		return mvc.perform(put("/api/proposals/{id}/support", proposal.id()).with(as(user)));
	}

	ResultActions withdraw(ProposalId proposal, CurrentUser user) throws Exception {
		return mvc.perform(delete("/api/proposals/{id}/support", proposal.id()).with(as(user)));
	}

	long activeSupports(ProposalId proposal) {
		return jdbc.sql("select count(*) from voting.support where proposal_id = ?").param(proposal.id())
				.query(Long.class).single();
	}

	/** Waits until the feed holds no change of the proposal left to publish (its publication committed). */
	void awaitFeedPublished(ProposalId proposal) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
				.sql("select count(*) from voting.support_feed where proposal_id = :p or :p = any(proposal_ids)")
				.param("p", proposal.id())
				.query(Long.class).single() == 0);
	}

	long tally(ProposalId proposal) {
		return jdbc.sql("select coalesce(sum(support_count), 0) from voting.tally where proposal_id = ?")
				.param(proposal.id()).query(Long.class).single();
	}

	static final List<String> THEMES = List.of("Dématérialisation", "Mobilités", "Énergie", "Accessibilité et inclusion",
			"Urbanisme", "Logement", "Relation usagers", "Financements", "Diagnostic numérique", "Environnement",
			"Culture et tourisme", "Santé et solidarités", "Sécurité et prévention");
}
