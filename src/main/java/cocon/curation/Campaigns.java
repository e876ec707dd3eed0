package cocon.curation;

import java.sql.Array;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.Timestamps;
import cocon.shared.NewestCopy;
import cocon.shared.Refusal;

/** Curation's copy of the campaigns (themes, support window), kept up to date from governance's events. */
@Repository
class Campaigns {

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the copy of a campaign from governance's snapshot taken at {@code asOf}: idempotent, and an older snapshot
	 * never replaces a newer one (events may arrive late, twice or out of order; ADR 0018).
	 */
	void keep(CampaignCopy campaign, boolean contributionTextsPublic, Instant asOf) {
		NewestCopy.of(jdbc, "curation.campaign", "id", campaign.id().id())
				.set("title", campaign.title() == null ? "" : campaign.title())
				.set("themes", campaign.themes())
				.set("supports_opens", campaign.supportsOpen())
				.set("supports_closes", campaign.supportsClose())
				.set("contribution_texts_public", contributionTextsPublic)
				.write(asOf);
	}

	Optional<CampaignCopy> findById(CampaignId id) {
		return jdbc.sql("select * from curation.campaign where id = ?").param(id.id())
				.query((rs, row) -> new CampaignCopy(new CampaignId(rs.getObject("id", UUID.class)), rs.getString("title"),
						themes(rs.getArray("themes")), Timestamps.instant(rs, "supports_opens"),
						Timestamps.instant(rs, "supports_closes")))
				.optional();
	}

	CampaignCopy get(CampaignId id) {
		return findById(id).orElseThrow(() -> new Refusal.NotFound("Campagne inconnue : " + id + "."));
	}

	private static List<String> themes(Array array) throws java.sql.SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
