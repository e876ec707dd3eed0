package cocon.intake;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jmolecules.ddd.annotation.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

import cocon.shared.CampaignId;
import cocon.shared.Window;

/** Intake's copies of the campaigns. */
@Repository
@org.springframework.stereotype.Repository
class Campaigns {

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Campaign> find(CampaignId id) {
		return jdbc.sql("select * from intake.campaign where id = ?").param(id.id()).query(Campaigns::map).optional();
	}

	List<Campaign> all() {
		return jdbc.sql("select * from intake.campaign order by contributions_opens desc, title").query(Campaigns::map).list();
	}

	/**
	 * Creates or refreshes the copy of a campaign. Idempotent; the window is replaced only by a calendar decided at
	 * the same time or later than the one held.
	 */
	void schedule(Campaign campaign, Instant asOf) {
		jdbc.sql("""
				insert into intake.campaign (id, title, themes, contributions_opens, contributions_closes, calendar_as_of)
				values (:id, :title, :themes, :opens, :closes, :asOf)
				on conflict (id) do update set title = excluded.title, themes = excluded.themes,
				  contributions_opens = case when excluded.calendar_as_of >= intake.campaign.calendar_as_of
				    then excluded.contributions_opens else intake.campaign.contributions_opens end,
				  contributions_closes = case when excluded.calendar_as_of >= intake.campaign.calendar_as_of
				    then excluded.contributions_closes else intake.campaign.contributions_closes end,
				  calendar_as_of = greatest(excluded.calendar_as_of, intake.campaign.calendar_as_of)
				""")
				.param("id", campaign.id().id())
				.param("title", campaign.title())
				.param("themes", campaign.themes().toArray(String[]::new))
				.param("opens", Timestamp.from(campaign.contributions().opens()))
				.param("closes", Timestamp.from(campaign.contributions().closes()))
				.param("asOf", Timestamp.from(asOf))
				.update();
	}

	/** Whether the campaign publishes the texts of its contributions as open data (off unless it says so). */
	boolean contributionTextsPublic(CampaignId id) {
		return jdbc.sql("select coalesce(bool_or(contribution_texts_public), false) from intake.campaign where id = ?")
				.param(id.id()).query(Boolean.class).single();
	}

	void contributionTextsPublic(CampaignId id, boolean published) {
		jdbc.sql("update intake.campaign set contribution_texts_public = ? where id = ?").params(published, id.id())
				.update();
	}

	/** Replaces the window unless a later calendar is already held; whether the campaign is known. */
	boolean changeWindow(CampaignId id, Window contributions, Instant asOf) {
		var known = jdbc.sql("select count(*) from intake.campaign where id = ?").param(id.id()).query(Integer.class).single() > 0;
		jdbc.sql("""
				update intake.campaign set contributions_opens = :opens, contributions_closes = :closes, calendar_as_of = :asOf
				where id = :id and calendar_as_of <= :asOf
				""")
				.param("id", id.id())
				.param("opens", Timestamp.from(contributions.opens()))
				.param("closes", Timestamp.from(contributions.closes()))
				.param("asOf", Timestamp.from(asOf))
				.update();
		return known;
	}

	private static Campaign map(ResultSet rs, int row) throws SQLException {
		Array themes = rs.getArray("themes");
		return new Campaign(new CampaignId(rs.getObject("id", java.util.UUID.class)), rs.getString("title"),
				Arrays.asList((String[]) themes.getArray()),
				new Window(rs.getTimestamp("contributions_opens").toInstant(), rs.getTimestamp("contributions_closes").toInstant()));
	}
}
