package cocon.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cocon.demo.Consultation2021;
import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.governance.events.CampaignSnapshot;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Window;

/**
 * The 2021 campaign « Coconstruction de services numériques », the one test fixture of a campaign: its calendar, read
 * from the story the demonstration replays ({@link Consultation2021}: contributions 25 January – 15 March, supports
 * 1 – 30 April, shortlist on 3 May, referent applications 4 May – 11 June, funding on 5 July 2021, Paris time), and
 * the governance events announcing it, as a value whose {@code with…} methods give a variant (another id, themes,
 * kinds, calendar). Every module test builds its campaign from here. Its themes are the fixtures' short list, which
 * the module tests name; the story's own themes are {@code Consultation2021.story().themes()}.
 */
public record Campaign2021(CampaignId id, String title, List<String> themes, Set<CollectiviteKind> supportKinds,
		Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar, boolean contributionTextsPublic,
		Instant scheduledAt) {

	/** The title and the 13 themes of 2021, as the story tells them (src/main/resources/demo/consultation-2021.json). */
	public static final String TITLE = Consultation2021.story().title();

	public static final List<String> THEMES = Consultation2021.story().themes();

	private static final Consultation2021.Calendar STORY = Consultation2021.story().calendar();

	public static final Window CONTRIBUTIONS = inParis(STORY.contributions());

	public static final Window SUPPORTS = inParis(STORY.supports());

	public static final Window REFERENT_APPLICATIONS = inParis(STORY.referentApplications());

	public static final LocalDate SHORTLIST_DAY = STORY.shortlistDecision();

	public static final LocalDate FUNDING_DAY = STORY.fundingDecision();

	public static final CampaignCalendar CALENDAR = new CampaignCalendar(CONTRIBUTIONS, SUPPORTS, REFERENT_APPLICATIONS,
			SHORTLIST_DAY, FUNDING_DAY);

	/** When governance scheduled it. */
	public static final Instant SCHEDULED_AT = Instant.parse("2021-01-10T09:00:00Z");

	public static final long ENVELOPE_EUROS = Consultation2021.story().figures().envelopeEuros();

	/** Collectivités territoriales: who supports in 2021. */
	public static final Set<CollectiviteKind> COLLECTIVITES_TERRITORIALES = Set.copyOf(EnumSet.of(
			CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION,
			CollectiviteKind.COLLECTIVITE_PARTICULIERE));

	private static Window inParis(Consultation2021.Span span) {
		var paris = java.time.ZoneId.of("Europe/Paris");
		return new Window(span.opens().atZone(paris).toInstant(), span.closes().atZone(paris).toInstant());
	}

	public Campaign2021 {
		themes = List.copyOf(themes);
		supportKinds = Set.copyOf(supportKinds);
		workingGroupKinds = Set.copyOf(workingGroupKinds);
	}

	/** The 2021 campaign under a fresh identifier (each test its own campaign in the shared database). */
	public static Campaign2021 campaign() {
		return new Campaign2021(CampaignId.random(), TITLE, THEMES, COLLECTIVITES_TERRITORIALES,
				Set.of(CollectiviteKind.values()), CALENDAR, false, SCHEDULED_AT);
	}

	public Campaign2021 withId(CampaignId newId) {
		return new Campaign2021(newId, title, themes, supportKinds, workingGroupKinds, calendar, contributionTextsPublic,
				scheduledAt);
	}

	public Campaign2021 withTitle(String newTitle) {
		return new Campaign2021(id, newTitle, themes, supportKinds, workingGroupKinds, calendar, contributionTextsPublic,
				scheduledAt);
	}

	public Campaign2021 withThemes(List<String> newThemes) {
		return new Campaign2021(id, title, newThemes, supportKinds, workingGroupKinds, calendar, contributionTextsPublic,
				scheduledAt);
	}

	public Campaign2021 withSupportKinds(Set<CollectiviteKind> kinds) {
		return new Campaign2021(id, title, themes, kinds, workingGroupKinds, calendar, contributionTextsPublic,
				scheduledAt);
	}

	public Campaign2021 withWorkingGroupKinds(Set<CollectiviteKind> kinds) {
		return new Campaign2021(id, title, themes, supportKinds, kinds, calendar, contributionTextsPublic, scheduledAt);
	}

	public Campaign2021 withCalendar(CampaignCalendar newCalendar) {
		return new Campaign2021(id, title, themes, supportKinds, workingGroupKinds, newCalendar, contributionTextsPublic,
				scheduledAt);
	}

	public Campaign2021 withContributions(Window contributions) {
		return withCalendar(new CampaignCalendar(contributions, calendar.supports(), calendar.referentApplications(),
				calendar.shortlistDecision(), calendar.fundingDecision()));
	}

	public Campaign2021 withSupports(Window supports) {
		return withCalendar(new CampaignCalendar(calendar.contributions(), supports, calendar.referentApplications(),
				calendar.shortlistDecision(), calendar.fundingDecision()));
	}

	public Campaign2021 withReferentApplications(Window applications) {
		return withCalendar(new CampaignCalendar(calendar.contributions(), calendar.supports(), applications,
				calendar.shortlistDecision(), calendar.fundingDecision()));
	}

	public Campaign2021 withScheduledAt(Instant instant) {
		return new Campaign2021(id, title, themes, supportKinds, workingGroupKinds, calendar, contributionTextsPublic,
				instant);
	}

	/** The campaign as governance's events carry it, as of the given instant. */
	public CampaignSnapshot snapshot(Instant asOf) {
		return new CampaignSnapshot(id, title, themes, supportKinds, workingGroupKinds, calendar, ENVELOPE_EUROS,
				contributionTextsPublic, asOf);
	}

	/** The event governance publishes when it schedules this campaign. */
	public CampaignScheduled scheduled() {
		return new CampaignScheduled(snapshot(scheduledAt));
	}

	/** The event governance publishes when an administrator gives this campaign the calendar {@code newCalendar}. */
	public CalendarChanged calendarChanged(CampaignCalendar newCalendar, Instant changedAt) {
		return new CalendarChanged(withCalendar(newCalendar).snapshot(changedAt), "admin");
	}

	/** {@link #calendarChanged} with the supports window closing at {@code closes} instead. */
	public CalendarChanged supportsUntil(Instant closes, Instant changedAt) {
		return calendarChanged(withSupports(new Window(calendar.supports().opens(), closes)).calendar(), changedAt);
	}

	/** When the older of the two calendar changes of {@link #deliveredOutOfOrder()} was decided. */
	public static final Instant OLDER_CHANGE = Instant.parse("2021-02-01T09:00:00Z");

	/** When the newer of the two calendar changes of {@link #deliveredOutOfOrder()} was decided. */
	public static final Instant NEWER_CHANGE = Instant.parse("2021-03-01T09:00:00Z");

	/**
	 * The calendar with every window closing {@code days} (at most 2) days later: contributions, supports (still
	 * before the shortlist day) and referent applications.
	 */
	public CampaignCalendar extendedBy(int days) {
		if (days < 0 || days > 2) {
			throw new IllegalArgumentException("De 0 à 2 jours : les soutiens se closent avant le jour de la présélection.");
		}
		var more = java.time.Duration.ofDays(days);
		return new CampaignCalendar(longer(calendar.contributions(), more), longer(calendar.supports(), more),
				longer(calendar.referentApplications(), more), calendar.shortlistDecision(), calendar.fundingDecision());
	}

	private static Window longer(Window window, java.time.Duration more) {
		return new Window(window.opens(), window.closes().plus(more));
	}

	/**
	 * The calendar a module must end with after {@link #deliveredOutOfOrder()}: the newer change, every window two
	 * days longer.
	 */
	public CampaignCalendar newestCalendar() {
		return extendedBy(2);
	}

	/**
	 * Governance's events of this campaign in the worst order: the newer calendar change (every window two days
	 * longer, as of {@link #NEWER_CHANGE}) before the scheduling, then an older change (one day longer, as of
	 * {@link #OLDER_CHANGE}) after the newer one. Whatever the order, the copy ends as {@link #newestCalendar()}.
	 */
	public List<Object> deliveredOutOfOrder() {
		return List.of(calendarChanged(extendedBy(2), NEWER_CHANGE), scheduled(),
				calendarChanged(extendedBy(1), OLDER_CHANGE));
	}

	private static final java.time.format.DateTimeFormatter API_DATE_TIME = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	/** The 2021 calendar as the API takes it ({@code calendar} of {@code POST /api/campaigns}), Paris offsets. */
	public static String calendarJson() {
		return calendarJson(CALENDAR);
	}

	/** A calendar as the API takes it, in Paris time. */
	public static String calendarJson(CampaignCalendar calendar) {
		return """
				{"contributions": %s,
				 "supports": %s,
				 "referentApplications": %s,
				 "shortlistDecision": "%s", "fundingDecision": "%s"}""".formatted(windowJson(calendar.contributions()),
				windowJson(calendar.supports()), windowJson(calendar.referentApplications()), calendar.shortlistDecision(),
				calendar.fundingDecision());
	}

	private static final java.time.format.DateTimeFormatter FORM_DATE_TIME = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd'T'HH:mm");

	/**
	 * The 2021 calendar as the campaign pages' forms take it (the fields of {@code datetime-local} and {@code date}
	 * inputs, Paris time to the minute): a new map each call, whose fields a test may {@code set} to another value
	 * before sending it with {@code params(…)}.
	 */
	public static org.springframework.util.LinkedMultiValueMap<String, String> calendarForm() {
		var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
		form.add("contributionsOpens", FORM_DATE_TIME.format(CONTRIBUTIONS.opensInParis()));
		form.add("contributionsCloses", FORM_DATE_TIME.format(CONTRIBUTIONS.closesInParis()));
		form.add("supportsOpens", FORM_DATE_TIME.format(SUPPORTS.opensInParis()));
		form.add("supportsCloses", FORM_DATE_TIME.format(SUPPORTS.closesInParis()));
		form.add("shortlistDecision", SHORTLIST_DAY.toString());
		form.add("referentApplicationsOpens", FORM_DATE_TIME.format(REFERENT_APPLICATIONS.opensInParis()));
		form.add("referentApplicationsCloses", FORM_DATE_TIME.format(REFERENT_APPLICATIONS.closesInParis()));
		form.add("fundingDecision", FUNDING_DAY.toString());
		return form;
	}

	private static String windowJson(Window window) {
		return "{\"opens\": \"%s\", \"closes\": \"%s\"}".formatted(API_DATE_TIME.format(window.opensInParis()),
				API_DATE_TIME.format(window.closesInParis()));
	}
}
