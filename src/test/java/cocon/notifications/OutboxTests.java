package cocon.notifications;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.test.Scenario;

import cocon.curation.events.ContributionGrouped;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;

/**
 * The one outbox (ADR 10, ADR 41): a mail server down delays a mail, never loses it and never fails the decision;
 * a notification reaches each person once, also when two instances send at the same time and when it is queued
 * again after a restart (invariant 11).
 */
class OutboxTests extends NotificationsTestSupport {

	@Autowired
	Outbox outbox;

	@Autowired
	Sending sending;

	@Autowired
	ObjectProvider<JavaMailSender> mailSender;

	@Test
	void aDecisionWhoseMailServerIsDownIsRecordedAndItsMailSentOnceTheServerIsBack(Scenario scenario) throws Exception {
		var campaign = schedule(scenario, Campaign2021.campaign());
		var author = agentOf(CollectiviteKind.COMMUNE);
		var id = submit(campaign, author, "Signalement d'incidents par les usagers");
		smtp.stop();

		scenario.publish(new ContributionGrouped(id, campaign, ProposalId.random(),
						"Faciliter le signalement d'incidents par les usagers", "curator",
						java.time.Instant.parse("2021-03-22T13:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql("select outcome from intake.contribution where id = ?")
						.param(id.id()).query(String.class).single(), "GROUPED"::equals);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select coalesce(max(attempts), 0) from notifications.outbox where recipient_key = ?""")
				.param(author.username()).query(Integer.class).single() >= 1);
		assertThat(jdbc.sql("select last_error from notifications.outbox where recipient_key = ?")
				.param(author.username()).query(String.class).single()).isNotBlank().doesNotContain(author.email());
		mvc.perform(get("/admin/courriels").with(as(Identities.admin())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("En échec")));

		// the server comes back: the mail kept in the outbox is sent, once
		smtp = startSmtp();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(author.email()).size() == 1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from notifications.outbox where recipient_key = ? and sent_at is not null""")
				.param(author.username()).query(Long.class).single() == 1);
		assertThat(subjectOf(mailsTo(author.email()).get(0))).contains("Signalement d'incidents par les usagers");
	}

	@Test
	void theDelayBetweenTwoAttemptsDoublesUpToItsLongest() {
		assertThat(sending.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(sending.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(sending.retryDelay(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(sending.retryDelay(40)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aNotificationReachesEachPersonOnceAcrossTwoInstancesAndARestart() throws Exception {
		var people = new ArrayList<CurrentUser>();
		for (int i = 0; i < 12; i++) {
			people.add(agentOfANewCommune());
		}
		var keys = people.stream().map(CurrentUser::username).toArray(String[]::new);
		var notification = "test-once:" + UUID.randomUUID();
		var mail = Mail.of("[Cocon] Une nouvelle pour chacun", List.of("Une seule fois."), null, null);
		// a second instance: its own sender, on the same database and mail server
		var other = new Sending(jdbc, mailSender, "127.0.0.1", "ne-pas-repondre@cocon.anct.gouv.fr",
				"http://localhost:8080", clock, Duration.ofSeconds(1), Duration.ofHours(1), 1000, Duration.ofSeconds(1),
				Runnable::run);

		var pool = Executors.newFixedThreadPool(4);
		try {
			// the same notification queued by two instances at once, then again after a restart
			var queued = List.of(
					CompletableFuture.supplyAsync(() -> outbox.queue(notification, Kind.RESULTS, mail,
							"r.recipient_key = any(:keys)", Map.of("keys", keys)), pool),
					CompletableFuture.supplyAsync(() -> outbox.queue(notification, Kind.RESULTS, mail,
							"r.recipient_key = any(:keys)", Map.of("keys", keys)), pool));
			assertThat(queued.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(12);
			var sent = List.of(CompletableFuture.supplyAsync(other::sendDue, pool),
					CompletableFuture.supplyAsync(sending::sendDue, pool));
			sent.forEach(CompletableFuture::join);
		}
		finally {
			pool.shutdown();
		}
		assertThat(outbox.queue(notification, Kind.RESULTS, mail, "r.recipient_key = any(:keys)", Map.of("keys", keys)))
				.as("queued again after a restart").isZero();

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> people.stream()
				.allMatch(person -> mailsTo(person.email()).size() == 1));
		for (var person : people) {
			assertThat(mailsTo(person.email())).as(person.username()).hasSize(1);
			assertThat(queuedTo(person.username())).isEqualTo(1);
		}
	}

	@Test
	void manyCommitsThatQueueMailsMakeOneRunAtATime() {
		var runs = new ArrayList<Runnable>();
		var instance = new Sending(jdbc, mailSender, "127.0.0.1", "ne-pas-repondre@cocon.anct.gouv.fr",
				"http://localhost:8080", clock, Duration.ofSeconds(1), Duration.ofHours(1), 1000, Duration.ofSeconds(1),
				runs::add);

		for (int i = 0; i < 500; i++) {
			instance.sendSoon(); // after each of 500 commits that queued a mail, before the run starts
		}
		assertThat(runs).as("runs started").hasSize(1);

		runs.get(0).run();
		instance.sendSoon();
		assertThat(runs).as("a mail queued once the run is over starts a new one").hasSize(2);
	}
}
