package cocon.notifications;

import static cocon.testing.Identities.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One Spring context for the notifications' tests, with a real SMTP server (GreenMail) on loopback: campaigns and
 * decisions are published as the other modules publish them, people are known as a sign-in makes them known. Every
 * test works with fresh collectivités and people, and reads only the mails of its own recipients.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
@Import(TestClockConfiguration.class)
abstract class NotificationsTestSupport {

	/** A free port on loopback, for the SMTP server the tests start (and stop, for the outage). */
	static final int SMTP_PORT = freePort();

	static GreenMail smtp = startSmtp();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("cocon.mail.retry.first-delay", () -> "1s");
		registry.add("cocon.mail.retry.sweep", () -> "200ms");
		registry.add("cocon.notifications.mails-per-second", () -> "1000");
	}

	static final Instant DURING_CONTRIBUTIONS = OffsetDateTime.parse("2021-02-10T10:00:00+01:00").toInstant();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Recipients recipients;

	@BeforeEach
	void insideTheContributionWindow() {
		clock.set(DURING_CONTRIBUTIONS);
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
	}

	static GreenMail startSmtp() {
		var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/**
	 * The 2021 campaign under a fresh identifier, with its calendar moved to days of its own (from 2045 on): no other
	 * campaign of the shared database opens or closes at the same instants.
	 */
	static Campaign2021 campaignOfItsOwn() {
		// a day of its own among 53 years, so that its calendar (120 days) ends before 2100, the last year the API takes
		var opens = java.time.LocalDate.of(2045, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(19_500))
				.atTime(9, ThreadLocalRandom.current().nextInt(60)).atZone(cocon.shared.Window.PARIS).toInstant();
		var day = java.time.Duration.ofDays(1);
		var calendar = new cocon.shared.CampaignCalendar(new cocon.shared.Window(opens, opens.plus(day.multipliedBy(30))),
				new cocon.shared.Window(opens.plus(day.multipliedBy(40)), opens.plus(day.multipliedBy(70))),
				new cocon.shared.Window(opens.plus(day.multipliedBy(80)), opens.plus(day.multipliedBy(100))),
				java.time.LocalDate.ofInstant(opens.plus(day.multipliedBy(75)), cocon.shared.Window.PARIS),
				java.time.LocalDate.ofInstant(opens.plus(day.multipliedBy(120)), cocon.shared.Window.PARIS));
		return Campaign2021.campaign().withCalendar(calendar).withTitle("Campagne " + opens);
	}

	/** A new campaign, published as governance does, once the notifications hold its copy. */
	CampaignId schedule(Scenario scenario, Campaign2021 campaign) {
		scenario.publish(campaign.scheduled())
				.andWaitForStateChange(() -> jdbc.sql("""
						select (select count(*) from notifications.campaign where id = :id)
						     + (select count(*) from intake.campaign where id = :id)""")
						.param("id", campaign.id().id()).query(Long.class).single(), count -> count == 2);
		return campaign.id();
	}

	/** An agent of a new commune, signed in: known to the notifications with their address. */
	CurrentUser agentOfANewCommune() {
		return signedIn(agentOf(CollectiviteKind.COMMUNE));
	}

	static CurrentUser agentOf(CollectiviteKind kind) {
		var siren = freshSiren();
		return Identities.agent("agent-" + siren, new Organisation(Siren.of(siren), "Commune " + siren, kind, true,
				"69", "84", 1200));
	}

	CurrentUser signedIn(CurrentUser user) {
		recipients.signedIn(user);
		return user;
	}

	ContributionId submit(CampaignId campaign, CurrentUser author, String title) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(author))
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"title": "%s", "need": "Un besoin décrit avec nos mots.", "theme": "Mobilités",
								 "authorRole": "AGENT", "authorFunction": "Secrétaire de mairie"}""".formatted(title)))
				.andExpect(status().isCreated())
				.andReturn();
		return ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
	}

	/** The mails the SMTP server received for that address. */
	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Waits until the notifications' listeners have handled every event published so far that names the given
	 * identifier (a contribution's, a campaign's): a barrier before checking that something was not sent.
	 */
	void untilHandled(Object identifier) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and listener_id like 'cocon.notifications.%'
				  and serialized_event like :marker""")
				.param("marker", "%" + identifier + "%").query(Long.class).single() == 0);
	}

	/** How many mails the outbox holds for that recipient, sent or not. */
	long queuedTo(String recipientKey) {
		return jdbc.sql("select count(*) from notifications.outbox where recipient_key = ?").param(recipientKey)
				.query(Long.class).single();
	}

	static String freshSiren() {
		while (true) {
			// 9xx… : no collectivité of the directory has a SIREN starting with 9
			String prefix = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
			for (int check = 0; check < 10; check++) {
				if (Siren.isValid(prefix + check)) {
					return prefix + check;
				}
			}
		}
	}

	static int freePort() {
		return cocon.testing.FreePorts.next(); // ADR 0056: never one another test JVM may take meanwhile
	}
}
