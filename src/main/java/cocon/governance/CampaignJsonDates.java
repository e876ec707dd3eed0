package cocon.governance;

import java.time.OffsetDateTime;

import cocon.shared.Window;

/** Instants as the API shows them: ISO offset date-times in Europe/Paris. */
final class CampaignJsonDates {

	private CampaignJsonDates() {
	}

	static String paris(OffsetDateTime stored) {
		return CalendarJson.format(stored.toInstant());
	}
}
