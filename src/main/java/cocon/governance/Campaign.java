package cocon.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.governance.events.CampaignSnapshot;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;
import cocon.shared.RegisteredEvents;

/**
 * A campaign: a consultation with its envelope, the kinds of collectivité that may support proposals and join
 * working groups, its themes and its calendar. The phase shown to users is derived from the calendar and the
 * clock, never stored.
 */
class Campaign implements AggregateRoot<Campaign, CampaignId> {

	/** By default only collectivités territoriales support (the 2021 rule: no EPCI). */
	static final Set<CollectiviteKind> DEFAULT_SUPPORT_KINDS = EnumSet.of(CollectiviteKind.COMMUNE,
			CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION, CollectiviteKind.COLLECTIVITE_PARTICULIERE);

	/** Groupements could join the working groups in 2021. */
	static final Set<CollectiviteKind> DEFAULT_WORKING_GROUP_KINDS = EnumSet.of(CollectiviteKind.COMMUNE,
			CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION, CollectiviteKind.COLLECTIVITE_PARTICULIERE,
			CollectiviteKind.EPCI);

	private final CampaignId id;
	private final String title;
	private final String description;
	private final Euros envelope;
	private final List<String> themes;
	private final Set<CollectiviteKind> supportKinds;
	private final Set<CollectiviteKind> workingGroupKinds;
	private CampaignCalendar calendar;
	private final Integer targetShortlistSize;
	private final String createdBy;
	private final Instant createdAt;
	/** Whether the texts of contributions are published as open data (off by default). */
	private final boolean contributionTextsPublic;
	/** Registered by the methods below, published by {@link Campaigns} when it stores the change. */
	private final transient RegisteredEvents events = new RegisteredEvents();

	Campaign(CampaignId id, String title, String description, Euros envelope, List<String> themes,
			Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar,
			Integer targetShortlistSize, String createdBy, Instant createdAt) {
		this(id, title, description, envelope, themes, supportKinds, workingGroupKinds, calendar, targetShortlistSize,
				createdBy, createdAt, false);
	}

	Campaign(CampaignId id, String title, String description, Euros envelope, List<String> themes,
			Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar,
			Integer targetShortlistSize, String createdBy, Instant createdAt, boolean contributionTextsPublic) {
		if (id == null || envelope == null || calendar == null) {
			throw new IllegalArgumentException("Une campagne a un identifiant, une enveloppe et un calendrier.");
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("Une campagne a un titre.");
		}
		this.id = id;
		this.title = title.strip();
		this.description = description == null ? "" : description.strip();
		this.envelope = envelope;
		this.themes = List.copyOf(checkedThemes(themes));
		this.supportKinds = kinds(supportKinds, DEFAULT_SUPPORT_KINDS);
		this.workingGroupKinds = kinds(workingGroupKinds, DEFAULT_WORKING_GROUP_KINDS);
		if (targetShortlistSize != null && targetShortlistSize <= 0) {
			throw new IllegalArgumentException("Le nombre visé de propositions présélectionnées doit être positif.");
		}
		this.calendar = calendar;
		this.targetShortlistSize = targetShortlistSize;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.contributionTextsPublic = contributionTextsPublic;
	}

	/** Schedules a new campaign; the event tells every module what it needs to keep its own copy. */
	static Campaign schedule(String title, String description, Euros envelope, List<String> themes,
			Set<CollectiviteKind> supportKinds, Set<CollectiviteKind> workingGroupKinds, CampaignCalendar calendar,
			Integer targetShortlistSize, String createdBy, Instant now, boolean contributionTextsPublic) {
		var campaign = new Campaign(CampaignId.random(), title, description, envelope, themes, supportKinds,
				workingGroupKinds, calendar, targetShortlistSize, createdBy, now, contributionTextsPublic);
		campaign.events.register(campaign.scheduled());
		return campaign;
	}

	CampaignScheduled scheduled() {
		return new CampaignScheduled(snapshot(createdAt));
	}

	/** The whole campaign as it stands, as of the given instant: what the events carry to every module's copy. */
	CampaignSnapshot snapshot(Instant asOf) {
		return new CampaignSnapshot(id, title, themes, supportKinds, workingGroupKinds, calendar, envelope.amount(),
				contributionTextsPublic, asOf);
	}

	/** Replaces the calendar (a window extended or closed early), keeping the change for the audit trail. */
	CalendarChange changeCalendar(CampaignCalendar newCalendar, String changedBy, Instant now) {
		if (newCalendar == null) {
			throw new IllegalArgumentException("Le nouveau calendrier est obligatoire.");
		}
		var before = calendar;
		this.calendar = newCalendar;
		var change = new CalendarChange(before, snapshot(now), changedBy);
		events.register(change.event());
		return change;
	}

	/** The events registered and not yet published. */
	RegisteredEvents events() {
		return events;
	}

	CampaignCalendar.Phase phaseAt(Instant now) {
		return calendar.phaseAt(now);
	}

	private static List<String> checkedThemes(List<String> themes) {
		if (themes == null || themes.isEmpty()) {
			throw new IllegalArgumentException("Une campagne propose au moins un thème.");
		}
		var seen = new HashSet<String>();
		var result = new ArrayList<String>();
		for (var theme : themes) {
			if (theme == null || theme.isBlank()) {
				throw new IllegalArgumentException("Un thème ne peut pas être vide.");
			}
			var stripped = theme.strip();
			if (!seen.add(stripped.toLowerCase(Locale.FRENCH))) {
				throw new IllegalArgumentException("Le thème « " + stripped + " » figure deux fois.");
			}
			result.add(stripped);
		}
		return result;
	}

	private static Set<CollectiviteKind> kinds(Collection<CollectiviteKind> kinds, Set<CollectiviteKind> defaults) {
		return kinds == null || kinds.isEmpty() ? EnumSet.copyOf(defaults) : EnumSet.copyOf(kinds);
	}

	@Override
	public CampaignId getId() {
		return id;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	Euros envelope() {
		return envelope;
	}

	List<String> themes() {
		return themes;
	}

	Set<CollectiviteKind> supportKinds() {
		return supportKinds;
	}

	Set<CollectiviteKind> workingGroupKinds() {
		return workingGroupKinds;
	}

	CampaignCalendar calendar() {
		return calendar;
	}

	Integer targetShortlistSize() {
		return targetShortlistSize;
	}

	String createdBy() {
		return createdBy;
	}

	Instant createdAt() {
		return createdAt;
	}

	boolean contributionTextsPublic() {
		return contributionTextsPublic;
	}

	/**
	 * A change of calendar, kept for the audit trail, and the event announcing it: the whole campaign after the
	 * change, as of the change.
	 */
	record CalendarChange(CampaignCalendar oldCalendar, CampaignSnapshot after, String changedBy) {

		CampaignId campaignId() {
			return after.id();
		}

		CampaignCalendar newCalendar() {
			return after.calendar();
		}

		Instant changedAt() {
			return after.asOf();
		}

		CalendarChanged event() {
			return new CalendarChanged(after, changedBy);
		}
	}
}
