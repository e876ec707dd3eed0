package cocon.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cocon.shared.Timestamps;

/**
 * Sends the mails of the outbox when a mail host is configured ({@code spring.mail.host}); without one (demos), they
 * are only kept, for the staff page. Sending never takes part in the decision (ADR 10): the first attempt follows the
 * commit of what queued the mail, on another thread; a mail server that is down or slow leaves the mail in the
 * outbox, tried again later with a growing delay ({@code cocon.mail.retry.*}: 30 s, 1 min, 2 min… up to 1 h), as long
 * as it takes. Each mail is reserved for the instance sending it ({@code for update skip locked} and a lease), so two
 * instances never send the same one. The pace is {@code cocon.notifications.mails-per-second}, whatever the backlog:
 * a phase opening to 40,000 people drains at that rate, one row in memory at a time.
 * <p>
 * Every mail has its plain-text and HTML alternatives and the one-click unsubscribe of RFC 8058
 * ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}).
 */
@Component
class Sending {

	private static final Logger LOG = LoggerFactory.getLogger(Sending.class);

	/** How long a mail being sent is reserved for the instance sending it (its timeouts are far shorter). */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final String mailHost;
	private final String from;
	private final String baseUrl;
	private final Clock clock;
	private final Duration firstRetry;
	private final Duration longestRetry;
	private final double mailsPerSecond;
	private final int mostPerRun;
	private final Executor executor;
	/** The asks for a run since the current run looked for due mails; 0: no run is coming or going. */
	private final java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();
	/** The instant (System.nanoTime) of the latest mail slot given, for the pace. */
	private final java.util.concurrent.atomic.AtomicLong nextSlot = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

	Sending(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String mailHost,
			@Value("${cocon.mail.from:ne-pas-repondre@cocon.anct.gouv.fr}") String from,
			@Value("${cocon.base-url:http://localhost:8080}") String baseUrl, Clock clock,
			@Value("${cocon.mail.retry.first-delay:30s}") Duration firstRetry,
			@Value("${cocon.mail.retry.longest-delay:1h}") Duration longestRetry,
			@Value("${cocon.notifications.mails-per-second:20}") double mailsPerSecond,
			@Value("${cocon.mail.retry.sweep:30s}") Duration sweep,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.mailHost = mailHost;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = clock;
		this.firstRetry = firstRetry;
		this.longestRetry = longestRetry;
		this.mailsPerSecond = mailsPerSecond;
		// a run sends what the pace allows until the next one, so that a long backlog never holds the lock for ever
		this.mostPerRun = (int) Math.max(50, Math.min(100_000, mailsPerSecond * Math.max(1, sweep.toSeconds())));
		this.executor = executor;
	}

	/** Whether mails are sent (a mail host is configured), rather than only kept. */
	boolean configured() {
		return sender() != null;
	}

	/**
	 * Sends the due mails soon, on another thread: asked after each commit that queues mails. One run at a time on
	 * this instance: an ask while a run is coming or going makes that run look again once done, instead of starting
	 * another. An import of 1,000 contributions queues 1,000 mails in 1,000 commits, which started 1,000 runs at once,
	 * each holding a reserved mail while it waited for its slot at the pace; stopping the instance waited 20 s for
	 * them (ADR 0080, addendum).
	 */
	void sendSoon() {
		if (!configured() || asks.getAndIncrement() > 0) {
			return;
		}
		try {
			executor.execute(this::sendWhileAsked);
		}
		catch (RuntimeException refused) {
			asks.set(0);
			LOG.debug("Envoi laissé au prochain passage : {}", refused.toString()); // the application is stopping
		}
	}

	private void sendWhileAsked() {
		try {
			int answered;
			do {
				answered = asks.get();
				sendDue();
			}
			while (!asks.compareAndSet(answered, 0));
		}
		catch (RuntimeException | Error unexpected) {
			asks.set(0); // the next commit asks again, and the scheduled run sends meanwhile
			throw unexpected;
		}
	}

	/**
	 * Sends a mail that must not be kept in the outbox, after the commit, on another thread, once: the confirmation of
	 * a subscription, whose link holds a token the database keeps only the hash of (ADR 51). A failure is logged
	 * without the address; the person asks again.
	 */
	void sendSoon(String to, Mail mail) {
		var sender = sender();
		if (sender == null) {
			LOG.info("Courriel de confirmation non envoyé : aucun serveur de courriel configuré.");
			return;
		}
		try {
			executor.execute(() -> {
				try {
					pace();
					var mime = sender.createMimeMessage();
					var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
					helper.setFrom(from);
					helper.setTo(to);
					helper.setSubject(mail.subject());
					helper.setText(mail.text() + Mail.footerText(null, null), mail.html() + Mail.footerHtml(null, null));
					sender.send(mime);
				}
				catch (MailException | MessagingException e) {
					LOG.warn("Courriel de confirmation non envoyé : {}", withoutAddresses(e.toString()));
				}
			});
		}
		catch (RuntimeException refused) {
			LOG.warn("Courriel de confirmation non envoyé : {}", refused.getClass().getSimpleName());
		}
	}

