package cocon.voting;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;

/** Voting's copy of curation's published proposals ({@code voting.proposal}); merges are {@link Supports#merge}. */
@Repository
class Proposals {

	private final JdbcClient jdbc;
	private final StandingsCache standings;
	private final Supports supports;

	Proposals(JdbcClient jdbc, StandingsCache standings, Supports supports) {
		this.jdbc = jdbc;
		this.standings = standings;
		this.supports = supports;
	}

	/** Keeps the content of the proposal as of {@code asOf}: an older content never overwrites a newer one. */
	void keep(ProposalId id, CampaignId campaign, String title, String summary, String theme, Instant asOf) {
		standings.changed();
		supports.copiesChanged();
		jdbc.sql("""
				insert into voting.proposal (id, campaign_id, title, summary, theme, published_at, content_as_of)
				values (:id, :campaign, :title, :summary, :theme, :asOf, :asOf)
				on conflict (id) do update set title = excluded.title, summary = excluded.summary,
				  theme = excluded.theme, content_as_of = excluded.content_as_of,
				  published_at = least(voting.proposal.published_at, excluded.published_at)
				where voting.proposal.content_as_of <= excluded.content_as_of""")
				.param("id", id.id())
				.param("campaign", campaign.id())
				.param("title", title)
				.param("summary", summary)
				.param("theme", theme)
				.param("asOf", Supports.timestamp(asOf))
				.update();
	}
}
