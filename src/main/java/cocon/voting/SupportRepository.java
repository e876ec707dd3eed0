package cocon.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.voting.Support.SupportId;
import cocon.voting.Support.Supporter;

/**
 * Stores supports with plain SQL: the unique key and {@code on conflict do nothing} make a second support of the
 * same collectivité a no-op whatever the concurrency, and the running tally is kept in the same transaction.
 */
@Repository
class SupportRepository {

	/** A proposal open for support, with its campaign (absent when voting does not know the campaign yet). */
	record Target(VotingProposal proposal, Optional<VotingCampaign> campaign) {
	}

	private final JdbcClient jdbc;
	private final StandingsCache standings;

	SupportRepository(JdbcClient jdbc, StandingsCache standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	Optional<Target> target(ProposalId id) {
		return jdbc.sql("""
				select p.id, p.campaign_id, p.title, p.theme, p.merged_into,
				       c.id as known_campaign, c.title as campaign_title, array_to_string(c.support_kinds, ',') as kinds,
				       c.supports_open, c.supports_close
				from voting.proposal p left join voting.campaign c on c.id = p.campaign_id
				where p.id = ?""")
				.param(id.id())
				.query((rs, n) -> new Target(proposal(rs), rs.getObject("known_campaign") == null ? Optional.empty()
						: Optional.of(campaign(rs, "known_campaign", "campaign_title"))))
				.optional();
	}

	/**
	 * Stores the support unless this collectivité already supports the proposal, in one statement: the support, its
	 * line in the feed that publishes it ({@link SupportFeed}) and its count in the running tally. The statement
	 * itself checks again that the proposal is not merged and the window open, so that a support racing a merge or
	 * the close is refused; the tally row it locks is released by the commit that follows at once.
	 *
	 * @return whether a new support was stored
	 */
	boolean store(Support support) {
		var supporter = support.supporter();
		var stored = jdbc.sql("""
				with stored as (
				  insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                              supported_by, supported_at)
				  select p.id, :siren, p.campaign_id, :name, :kind, :departement, :region, :population, :by, :at
				  from voting.proposal p join voting.campaign c on c.id = p.campaign_id
				  where p.id = :proposal and p.merged_into is null and :at between c.supports_open and c.supports_close
				  on conflict do nothing
				  returning proposal_id, siren, campaign_id, name, kind, region, population, supported_at
				), fed as (
				  insert into voting.support_feed (campaign_id, proposal_id, siren, name, kind, change, changed_at)
				  select campaign_id, proposal_id, siren, name, kind, 'GIVEN', supported_at from stored
				), counted as (
				  insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
				  select proposal_id, kind, region, :stripe, 1, population from stored
				  on conflict (proposal_id, kind, region, stripe) do update
				  set support_count = voting.tally.support_count + 1, population = voting.tally.population + excluded.population
				)
				select count(*) from stored""")
				.param("proposal", support.getId().proposalId().id())
				.param("siren", supporter.siren().value())
				.param("name", supporter.name())
				.param("kind", supporter.kind().name())
				.param("departement", supporter.departement())
				.param("region", supporter.region())
				.param("population", supporter.population())
				.param("by", support.supportedBy())
				.param("at", timestamp(support.supportedAt()))
				.param("stripe", support.stripe())
				.query(Long.class).single() == 1;
		if (stored) {
			standings.changed();
		}
		return stored;
	}

	Optional<Support> find(SupportId id) {
		return jdbc.sql("select * from voting.support where proposal_id = ? and siren = ?")
				.params(id.proposalId().id(), id.siren().value())
				.query((rs, n) -> support(rs))
				.optional();
	}

	/**
	 * Withdraws the support, keeping it in the history with who withdrew it and when, in one statement: the history,
	 * the line of the feed that publishes the withdrawal ({@link SupportFeed}) and the running tally. Refused by the
	 * statement itself once the window closed.
	 *
	 * @return the support withdrawn, if there was one
	 */
	Optional<Support> remove(SupportId id, String by, Instant at) {
		var removed = jdbc.sql("""
				with gone as (
				  delete from voting.support s using voting.campaign c
				  where s.proposal_id = :proposal and s.siren = :siren and c.id = s.campaign_id and :at <= c.supports_close
				  returning s.*
				), kept as (
				  insert into voting.support_history (proposal_id, siren, campaign_id, name, kind, departement, region,
				      population, supported_by, supported_at, ended_by, ended_at, reason)
				  select proposal_id, siren, campaign_id, name, kind, departement, region, population, supported_by,
				         supported_at, :by, :at, 'WITHDRAWN'
				  from gone
				), fed as (
				  insert into voting.support_feed (campaign_id, proposal_id, siren, name, kind, change, changed_at)
				  select campaign_id, proposal_id, siren, name, kind, 'WITHDRAWN', :at from gone
				), uncounted as (
				  update voting.tally t set support_count = t.support_count - 1, population = t.population - g.population
				  from gone g
				  where t.proposal_id = g.proposal_id and t.kind = g.kind and t.region = g.region and t.stripe = :stripe
				)
				select proposal_id, siren, campaign_id, name, kind, departement, region, population, supported_by,
				       supported_at
				from gone""")
				.param("proposal", id.proposalId().id())
				.param("siren", id.siren().value())
				.param("by", by)
				.param("at", timestamp(at))
				.param("stripe", Support.stripe(id.siren()))
				.query((rs, n) -> support(rs))
				.optional();
		removed.ifPresent(support -> standings.changed());
		return removed;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static VotingProposal proposal(ResultSet rs) throws SQLException {
		var mergedInto = rs.getObject("merged_into", UUID.class);
		return new VotingProposal(new ProposalId(rs.getObject("id", UUID.class)),
				new CampaignId(rs.getObject("campaign_id", UUID.class)), rs.getString("title"), rs.getString("theme"),
				mergedInto == null ? null : new ProposalId(mergedInto));
	}

	static VotingCampaign campaign(ResultSet rs, String idColumn, String titleColumn) throws SQLException {
		return new VotingCampaign(new CampaignId(rs.getObject(idColumn, UUID.class)), rs.getString(titleColumn),
				kinds(rs.getString("kinds")),
				new Window(instant(rs, "supports_open"), instant(rs, "supports_close")));
	}

	static Set<CollectiviteKind> kinds(String joined) {
		if (joined == null || joined.isBlank()) {
			return EnumSet.noneOf(CollectiviteKind.class);
		}
		return Arrays.stream(joined.split(",")).map(CollectiviteKind::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(CollectiviteKind.class)));
	}

	static String joined(Set<CollectiviteKind> kinds) {
		return kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Support support(ResultSet rs) throws SQLException {
		var siren = Siren.of(rs.getString("siren"));
		return new Support(new SupportId(new ProposalId(rs.getObject("proposal_id", UUID.class)), siren),
				new CampaignId(rs.getObject("campaign_id", UUID.class)),
				new Supporter(siren, rs.getString("name"), CollectiviteKind.valueOf(rs.getString("kind")),
						rs.getString("departement"), rs.getString("region"), rs.getLong("population")),
				rs.getString("supported_by"), instant(rs, "supported_at"));
	}
}
