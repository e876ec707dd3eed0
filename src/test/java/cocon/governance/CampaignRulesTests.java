package cocon.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.shared.CampaignCalendar;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;
import cocon.shared.Window;
import cocon.testing.Campaign2021;

/** The rules of a campaign and the events it registers, without Spring nor database. */
class CampaignRulesTests {

	private static final Instant SCHEDULED = Campaign2021.SCHEDULED_AT;

	private static Campaign schedule(String title, List<String> themes, Set<CollectiviteKind> supportKinds) {
		return Campaign.schedule(title, "Une consultation", Euros.of(Campaign2021.ENVELOPE_EUROS), themes, supportKinds,
				null, Campaign2021.CALENDAR, 17, "admin", SCHEDULED, false);
	}

	@Test
	void aScheduledCampaignRegistersItsWholeSnapshotOnceAndDefaultsTheKindsOf2021() {
		var campaign = schedule("  Coconstruction 2021 ", Campaign2021.THEMES, null);

		assertThat(campaign.title()).isEqualTo("Coconstruction 2021");
		assertThat(campaign.supportKinds()).isEqualTo(Campaign.DEFAULT_SUPPORT_KINDS).doesNotContain(CollectiviteKind.EPCI);
		assertThat(campaign.workingGroupKinds()).contains(CollectiviteKind.EPCI);
		var registered = campaign.events().registered();
		assertThat(registered).singleElement().isInstanceOf(CampaignScheduled.class);
		var snapshot = ((CampaignScheduled) registered.get(0)).campaign();
		assertThat(snapshot.id()).isEqualTo(campaign.getId());
		assertThat(snapshot.calendar()).isEqualTo(Campaign2021.CALENDAR);
		assertThat(snapshot.envelopeEuros()).isEqualTo(Campaign2021.ENVELOPE_EUROS);
		assertThat(snapshot.asOf()).isEqualTo(SCHEDULED);
	}

	@Test
	void aCampaignNeedsATitleAndAtLeastOneTheme() {
		assertThatThrownBy(() -> schedule(" ", Campaign2021.THEMES, null)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("titre");
		assertThatThrownBy(() -> schedule("Titre", List.of(), null)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("thème");
	}

	@Test
	void aCalendarChangeKeepsTheOldCalendarAndRegistersTheNewSnapshotAsOfTheChange() {
		var campaign = schedule("Coconstruction 2021", Campaign2021.THEMES, Set.of(CollectiviteKind.COMMUNE));
		var longer = new CampaignCalendar(Campaign2021.CONTRIBUTIONS,
				Window.of(OffsetDateTime.parse("2021-04-01T00:00:00+02:00"), OffsetDateTime.parse("2021-05-01T23:59:59+02:00")),
				Campaign2021.REFERENT_APPLICATIONS, Campaign2021.SHORTLIST_DAY, Campaign2021.FUNDING_DAY);
		var at = Instant.parse("2021-04-20T08:00:00Z");

		var change = campaign.changeCalendar(longer, "admin", at);

		assertThat(change.oldCalendar()).isEqualTo(Campaign2021.CALENDAR);
		assertThat(change.newCalendar()).isEqualTo(longer);
		assertThat(campaign.calendar()).isEqualTo(longer);
		var last = campaign.events().registered().get(campaign.events().registered().size() - 1);
		assertThat(last).isInstanceOf(CalendarChanged.class);
		var changed = (CalendarChanged) last;
		assertThat(changed.campaign().calendar()).isEqualTo(longer);
		assertThat(changed.campaign().supportKinds()).containsExactly(CollectiviteKind.COMMUNE);
		assertThat(changed.campaign().asOf()).isEqualTo(at);
		assertThatThrownBy(() -> campaign.changeCalendar(null, "admin", at)).isInstanceOf(IllegalArgumentException.class);
	}
}
