package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import com.icegreen.greenmail.util.ServerSetup;

import cocon.curation.events.ContributionGrouped;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.testing.Identities;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail server down (ADR 0010): a decision whose mail cannot be sent is recorded all the same, and the mail, kept in
 * the outbox, is sent once the server answers — against a real SMTP server (GreenMail) on loopback, first absent
 * (nothing listens on its port), then started.
 */
class MailServerDownTests extends IntakeTestSupport {

	/** A free port on loopback, on which nothing listens until the test starts the server. */
	static final int SMTP_PORT = freePort();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("cocon.mail.retry.first-delay", () -> "1s");
		registry.add("cocon.mail.retry.sweep", () -> "200ms");
	}

	static final Instant DECIDED = OffsetDateTime.parse("2021-03-22T14:00:00+01:00").toInstant();

	GreenMail smtp;

	@Autowired
	ContributorNotifier outbox;

	@AfterEach
	void stopServer() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void aDecisionWhoseMailServerIsDownIsRecordedAndItsMailSentOnceTheServerIsBack(Scenario scenario)
			throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Signalement d'incidents par les usagers");

		// the server is down: the decision is recorded all the same, at once
		scenario.publish(new ContributionGrouped(id, campaign, ProposalId.random(),
						"Faciliter le signalement d'incidents par les usagers", "curator", DECIDED))
				.andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOf(id) >= 1);
		assertThat(outbox.forContribution(id.id())).singleElement()
				.satisfies(mail -> assertThat(mail.sentAt()).isNull());
		assertThat(lastErrorOf(id)).isNotBlank();
		mvc.perform(get("/admin/courriels").with(as(Identities.admin())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("en attente d’envoi")));

		// the server comes back: the mail kept in the outbox is sent, once
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> subjects().anyMatch(
				subject -> subject.contains("Signalement d'incidents par les usagers")));
		Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> outbox.forContribution(id.id()).get(0).sentAt() != null);
		assertThat(subjects().filter(subject -> subject.contains("Signalement d'incidents par les usagers")))
				.hasSize(1);
		var message = Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> subjectOf(m).contains("Signalement d'incidents par les usagers")).findFirst().orElseThrow();
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(Identities.lyon().email());
		assertThat(outcomeOf(id)).isEqualTo("GROUPED");
	}

	@Test
	void theDelayBetweenTwoAttemptsDoublesUpToItsLongest() {
		assertThat(outbox.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(outbox.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(outbox.retryDelay(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(outbox.retryDelay(40)).isEqualTo(Duration.ofHours(1));
	}

	private ContributionId submit(CampaignId campaign, String title) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(title, "Un besoin décrit avec nos mots.", "Dématérialisation", "AGENT",
								"Directrice du numérique")))
				.andExpect(status().isCreated())
				.andReturn();
		return ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
	}

	private String outcomeOf(ContributionId id) {
		return jdbc.sql("select outcome from intake.contribution where id = ?").param(id.id()).query(String.class)
				.single();
	}

	private java.util.stream.Stream<String> subjects() {
		return Arrays.stream(smtp.getReceivedMessages()).map(MailServerDownTests::subjectOf);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private int attemptsOf(ContributionId id) {
		return jdbc.sql("select coalesce(max(attempts), 0) from intake.outbox where contribution_id = ?")
				.param(id.id()).query(Integer.class).single();
	}

	private String lastErrorOf(ContributionId id) {
		return jdbc.sql("select last_error from intake.outbox where contribution_id = ?")
				.param(id.id()).query(String.class).single();
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
