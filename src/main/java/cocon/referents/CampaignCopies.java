package cocon.referents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.NewestCopy;
import cocon.shared.Timestamps;
import cocon.shared.Window;

/** This module's copy of campaigns; a late, older snapshot never overwrites a newer one. */
@Repository
class CampaignCopies {

	private final JdbcClient jdbc;

	CampaignCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the copy of a campaign from governance's snapshot taken at {@code asOf}: idempotent, and an older snapshot
	 * never replaces a newer one (events may arrive late, twice or out of order; ADR 0018).
	 */
	void keep(CampaignRules campaign, Instant asOf) {
		NewestCopy.of(jdbc, "referents.campaign", "campaign_id", campaign.campaignId().id())
				.set("title", campaign.title())
				.set("applications_opens", campaign.applications().opens())
				.set("applications_closes", campaign.applications().closes())
				.set("working_group_kinds", campaign.workingGroupKinds().stream().map(Enum::name).sorted()
						.collect(Collectors.joining(",")))
				.write(asOf);
	}

	Optional<CampaignRules> find(CampaignId id) {
		return jdbc.sql("select * from referents.campaign where campaign_id = :id").param("id", id.id())
				.query(CampaignCopies::map).optional();
	}

	static CampaignRules map(ResultSet rs, int row) throws SQLException {
		var kinds = rs.getString("working_group_kinds");
		Set<CollectiviteKind> set = kinds == null ? null
				: Arrays.stream(kinds.split(",")).map(CollectiviteKind::valueOf)
						.collect(Collectors.toCollection(() -> EnumSet.noneOf(CollectiviteKind.class)));
		return new CampaignRules(new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"),
				new Window(Timestamps.instant(rs, "applications_opens"), Timestamps.instant(rs, "applications_closes")), set);
	}
}
