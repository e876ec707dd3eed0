package cocon.notifications;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cocon.shared.Timestamps;
import cocon.shared.wayfinding.WayfindingTexts;

/**
 * « Courriels envoyés », for staff: each notification, to how many people, how many were sent, wait or failed —
 * without anyone's address or the body of anyone's mail (issue 24).
 */
@Controller
class OutboxPages {

	private static final int PER_PAGE = 20;

	/** A notification and what became of its mails. */
	record Row(String kind, String subject, String writtenAt, long recipients, long sent, long waiting, long failing,
			long kept, long inDigest) {
	}

	private final JdbcClient jdbc;
	private final WayfindingTexts texts;

	OutboxPages(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.texts = new WayfindingTexts(messages);
	}

	@GetMapping("/admin/courriels")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'CURATOR')")
	String outbox(@RequestParam(defaultValue = "1") int page, Model model) {
		long total = jdbc.sql("select count(*) from notifications.message").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
		int current = Math.min(Math.max(page, 1), pages);
		List<Row> rows = jdbc.sql("""
				select m.kind, m.subject, m.created_at, count(o.id) as recipients,
				       count(o.sent_at) filter (where not o.digest) as sent,
				       count(*) filter (where o.to_send and o.sent_at is null and o.attempts = 0 and not o.digest) as waiting,
				       count(*) filter (where o.to_send and o.sent_at is null and o.attempts > 0) as failing,
				       count(*) filter (where not o.to_send) as kept,
				       count(*) filter (where o.digest) as in_digest
				from (select * from notifications.message order by created_at desc, id limit ? offset ?) m
				left join notifications.outbox o on o.message_id = m.id
				group by m.id, m.kind, m.subject, m.created_at
				order by m.created_at desc, m.id""")
				.params(PER_PAGE, (current - 1) * PER_PAGE)
				.query((rs, n) -> new Row(Kind.parse(rs.getString("kind")).map(Kind::label).orElse(rs.getString("kind")),
						rs.getString("subject"), texts.deadline(Timestamps.instant(rs, "created_at")),
						rs.getLong("recipients"), rs.getLong("sent"), rs.getLong("waiting"), rs.getLong("failing"),
						rs.getLong("kept"), rs.getLong("in_digest")))
				.list();
		model.addAttribute("rows", rows);
		model.addAttribute("total", total);
		model.addAttribute("totals", jdbc.sql("""
				select count(*) as mails, count(sent_at) as sent,
				       count(*) filter (where to_send and sent_at is null and attempts > 0) as failing
				from notifications.outbox""")
				.query((rs, n) -> new long[] { rs.getLong("mails"), rs.getLong("sent"), rs.getLong("failing") })
				.single());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		return "notifications/courriels";
	}
}
