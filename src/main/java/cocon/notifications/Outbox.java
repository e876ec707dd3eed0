package cocon.notifications;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.AfterCommit;
import cocon.shared.Timestamps;

/**
 * The one outbox of the application's mails (ADR 10, ADR 41). A notification is written once ({@code message}, unique
 * by what it is about) and queued once per recipient ({@code outbox}, unique by message and recipient): an event
 * delivered twice, a job run on two instances or again after a restart queue nothing more (invariant 11). Queuing a
 * notification to thousands of people is one {@code INSERT … SELECT}, whatever their number; the mails are then sent
 * by {@link Sending}, at its pace, after the transaction that queued them committed. A recipient who turned the kind
 * off is not queued; one who chose the weekly digest is queued for it.
 * <p>
 * The log says what was queued, to how many, by kind: never an address, a name or a body (issue 20, issue 25).
 */
@Component
class Outbox {

	private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

	/** Whether the recipient's preferences let this kind reach them; {@code r} is the recipient row. */
	static final String WANTED = """
			not exists (select 1 from notifications.preference p
			            where p.recipient_key = r.recipient_key and p.kind = :kind and not p.enabled)""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Sending sending;
	private final String baseUrl;

	Outbox(JdbcClient jdbc, Clock clock, Sending sending,
			@Value("${cocon.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sending = sending;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** An absolute link to a path of this instance, for a mail. */
	String link(String path) {
		return baseUrl + path;
	}

	/**
	 * Queues a notification to the recipients the condition selects among {@code notifications.recipient r}, with
	 * the named parameters it uses; nothing when the same notification was queued before.
	 *
	 * @return how many mails were queued now
	 */
	@Transactional
	int queue(String notificationKey, Kind kind, Mail mail, String condition, Map<String, ?> parameters) {
		var message = write(notificationKey, kind, mail);
		if (message == null) {
			return 0;
		}
		var now = Timestamps.column(clock.instant());
		var statement = jdbc.sql("""
				insert into notifications.outbox (message_id, recipient_key, recipient, created_at, to_send, digest,
				                                  next_attempt_at)
				select :message, r.recipient_key, r.email, :now, :toSend,
				       coalesce((select p.digest from notifications.preference p
				                 where p.recipient_key = r.recipient_key and p.kind = :kind), false), now()
				from notifications.recipient r
				where (%s) and %s
				on conflict (message_id, recipient_key) do nothing""".formatted(condition, WANTED))
				.param("message", message)
				.param("now", now)
				.param("toSend", sending.configured())
				.param("kind", kind.name());
		for (var parameter : parameters.entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue());
		}
		int queued = statement.update();
		LOG.info("Notification « {} » écrite : {} destinataire(s).", kind.label(), queued);
		if (queued > 0) {
			AfterCommit.run(sending::sendSoon);
		}
		return queued;
	}

	/** Queues a notification to one recipient, already known to the module (see {@link Recipients}). */
	@Transactional
	boolean queueTo(String recipientKey, String notificationKey, Kind kind, Mail mail) {
		return queue(notificationKey, kind, mail, "r.recipient_key = :recipient", Map.of("recipient", recipientKey)) == 1;
	}

	/** The message of that notification, written now, or null when it was written before. */
	private UUID write(String notificationKey, Kind kind, Mail mail) {
		var id = UUID.randomUUID();
		int written = jdbc.sql("""
				insert into notifications.message (id, notification_key, kind, subject, body_text, body_html, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (notification_key) do nothing""")
				.params(id, notificationKey, kind.name(), mail.subject(), mail.text(), mail.html(),
						Timestamps.column(clock.instant()))
				.update();
		return written == 1 ? id : null;
	}
}
