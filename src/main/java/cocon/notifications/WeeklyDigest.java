package cocon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.Timestamps;
import cocon.shared.Window;

/**
 * The weekly digest: once a week (from Monday 8 a.m., Paris, on the {@link Calendar}'s check), each person who chose to receive some kinds « in the weekly
 * digest » gets one mail listing what happened, and the mails it replaces are marked delivered by it. Written once per
 * person and week, like any notification.
 */
@Component
class WeeklyDigest {

	private final JdbcClient jdbc;
	private final Outbox outbox;

	WeeklyDigest(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/** From Monday 8 a.m. (Paris), on the calendar's check: the digests of the week not written yet. */
	int due(Instant now) {
		var time = now.atZone(Window.PARIS);
		return time.getDayOfWeek() == java.time.DayOfWeek.MONDAY && time.getHour() >= 8 ? gather(now) : 0;
	}

	/** @return how many digests were written */
	int gather(Instant now) {
		var day = LocalDate.ofInstant(now, Window.PARIS);
		var week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		int written = 0;
		for (var recipient : jdbc.sql("select distinct recipient_key from notifications.outbox where digest and sent_at is null")
				.query(String.class).list()) {
			List<String> subjects = jdbc.sql("""
					select m.subject from notifications.outbox o join notifications.message m on m.id = o.message_id
					where o.recipient_key = ? and o.digest and o.sent_at is null order by o.seq""")
					.param(recipient).query(String.class).list();
			var key = "weekly-digest:" + recipient + ":" + week;
			if (jdbc.sql("select exists (select 1 from notifications.message where notification_key = ?)").param(key)
					.query(Boolean.class).single()) {
				continue; // this week's is written: what came since waits for next week's
			}
			var lines = subjects.stream().map(subject -> "• " + subject.replaceFirst("^\\[Cocon\\] ", "")).toList();
			var mail = Mail.of("[Cocon] Votre résumé de la semaine",
					List.of("Voici ce qui s'est passé cette semaine sur Cocon :\n" + String.join("\n", lines)),
					"Retrouver tout cela dans Mon espace", outbox.link("/mon-espace"));
			if (outbox.queueTo(recipient, key, Kind.WEEKLY_DIGEST, mail)) {
				written++;
			}
			jdbc.sql("""
					update notifications.outbox set sent_at = ?, last_error = null
					where recipient_key = ? and digest and sent_at is null""")
					.params(Timestamps.column(now), recipient).update();
		}
		return written;
	}
}