	/** Every {@code cocon.mail.retry.sweep}, on one instance: the mails whose attempt is due. */
	@Scheduled(fixedDelayString = "${cocon.mail.retry.sweep:30s}", initialDelayString = "${cocon.mail.retry.sweep:30s}")
	@SchedulerLock(name = "notifications-outbox", lockAtMostFor = "PT15M")
	void retryDueMails() {
		sendDue();
	}

	/**
	 * Sends the mails whose attempt is due, oldest first, at the configured pace. Stops at the first failure: the
	 * server is down, the others wait for the next run.
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
			for (int i = 0; i < mostPerRun; i++) {
				var due = reserveNextDue();
				if (due.isEmpty()) {
					break;
				}
				pace();
				if (!send(sender, due.get())) {
					break;
				}
				sent++;
			}
		}
		catch (RuntimeException e) {
			// the database itself is unreachable: the mails stay in the outbox for the next run
			LOG.warn("Envoi des courriels reporté : {}", e.getClass().getSimpleName());
		}
		if (sent == mostPerRun) {
			// the backlog goes on at once, at the shared pace: waiting for the next sweep after each run halved the
			// configured rate (40,000 mails at 20/s drained at 10/s, ADR 51)
			sendSoon();
		}
		return sent;
	}

	/**
	 * Waits for this mail's slot at the configured pace, shared by every run of this instance (the one after a commit
	 * and the scheduled one may overlap): the instance never sends faster than {@code mails-per-second}.
	 */
	private void pace() {
		long interval = (long) (TimeUnit.SECONDS.toNanos(1) / mailsPerSecond);
		long slot = nextSlot.accumulateAndGet(interval, (previous, step) -> Math.max(System.nanoTime(), previous + step));
		long wait = slot - System.nanoTime();
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	record Due(UUID id, String kind, String recipient, String subject, String text, String html, String token,
			int attempts) {
	}

	private Optional<Due> reserveNextDue() {
		return jdbc.sql("""
				with next as (
				    update notifications.outbox set next_attempt_at = now() + make_interval(secs => ?)
				    where id = (select id from notifications.outbox
				                where to_send and sent_at is null and not digest and next_attempt_at <= now()
				                order by next_attempt_at, seq limit 1 for update skip locked)
				    returning id, message_id, recipient_key, recipient, attempts)
				select next.id, m.kind, next.recipient, m.subject, m.body_text, m.body_html, r.token, next.attempts
				from next join notifications.message m on m.id = next.message_id
				left join notifications.recipient r on r.recipient_key = next.recipient_key""")
				.param(LEASE.toSeconds())
				.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("kind"),
						rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
						rs.getString("body_html"), rs.getString("token"), rs.getInt("attempts")))
				.optional();
	}

	private boolean send(JavaMailSender sender, Due mail) {
		try {
			sender.send(message(sender, mail));
		}
		catch (MailException | MessagingException e) {
			var delay = retryDelay(mail.attempts() + 1);
			jdbc.sql("""
					update notifications.outbox set attempts = attempts + 1, last_error = ?,
					       next_attempt_at = now() + make_interval(secs => ?)
					where id = ?""")
					.params(abbreviate(withoutAddresses(e.toString())), delay.toMillis() / 1000.0, mail.id())
					.update();
			LOG.warn("Courriel {} non envoyé (tentative {}), nouvel essai dans {} s : {}", mail.id(),
					mail.attempts() + 1, delay.toSeconds(), withoutAddresses(e.toString()));
			return false;
		}
		jdbc.sql("update notifications.outbox set sent_at = ?, last_error = null where id = ?")
				.params(Timestamps.column(clock.instant()), mail.id())
				.update();
		return true;
	}

	private jakarta.mail.internet.MimeMessage message(JavaMailSender sender, Due mail) throws MessagingException {
		var mime = sender.createMimeMessage();
		var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		// an anonymous subscriber has no preferences page: the unsubscribe link is all they need
		var preferences = Kind.CAMPAIGN_NEWS.name().equals(mail.kind()) ? null : baseUrl + Preferences.PATH;
		var text = mail.text();
		var html = mail.html().isEmpty() ? null : mail.html();
		if (mail.token() != null) {
			var unsubscribe = baseUrl + Preferences.UNSUBSCRIBE + mail.token() + "?type=" + mail.kind();
			text = text + Mail.footerText(unsubscribe, preferences);
			html = html == null ? null : html + Mail.footerHtml(unsubscribe, preferences);
			mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		if (html == null) {
			helper.setText(text);
		}
		else {
			helper.setText(text, html);
		}
		return mime;
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
}
