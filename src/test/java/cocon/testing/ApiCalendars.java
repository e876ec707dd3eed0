package cocon.testing;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code calendar} of a campaign as the API takes it, for the tests and the benchmark that drive a running
 * application over HTTP: contributions and supports windows as given, the shortlist two days after the supports
 * close (Paris), referent applications for twenty days after it, funding sixty days after the shortlist.
 */
public final class ApiCalendars {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private ApiCalendars() {
	}

	public static ObjectNode calendar(OffsetDateTime contributionsOpen, OffsetDateTime contributionsClose,
			OffsetDateTime supportsOpen, OffsetDateTime supportsClose) {
		var shortlist = supportsClose.atZoneSameInstant(PARIS).toLocalDate().plusDays(2);
		var referentsOpen = shortlist.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime();
		var calendar = JsonNodeFactory.instance.objectNode();
		window(calendar.putObject("contributions"), contributionsOpen, contributionsClose);
		window(calendar.putObject("supports"), supportsOpen, supportsClose);
		window(calendar.putObject("referentApplications"), referentsOpen, referentsOpen.plusDays(20));
		calendar.put("shortlistDecision", shortlist.toString());
		calendar.put("fundingDecision", shortlist.plusDays(60).toString());
		return calendar;
	}

	private static void window(ObjectNode node, OffsetDateTime opens, OffsetDateTime closes) {
		node.put("opens", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(opens));
		node.put("closes", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(closes));
	}
}
