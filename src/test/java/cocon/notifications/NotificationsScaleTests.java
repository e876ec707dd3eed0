package cocon.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.test.context.event.RecordApplicationEvents;

import cocon.testing.TestClockConfiguration;

/**
 * Issue 24, « at the scale of France »: a phase opening to 40,000 people is queued in one statement, in seconds, and
 * not sent here (this context, intake's, has no mail server: the mails are kept). The pace of the sending is measured
 * by {@code NotificationsBenchmark} (docs/performance.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
@RecordApplicationEvents
@Import(TestClockConfiguration.class)
class NotificationsScaleTests {

	static final int PEOPLE = 40_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Calendar calendar;

	@Test
	void aPhaseOpeningToFortyThousandPeopleIsQueuedInUnderThirtySeconds() {
		var prefix = "echelle-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		var campaign = UUID.randomUUID();
		var opens = Instant.parse("2100-01-01T08:00:00Z").plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(5_000_000)));
		try {
			jdbc.sql("""
					insert into notifications.recipient (recipient_key, email, siren, organisation_kind, roles, token, seen_at)
					select :prefix || g, :prefix || g || '@commune.example', '8' || lpad(g::text, 8, '0'), 'COMMUNE',
					       '{AGENT}', :prefix || md5(g::text), now()
					from generate_series(1, :people) g""")
					.param("prefix", prefix).param("people", PEOPLE).update();
			jdbc.sql("""
					insert into notifications.campaign (id, title, contributions_opens, contributions_closes, supports_opens,
					    supports_closes, shortlist_decision, funding_decision, support_kinds, working_group_kinds, as_of)
					values (?, 'Campagne à l''échelle', ?, ?, ?, ?, ?, ?, '{COMMUNE}', '{COMMUNE}', now())""")
					.params(campaign, Timestamp.from(opens.minus(Duration.ofDays(60))),
							Timestamp.from(opens.minus(Duration.ofDays(30))), Timestamp.from(opens),
							Timestamp.from(opens.plus(Duration.ofDays(30))),
							java.sql.Date.valueOf(java.time.LocalDate.ofInstant(opens.plus(Duration.ofDays(35)), java.time.ZoneOffset.UTC)),
							java.sql.Date.valueOf(java.time.LocalDate.ofInstant(opens.plus(Duration.ofDays(90)), java.time.ZoneOffset.UTC)))
					.update();

			long start = System.nanoTime();
			int queued = calendar.openings(opens);
			var elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(queued).isGreaterThanOrEqualTo(PEOPLE);
			assertThat(elapsed).as("queued in %s", elapsed).isLessThan(Duration.ofSeconds(30));
			assertThat(jdbc.sql("""
					select count(*) from notifications.outbox o join notifications.message m on m.id = o.message_id
					where m.notification_key like ? and o.recipient_key like ? and not o.to_send and o.sent_at is null""")
					.params("supports-open:" + campaign + ":%", prefix + "%").query(Long.class).single())
					.as("kept, not sent").isEqualTo(PEOPLE);
			assertThat(calendar.openings(opens)).as("once").isZero();
		}
		finally {
			jdbc.sql("""
					delete from notifications.outbox where message_id in
					  (select id from notifications.message where notification_key like ?)""")
					.param("%:" + campaign + ":%").update();
			jdbc.sql("delete from notifications.message where notification_key like ?").param("%:" + campaign + ":%").update();
			jdbc.sql("delete from notifications.recipient where recipient_key like ?").param(prefix + "%").update();
			jdbc.sql("delete from notifications.campaign where id = ?").param(campaign).update();
		}
	}
}
