package cocon.intake;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jmolecules.ddd.annotation.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

import cocon.shared.CampaignId;
import cocon.shared.NewestCopy;
import cocon.shared.Timestamps;
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
	 * Keeps the copy of a campaign from governance's snapshot taken at {@code asOf}: idempotent, and an older snapshot
	 * never replaces a newer one (ADR 0018).
	 */
	void keep(Campaign campaign, boolean contributionTextsPublic, Instant asOf) {
		NewestCopy.of(jdbc, "intake.campaign", "id", campaign.id().id())
				.set("title", campaign.title())
				.set("themes", campaign.themes())
				.set("contributions_opens", campaign.contributions().opens())
				.set("contributions_closes", campaign.contributions().closes())
				.set("contribution_texts_public", contributionTextsPublic)
				.write(asOf);
	}

	/** Whether the campaign publishes the texts of its contributions as open data (off unless it says so). */
	boolean contributionTextsPublic(CampaignId id) {
		return jdbc.sql("select coalesce(bool_or(contribution_texts_public), false) from intake.campaign where id = ?")
				.param(id.id()).query(Boolean.class).single();
	}

	private static Campaign map(ResultSet rs, int row) throws SQLException {
		Array themes = rs.getArray("themes");
		return new Campaign(new CampaignId(rs.getObject("id", java.util.UUID.class)), rs.getString("title"),
				Arrays.asList((String[]) themes.getArray()),
				new Window(Timestamps.instant(rs, "contributions_opens"), Timestamps.instant(rs, "contributions_closes")));
	}
}
