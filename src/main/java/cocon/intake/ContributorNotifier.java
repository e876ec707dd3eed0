package cocon.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells contributors what became of their contribution. Every mail is kept in the {@code intake.outbox} table and
 * logged, so that developers and demos can read it on the « Courriels envoyés » page; when a mail host is configured
 * ({@code spring.mail.host}), it is also sent. One mail per decision, even when a decision is delivered twice.
 */
@Component
class ContributorNotifier {

	private static final Logger LOG = LoggerFactory.getLogger(ContributorNotifier.class);

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mailSender;
	private final String mailHost;
	private final String from;
	private final String baseUrl;
	private final Clock clock;

	ContributorNotifier(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender,
			@Value("${spring.mail.host:}") String mailHost,
			@Value("${cocon.mail.from:ne-pas-repondre@cocon.anct.gouv.fr}") String from,
			@Value("${cocon.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.mailHost = mailHost;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = clock;
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
		var stored = jdbc.sql("""
				insert into intake.outbox (id, contribution_id, recipient, subject, body, created_at, decision_key)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (decision_key) do nothing
				""")
				.params(id, contribution.getId().id(), recipient, mail.subject(), mail.body(),
						Timestamp.from(clock.instant()), key)
				.update() == 1;
		if (!stored) {
			return;
		}
		LOG.info("Courriel à {} : {}\n{}", recipient, mail.subject(), mail.body());
		var sender = mailHost.isBlank() ? null : mailSender.getIfAvailable();
		if (sender != null) {
			var message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(recipient);
			message.setSubject(mail.subject());
			message.setText(mail.body());
			// a failure rolls the listener back: the decision event stays incomplete and is delivered again
			sender.send(message);
			jdbc.sql("update intake.outbox set sent_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
		}
	}

	/** A mail of the outbox, for the developers' page. */
	record OutboxMail(UUID id, UUID contributionId, String recipient, String subject, String body, Instant createdAt,
			Instant sentAt) {
	}

	List<OutboxMail> latest(int offset, int limit) {
		return jdbc.sql("select * from intake.outbox order by seq desc limit ? offset ?")
				.params(limit, offset)
				.query((rs, row) -> new OutboxMail(rs.getObject("id", UUID.class), rs.getObject("contribution_id", UUID.class),
						rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
						rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
				.list();
	}

	long count() {
		return jdbc.sql("select count(*) from intake.outbox").query(Long.class).single();
	}

	List<OutboxMail> forContribution(UUID contributionId) {
		return jdbc.sql("select * from intake.outbox where contribution_id = ? order by seq")
				.params(contributionId)
				.query((rs, row) -> new OutboxMail(rs.getObject("id", UUID.class), rs.getObject("contribution_id", UUID.class),
						rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
						rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
				.list();
	}
}
