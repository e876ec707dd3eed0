package cocon.governance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Euros;
import cocon.shared.Timestamps;
import cocon.shared.Window;

/** Stores campaigns and the audit trail of their calendar changes (schema {@code governance}). */
@Repository
class Campaigns {

	private static final String COLUMNS = """
			id, title, description, envelope_euros, themes, support_kinds, working_group_kinds,
			contributions_opens, contributions_closes, supports_opens, supports_closes,
			referent_applications_opens, referent_applications_closes, shortlist_decision, funding_decision,
			target_shortlist_size, created_by, created_at, contribution_texts_public""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;

	Campaigns(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/** Stores a new campaign and publishes its {@code CampaignScheduled} in the same transaction. */
	void insert(Campaign campaign) {
		var cal = campaign.calendar();
		jdbc.sql("insert into governance.campaign (" + COLUMNS + ") values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(campaign.getId().id(), campaign.title(), campaign.description(), campaign.envelope().amount(),
						campaign.themes().toArray(String[]::new), names(campaign.supportKinds()),
						names(campaign.workingGroupKinds()), Timestamps.column(cal.contributions().opens()),
						Timestamps.column(cal.contributions().closes()), Timestamps.column(cal.supports().opens()), Timestamps.column(cal.supports().closes()),
						Timestamps.column(cal.referentApplications().opens()), Timestamps.column(cal.referentApplications().closes()),
						cal.shortlistDecision(), cal.fundingDecision(), campaign.targetShortlistSize(),
						campaign.createdBy(), Timestamps.column(campaign.createdAt()), campaign.contributionTextsPublic())
				.update();
		campaign.events().publishTo(events);
	}

	/**
	 * Saves the new calendar of the campaign, keeps the change in the audit trail and publishes the campaign's
	 * {@code CalendarChanged} in the same transaction.
	 */
	void saveCalendar(Campaign campaign, Campaign.CalendarChange change) {
		var cal = change.newCalendar();
		jdbc.sql("""
				update governance.campaign set contributions_opens = ?, contributions_closes = ?,
				  supports_opens = ?, supports_closes = ?, referent_applications_opens = ?,
				  referent_applications_closes = ?, shortlist_decision = ?, funding_decision = ?
				where id = ?""")
				.params(Timestamps.column(cal.contributions().opens()), Timestamps.column(cal.contributions().closes()), Timestamps.column(cal.supports().opens()),
						Timestamps.column(cal.supports().closes()), Timestamps.column(cal.referentApplications().opens()),
						Timestamps.column(cal.referentApplications().closes()), cal.shortlistDecision(), cal.fundingDecision(),
						change.campaignId().id())
				.update();
		jdbc.sql("""
				insert into governance.calendar_change (campaign_id, changed_by, changed_at, old_calendar, new_calendar)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
				.params(change.campaignId().id(), change.changedBy(), Timestamps.column(change.changedAt()),
						json.writeValueAsString(CalendarJson.of(change.oldCalendar())),
						json.writeValueAsString(CalendarJson.of(change.newCalendar())))
				.update();
		campaign.events().publishTo(events);
	}

	Optional<Campaign> findById(CampaignId id) {
		return jdbc.sql("select " + COLUMNS + " from governance.campaign where id = ?").param(id.id())
				.query(this::campaign).optional();
	}

	/** Loads the campaign and locks its row until the end of the transaction (serialises decisions). */
	Optional<Campaign> lockById(CampaignId id) {
		return jdbc.sql("select " + COLUMNS + " from governance.campaign where id = ? for update").param(id.id())
				.query(this::campaign).optional();
	}

	List<Campaign> findAll() {
		return jdbc.sql("select " + COLUMNS + " from governance.campaign order by contributions_opens desc, title")
				.query(this::campaign).list();
	}

	List<CalendarChangeView> changesOf(CampaignId id) {
		return jdbc.sql("""
				select changed_by, changed_at, old_calendar::text as old_calendar, new_calendar::text as new_calendar
				from governance.calendar_change where campaign_id = ? order by changed_at desc, id desc""")
				.param(id.id())
				.query((rs, n) -> new CalendarChangeView(rs.getString("changed_by"),
						Timestamps.instant(rs, "changed_at"),
						json.readValue(rs.getString("old_calendar"), CalendarJson.class),
						json.readValue(rs.getString("new_calendar"), CalendarJson.class)))
				.list();
	}

	record CalendarChangeView(String changedBy, Instant changedAt, CalendarJson oldCalendar,
			CalendarJson newCalendar) {
	}

	private Campaign campaign(ResultSet rs, int row) throws SQLException {
		var calendar = new CampaignCalendar(
				new Window(Timestamps.instant(rs, "contributions_opens"), Timestamps.instant(rs, "contributions_closes")),
				new Window(Timestamps.instant(rs, "supports_opens"), Timestamps.instant(rs, "supports_closes")),
				new Window(Timestamps.instant(rs, "referent_applications_opens"), Timestamps.instant(rs, "referent_applications_closes")),
				rs.getObject("shortlist_decision", LocalDate.class), rs.getObject("funding_decision", LocalDate.class));
		return new Campaign(new CampaignId(rs.getObject("id", UUID.class)), rs.getString("title"),
				rs.getString("description"), Euros.of(rs.getLong("envelope_euros")), strings(rs.getArray("themes")),
				kinds(rs.getArray("support_kinds")), kinds(rs.getArray("working_group_kinds")), calendar,
				(Integer) rs.getObject("target_shortlist_size"), rs.getString("created_by"),
				Timestamps.instant(rs, "created_at"), rs.getBoolean("contribution_texts_public"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static Set<CollectiviteKind> kinds(Array array) throws SQLException {
		return strings(array).stream().map(CollectiviteKind::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(CollectiviteKind.class)));
	}

	private static String[] names(Collection<CollectiviteKind> kinds) {
		return kinds.stream().sorted().map(Enum::name).toArray(String[]::new);
	}
}
