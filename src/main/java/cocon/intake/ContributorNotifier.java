package cocon.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cocon.shared.AfterCommit;

/**
 * Tells contributors what became of their contribution. Every mail is kept in the {@code intake.outbox} table, so
 * that developers and demos can read it on the « Courriels envoyés » page, and logged by its number only (no personal
 * data in the logs); when a mail host is configured
 * ({@code spring.mail.host}), it is also sent. One mail per decision, even when a decision is delivered twice.
 * <p>
 * Sending never takes part in the decision (ADR 0010): the mail is written to the outbox in the transaction that
 * records the decision, and sent only after it committed. A mail server that is down or slow (its timeouts are a few
 * seconds) leaves the mail in the outbox, tried again later with a growing delay ({@code cocon.mail.retry.*}: 30 s,
 * 1 min, 2 min… up to 1 h), as long as it takes: never lost, never blocking, never failing the decision.
 */
@Component
class ContributorNotifier {

	private static final Logger LOG = LoggerFactory.getLogger(ContributorNotifier.class);

	/** How long a mail being sent is reserved for the instance sending it (its timeouts are far shorter). */
	private static final Duration LEASE = Duration.ofMinutes(5);

	/** The most mails one run sends, so that a long backlog does not hold the lock for ever. */
	private static final int MOST_PER_RUN = 200;

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final String mailHost;
	private final String from;
	private final String baseUrl;
	private final Clock clock;
	private final Duration firstRetry;
	private final Duration longestRetry;
	private final Executor executor;

	ContributorNotifier(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender,
			@Value("${spring.mail.host:}") String mailHost,
			@Value("${cocon.mail.from:ne-pas-repondre@cocon.anct.gouv.fr}") String from,
			@Value("${cocon.base-url:http://localhost:8080}") String baseUrl, Clock clock,
			@Value("${cocon.mail.retry.first-delay:30s}") Duration firstRetry,
			@Value("${cocon.mail.retry.longest-delay:1h}") Duration longestRetry,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.mailHost = mailHost;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = clock;
		this.firstRetry = firstRetry;
		this.longestRetry = longestRetry;
		this.executor = executor;
	}

	void outcomeDecided(Contribution contribution) {
		var recipient = contribution.author().email();
		if (recipient == null || recipient.isBlank()) {
			LOG.info("Contribution {} : issue « {} » décidée, mais aucune adresse électronique pour prévenir son auteur.",
					contribution.getId(), contribution.outcome().status().label());
			return;
		}
		var mail = OutcomeMail.of(contribution, baseUrl + "/mes-contributions");
		var key = contribution.getId() + ":" + contribution.outcome().status() + ":" + contribution.decidedAt();
		var id = UUID.randomUUID();
		var toSend = sender() != null;
		var stored = jdbc.sql("""
				insert into intake.outbox (id, contribution_id, recipient, subject, body, created_at, decision_key,
				                           to_send, next_attempt_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (decision_key) do nothing
				""")
				.params(id, contribution.getId().id(), recipient, mail.subject(), mail.body(),
						Timestamp.from(clock.instant()), key, toSend)
				.update() == 1;
		if (!stored) {
			return;
		}
		// by its number only: the address, the name and the contents stay in the outbox (issue 20, ADR 39)
		LOG.info("Courriel {} écrit pour la contribution {} (issue « {} »).", id, contribution.getId(),
				contribution.outcome().status().label());
		if (toSend) {
			sendAfterCommit();
		}
	}

	/**
	 * The first attempt follows the decision at once, once its transaction has committed, on another thread: the
	 * transaction's connection is still bound to this one, and whatever it wrote now would never be committed.
	 */
	private void sendAfterCommit() {
		AfterCommit.run(this::sendSoon);
	}

	private void sendSoon() {
		try {
			executor.execute(this::sendDue);
		}
		catch (RuntimeException refused) {
			LOG.debug("Envoi laissé au prochain passage : {}", refused.toString()); // the application is stopping
		}
	}

	/** Every {@code cocon.mail.retry.sweep}, on one instance: the mails whose next attempt is due. */
	@Scheduled(fixedDelayString = "${cocon.mail.retry.sweep:30s}", initialDelayString = "${cocon.mail.retry.sweep:30s}")
	@SchedulerLock(name = "intake-outbox", lockAtMostFor = "PT15M")
	void retryDueMails() {
		sendDue();
	}

