package cocon.curation;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.Refusal;

/** Curation's copy of the campaigns (themes, support window), kept up to date from governance's events. */
@Repository
class Campaigns {

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Upsert; a calendar older than the one held never replaces it (events may arrive late or twice). */
	void scheduled(CampaignId id, String title, List<String> themes, CampaignCalendar calendar, Instant asOf) {
		jdbc.sql("""
				insert into curation.campaigns (id, title, themes, supports_opens, supports_closes, calendar_as_of)
				values (:id, :title, :themes, :opens, :closes, :asOf)
				on conflict (id) do update set title = excluded.title, themes = excluded.themes,
				    supports_opens = case when excluded.calendar_as_of >= campaigns.calendar_as_of
				                          then excluded.supports_opens else campaigns.supports_opens end,
				    supports_closes = case when excluded.calendar_as_of >= campaigns.calendar_as_of
				                           then excluded.supports_closes else campaigns.supports_closes end,
				    calendar_as_of = greatest(excluded.calendar_as_of, campaigns.calendar_as_of)""")
				.param("id", id.id()).param("title", title == null ? "" : title)
				.param("themes", themes == null ? new String[0] : themes.toArray(String[]::new))
				.param("opens", Timestamp.from(calendar.supports().opens()))
				.param("closes", Timestamp.from(calendar.supports().closes())).param("asOf", Timestamp.from(asOf))
				.update();
	}

	/** Whether the campaign publishes the texts of its contributions as open data (ADR 0017). */
	void contributionTextsPublic(CampaignId id, boolean published) {
		jdbc.sql("update curation.campaigns set contribution_texts_public = ? where id = ?").params(published, id.id())
				.update();
	}

	void calendarChanged(CampaignId id, CampaignCalendar calendar, Instant asOf) {
		jdbc.sql("""
				insert into curation.campaigns (id, supports_opens, supports_closes, calendar_as_of)
				values (:id, :opens, :closes, :asOf)
				on conflict (id) do update set supports_opens = excluded.supports_opens,
				    supports_closes = excluded.supports_closes, calendar_as_of = excluded.calendar_as_of
				where excluded.calendar_as_of >= campaigns.calendar_as_of""")
				.param("id", id.id()).param("opens", Timestamp.from(calendar.supports().opens()))
				.param("closes", Timestamp.from(calendar.supports().closes())).param("asOf", Timestamp.from(asOf))
				.update();
	}

	Optional<CampaignCopy> findById(CampaignId id) {
		return jdbc.sql("select * from curation.campaigns where id = ?").param(id.id())
				.query((rs, row) -> new CampaignCopy(new CampaignId(rs.getObject("id", UUID.class)), rs.getString("title"),
						themes(rs.getArray("themes")), Proposals.instant(rs, "supports_opens"),
						Proposals.instant(rs, "supports_closes")))
				.optional();
	}

	CampaignCopy get(CampaignId id) {
		return findById(id).orElseThrow(() -> new Refusal.NotFound("Campagne inconnue : " + id + "."));
	}

	private static List<String> themes(Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
