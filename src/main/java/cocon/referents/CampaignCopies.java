package cocon.referents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Window;

/** This module's copy of campaigns; a late, older calendar never overwrites a newer one. */
@Repository
class CampaignCopies {

	private final JdbcClient jdbc;

	CampaignCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void scheduled(CampaignId id, String title, Window applications, Set<CollectiviteKind> kinds, Instant asOf) {
		jdbc.sql("""
				insert into referents.campaigns (campaign_id, title, applications_opens, applications_closes, working_group_kinds, calendar_as_of)
				values (:id, :title, :opens, :closes, :kinds, :asOf)
				on conflict (campaign_id) do update set
				  title = excluded.title,
				  working_group_kinds = excluded.working_group_kinds,
				  applications_opens = case when referents.campaigns.calendar_as_of <= excluded.calendar_as_of then excluded.applications_opens else referents.campaigns.applications_opens end,
				  applications_closes = case when referents.campaigns.calendar_as_of <= excluded.calendar_as_of then excluded.applications_closes else referents.campaigns.applications_closes end,
				  calendar_as_of = greatest(referents.campaigns.calendar_as_of, excluded.calendar_as_of)
				""")
				.param("id", id.id()).param("title", title)
				.param("opens", Sql.ts(applications.opens())).param("closes", Sql.ts(applications.closes()))
				.param("kinds", kinds == null || kinds.isEmpty() ? null
						: kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
				.param("asOf", Sql.ts(asOf)).update();
	}

	void calendarChanged(CampaignId id, Window applications, Instant asOf) {
		jdbc.sql("""
				insert into referents.campaigns (campaign_id, applications_opens, applications_closes, calendar_as_of)
				values (:id, :opens, :closes, :asOf)
				on conflict (campaign_id) do update set
				  applications_opens = excluded.applications_opens,
				  applications_closes = excluded.applications_closes,
				  calendar_as_of = excluded.calendar_as_of
				where referents.campaigns.calendar_as_of <= excluded.calendar_as_of
				""")
				.param("id", id.id()).param("opens", Sql.ts(applications.opens()))
				.param("closes", Sql.ts(applications.closes())).param("asOf", Sql.ts(asOf)).update();
	}

	Optional<CampaignRules> find(CampaignId id) {
		return jdbc.sql("select * from referents.campaigns where campaign_id = :id").param("id", id.id())
				.query(CampaignCopies::map).optional();
	}

	static CampaignRules map(ResultSet rs, int row) throws SQLException {
		var kinds = rs.getString("working_group_kinds");
		Set<CollectiviteKind> set = kinds == null ? null
				: Arrays.stream(kinds.split(",")).map(CollectiviteKind::valueOf)
						.collect(Collectors.toCollection(() -> EnumSet.noneOf(CollectiviteKind.class)));
		return new CampaignRules(new CampaignId(Sql.uuid(rs, "campaign_id")), rs.getString("title"),
				new Window(Sql.instant(rs, "applications_opens"), Sql.instant(rs, "applications_closes")), set);
	}
}
