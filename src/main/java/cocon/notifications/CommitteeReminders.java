package cocon.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.FrenchDates;
import cocon.shared.Window;
import cocon.shared.identity.CommitteeAgenda;

/**
 * The committee members' reminder before each decision day of a campaign (the shortlist's, the funding's, from the
 * calendar governance publishes): the day before, from {@code cocon.notifications.committee-reminder.hour} (Paris), on
 * the {@link Calendar}'s check, each member of the current committee known to the module gets, once, what they still
 * have to assess, and the link to the committee's page. Who sits, and what each assessed, is asked of governance at
 * that instant ({@link CommitteeAgenda}, ADR 51).
 */
@Component
class CommitteeReminders {

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final ObjectProvider<CommitteeAgenda> agenda;
	private final int hour;

	CommitteeReminders(JdbcClient jdbc, Outbox outbox, ObjectProvider<CommitteeAgenda> agenda,
			@Value("${cocon.notifications.committee-reminder.hour:9}") int hour) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.agenda = agenda;
		this.hour = hour;
	}

	private record DecisionDay(UUID campaign, String title, boolean shortlist) {
	}

	/** @return how many reminders were queued now */
	int due(Instant now) {
		var today = LocalDate.ofInstant(now, Window.PARIS);
		var members = agenda.getIfAvailable();
		if (members == null || now.isBefore(today.atTime(hour, 0).atZone(Window.PARIS).toInstant())) {
			return 0;
		}
		var tomorrow = today.plusDays(1);
		var days = new ArrayList<DecisionDay>();
		jdbc.sql("""
				select id, title, shortlist_decision = :day as shortlist, funding_decision = :day as funding
				from notifications.campaign where shortlist_decision = :day or funding_decision = :day""")
				.param("day", java.sql.Date.valueOf(tomorrow))
				.query((rs, n) -> {
					var id = rs.getObject("id", UUID.class);
					if (rs.getBoolean("shortlist")) {
						days.add(new DecisionDay(id, rs.getString("title"), true));
					}
					if (rs.getBoolean("funding")) {
						days.add(new DecisionDay(id, rs.getString("title"), false));
					}
					return id;
				}).list();
		int queued = 0;
		for (var day : days) {
			for (var member : members.members(new CampaignId(day.campaign()))) {
				// one notification per member and day: the key names the member by a digest, never by name
				var key = "committee-reminder:" + day.campaign() + ":" + tomorrow + ":" + (day.shortlist() ? "shortlist" : "funding")
						+ ":" + Subscriptions.hash(member.username()).substring(0, 32);
				if (outbox.queueTo(member.username(), key, Kind.COMMITTEE_REMINDER, mail(day, tomorrow, member))) {
					queued++;
				}
			}
		}
		return queued;
	}

	private Mail mail(DecisionDay day, LocalDate date, CommitteeAgenda.Member member) {
		var decision = day.shortlist() ? "la présélection des propositions" : "le financement des projets";
		var left = member.toAssess();
		var subject = "[Cocon] Comité de « " + day.title() + " » demain : "
				+ (left == 0 ? "tout est évalué" : left + (left > 1 ? " propositions" : " proposition") + " à évaluer");
		var paragraphs = new ArrayList<String>();
		paragraphs.add("Le comité de la campagne « " + day.title() + " » décide demain, " + FrenchDates.weekday(date)
				+ ", de " + decision + ".");
		paragraphs.add(left == 0
				? "Vous avez évalué la maturité des " + member.proposals() + " propositions publiées (ou déclaré un conflit "
						+ "d'intérêts) : merci."
				: "Il vous reste " + left + (left > 1 ? " propositions" : " proposition") + " à évaluer sur "
						+ member.proposals() + " publiée" + (member.proposals() > 1 ? "s" : "")
						+ " : votre avis sur leur maturité compte dans la décision.");
		return Mail.of(subject, List.copyOf(paragraphs), "Ouvrir la page du comité",
				outbox.link("/campagnes/" + day.campaign() + "/comite"));
	}
}
