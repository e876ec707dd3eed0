package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cocon.shared.CampaignCalendar.Phase;

/** The calendar of the replay keeps 2021's shape and puts every hour of today in the chosen moment's phase. */
class ReplayCalendarTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void everyHourOfTodayFallsInThePhaseOfTheChosenMoment() {
		// a winter day, the days around both daylight-saving changes, a summer day
		for (var today : new LocalDate[] { LocalDate.of(2026, 12, 1), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29),
				LocalDate.of(2026, 10, 25), LocalDate.of(2027, 7, 14) }) {
			for (var moment : Moment.values()) {
				for (int hour = 0; hour < 24; hour++) {
					var present = LocalDateTime.of(today, java.time.LocalTime.of(hour, 30)).atZone(PARIS).toInstant();
					var calendar = new Replay(null, null, moment, present).calendar();
					assertThat(calendar.phaseAt(present)).as("%s at %s", moment, present).isEqualTo(moment.phase());
				}
			}
		}
	}

	@Test
	void theShiftedCalendarKeeps2021sShapeInWholeDays() {
		var present = LocalDateTime.of(2026, 12, 1, 10, 0).atZone(PARIS).toInstant();
		var calendar = new Replay(null, null, Moment.SUPPORTS, present).calendar();
		// 16 April 2021 is today: contributions opened 81 days before, at midnight, Paris time
		assertThat(calendar.contributions().opens().atZone(PARIS).toLocalDateTime())
				.isEqualTo(LocalDateTime.of(2026, 9, 11, 0, 0));
		assertThat(calendar.supports().opens().atZone(PARIS).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(calendar.supports().closes().atZone(PARIS).toLocalDateTime())
				.isEqualTo(LocalDateTime.of(2026, 12, 15, 23, 59, 59));
		assertThat(calendar.shortlistDecision()).isEqualTo(LocalDate.of(2026, 12, 18));
		assertThat(calendar.fundingDecision()).isEqualTo(LocalDate.of(2027, 2, 19));
		assertThat(calendar.fundingDecision().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(calendar.phaseAt(present)).isEqualTo(Phase.SUPPORTS);
	}
}
