package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cocon.shared.FrenchDates;
import cocon.shared.CampaignCalendar;
import cocon.shared.Refusal;
import cocon.shared.Window;

/** The calendar of a campaign as the pages show it: one row per window or decision day, in French, Paris time. */
final class CalendarRows {

	private CalendarRows() {
	}

	/** One change of the calendar, in French: when, who, the calendar before and after. */
	record ChangeRow(String when, String by, List<String> before, List<String> after) {

		static ChangeRow of(Campaigns.CalendarChangeView change) {
			return new ChangeRow(FrenchDates.weekdayTime(change.changedAt()), change.changedBy(),
					lines(change.oldCalendar()), lines(change.newCalendar()));
		}

		private static List<String> lines(CalendarJson json) {
			var calendar = json.toCalendar("calendar", new Refusal.Collector());
			if (calendar == null) {
				return List.of();
			}
			return CalendarRows.of(calendar, Instant.EPOCH).stream()
					.map(r -> r.label() + " : " + (r.to() == null ? r.from() : "du " + r.from() + " au " + r.to()))
					.toList();
		}
	}

	/** One line of the calendar table, in Europe/Paris time, with whether it is under way. */
	record CalendarRow(String label, String from, String to, boolean current) {
	}

	static List<CalendarRow> of(CampaignCalendar calendar, Instant now) {
		return List.of(
				window("Appel à contributions", calendar.contributions(), now),
				window("Soutiens des collectivités", calendar.supports(), now),
				day("Comité de présélection", calendar.shortlistDecision(), now),
				window("Candidatures des territoires référents", calendar.referentApplications(), now),
				day("Comité de financement", calendar.fundingDecision(), now));
	}

	private static CalendarRow window(String label, Window window, Instant now) {
		return new CalendarRow(label, FrenchDates.weekdayTime(window.opens()),
				FrenchDates.weekdayTime(window.closes()),
				window.contains(now));
	}

	private static CalendarRow day(String label, LocalDate day, Instant now) {
		return new CalendarRow(label, FrenchDates.weekday(day), null, day.equals(LocalDate.ofInstant(now, Window.PARIS)));
	}
}