	/**
	 * Sends the mails of the outbox whose attempt is due, oldest first, each reserved for this instance while it is
	 * sent. Stops at the first failure: the server is down, the others wait for the next run.
	 *
	 * @return how many mails were sent
	 */
	int sendDue() {
		var sender = sender();
		if (sender == null) {
			return 0;
		}
		var sent = 0;
		try {
			for (int i = 0; i < MOST_PER_RUN; i++) {
				var due = reserveNextDue();
				if (due.isEmpty()) {
					break;
				}
				if (!send(sender, due.get())) {
					break;
				}
				sent++;
			}
		}
		catch (RuntimeException e) {
			// the database itself is unreachable: the mails stay in the outbox for the next run
			LOG.warn("Envoi des courriels reporté : {}", e.toString());
		}
		return sent;
	}

	private record Due(UUID id, String recipient, String subject, String body, int attempts) {
	}

	private Optional<Due> reserveNextDue() {
		return jdbc.sql("""
				update intake.outbox set next_attempt_at = now() + make_interval(secs => ?)
				where id = (select id from intake.outbox
				            where to_send and sent_at is null and next_attempt_at <= now()
				            order by seq limit 1 for update skip locked)
				returning id, recipient, subject, body, attempts""")
				.param(LEASE.toSeconds())
				.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("recipient"),
						rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
				.optional();
	}

	private boolean send(JavaMailSender sender, Due mail) {
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.recipient());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		try {
			sender.send(message);
		}
		catch (MailException e) {
			var delay = retryDelay(mail.attempts() + 1);
			jdbc.sql("""
					update intake.outbox set attempts = attempts + 1, last_error = ?,
					       next_attempt_at = now() + make_interval(secs => ?)
					where id = ?""")
					.params(abbreviate(e.toString()), delay.toMillis() / 1000.0, mail.id())
					.update();
			LOG.warn("Courriel {} non envoyé (tentative {}), nouvel essai dans {} s : {}", mail.id(),
					mail.attempts() + 1, delay.toSeconds(), withoutAddresses(e.toString()));
			return false;
		}
		jdbc.sql("update intake.outbox set sent_at = ?, last_error = null where id = ?")
				.params(Timestamp.from(clock.instant()), mail.id())
				.update();
		return true;
	}

	/** The delay before attempt {@code attempts + 1}: the first delay, doubled after each failure, capped. */
	Duration retryDelay(int attempts) {
		var delay = firstRetry;
		for (int i = 1; i < attempts && delay.compareTo(longestRetry) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
	}

	private JavaMailSender sender() {
		return mailHost.isBlank() ? null : mailSender.getIfAvailable();
	}

	/** A mail server's refusal may quote the recipient's address ("Invalid Addresses: …"): not in the logs. */
	static String withoutAddresses(String text) {
		return text.replaceAll("[^\\s<>\"'@,;:()\\[\\]]+@[^\\s<>\"'@,;:()\\[\\]]+", "<adresse>");
	}

	private static String abbreviate(String text) {
		return text.length() <= 500 ? text : text.substring(0, 500);
	}

	/** A mail of the outbox, for the developers' page. */
	record OutboxMail(UUID id, UUID contributionId, String recipient, String subject, String body, Instant createdAt,
			Instant sentAt, boolean toSend, int attempts) {
	}

	private static final RowMapper<OutboxMail> OUTBOX_MAIL = (rs, row) -> new OutboxMail(rs.getObject("id", UUID.class),
			rs.getObject("contribution_id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
			rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("to_send"),
			rs.getInt("attempts"));

	List<OutboxMail> latest(int offset, int limit) {
		return jdbc.sql("select * from intake.outbox order by seq desc limit ? offset ?")
				.params(limit, offset)
				.query(OUTBOX_MAIL)
				.list();
	}

	long count() {
		return jdbc.sql("select count(*) from intake.outbox").query(Long.class).single();
	}

	List<OutboxMail> forContribution(UUID contributionId) {
		return jdbc.sql("select * from intake.outbox where contribution_id = ? order by seq")
				.params(contributionId)
				.query(OUTBOX_MAIL)
				.list();
	}
}
