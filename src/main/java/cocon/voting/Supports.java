package cocon.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.shared.cache.BoundedCache;
import cocon.voting.Support.SupportId;
import cocon.voting.Support.Supporter;
import cocon.voting.events.SupportsRecorded;

/**
 * Stores supports with plain SQL: the unique key and {@code on conflict do nothing} make a second support of the
 * same collectivité a no-op whatever the concurrency, and the running tally is kept in the same transaction.
 */
@Repository
class Supports {

	/** A proposal open for support, with its campaign (absent when voting does not know the campaign yet). */
	record Target(VotingProposal proposal, Optional<VotingCampaign> campaign) {
	}

	/** How many proposals' targets are kept in memory before they are all forgotten. */
	private static final int TARGETS_KEPT = 10_000;

	private final JdbcClient jdbc;
	private final StandingsCache standings;
	private final BoundedCache<ProposalId, Optional<Target>> targets;

	Supports(JdbcClient jdbc, StandingsCache standings, @Value("${cocon.cache.max-age:2s}") Duration maxAge) {
		this.jdbc = jdbc;
		this.standings = standings;
		this.targets = BoundedCache.of(maxAge, TARGETS_KEPT);
	}

	/**
	 * The proposal with its campaign, as voting's copies have them, from memory: a {@link BoundedCache} (ADR 0025),
	 * so that a support does not read again, thousands of times a second, copies that change a few times a campaign.
	 * A copy changed on this instance ({@link #copiesChanged()}) is read again at once; one changed by another
	 * instance, within {@code cocon.cache.max-age}. What concurrency must not miss, a merge, the insert guards.
	 */
	Optional<Target> target(ProposalId id) {
		return targets.get(id, () -> read(id));
	}

	/** Called in the transaction that changes voting's copy of a proposal or a campaign. */
	void copiesChanged() {
		targets.changed();
	}

	/** The proposal with its campaign, read from the database now. */
	Optional<Target> read(ProposalId id) {
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
	 * Stores each support unless its collectivité already supports the proposal, all in one statement: the supports,
	 * one line of the feed that publishes them per campaign of the batch, their keys as arrays ({@link SupportFeed}:
	 * one row written and deleted per batch, not per support, ADR 0064) and their counts in the running tally. It is
	 * called for the supports that arrived together ({@link SupportBatches}); the tally rows it locks are released by
	 * the commit that follows at once.
	 * <p>
	 * The rules were checked in Java on the copies read for each request ({@link Support#give}); this statement
	 * guards only what concurrency can change meanwhile. The primary key makes a second support of the collectivité
	 * a no-op, in the same batch or not. {@code merged_into is null} refuses a support racing a merge: the merge locks
	 * {@code voting.support} before it marks the proposal, so this insert either commits before the merge moves
	 * supports, or waits and then sees the proposal merged. The window is not checked again: the instant is the
	 * request's, judged against the copy of the calendar read for it, and the close waits for the transactions in
	 * flight ({@link SupportsClosing#GRACE}). Rows are written in the order of their keys, so that two instances'
	 * batches lock the tally rows they share in the same order.
	 *
	 * @return the supports stored by this call
	 */
	List<SupportId> storeAll(List<Support> batch) {
		var size = batch.size();
		var proposals = new String[size];
		var sirens = new String[size];
		var names = new String[size];
		var kinds = new String[size];
		var departements = new String[size];
		var regions = new String[size];
		var populations = new String[size];
		var by = new String[size];
		var at = new String[size];
		for (int i = 0; i < size; i++) {
			var support = batch.get(i);
			var supporter = support.supporter();
			proposals[i] = support.getId().proposalId().id().toString();
			sirens[i] = supporter.siren().value();
			names[i] = supporter.name();
			kinds[i] = supporter.kind().name();
			departements[i] = supporter.departement();
			regions[i] = supporter.region();
			populations[i] = Long.toString(supporter.population());
			by[i] = support.supportedBy();
			at[i] = support.supportedAt().toString();
		}
		var stored = jdbc.sql("""
				with given as (
				  select * from unnest(cast(:proposals as uuid[]), :sirens, :names, :kinds, :departements, :regions,
				                       cast(:populations as bigint[]), :by, cast(:at as timestamptz[]))
				    as g(proposal_id, siren, name, kind, departement, region, population, supported_by, supported_at)
				), stored as (
				  insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                              supported_by, supported_at)
				  select p.id, g.siren, p.campaign_id, g.name, g.kind, g.departement, g.region, g.population,
				         g.supported_by, g.supported_at
				  from given g join voting.proposal p on p.id = g.proposal_id and p.merged_into is null
				  order by p.id, g.siren
				  on conflict do nothing
				  returning proposal_id, siren, campaign_id, name, kind, region, population, supported_at
				), fed as (
				  insert into voting.support_feed (campaign_id, change, proposal_ids, sirens, names, kinds, changed_ats)
				  select campaign_id, 'GIVEN', array_agg(proposal_id order by supported_at, proposal_id, siren),
				         array_agg(siren order by supported_at, proposal_id, siren),
				         array_agg(name order by supported_at, proposal_id, siren),
				         array_agg(kind order by supported_at, proposal_id, siren),
				         array_agg(supported_at order by supported_at, proposal_id, siren)
				  from stored group by campaign_id
				), counted as (
				  insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
				  select proposal_id, kind, region, (siren::int % :stripes)::smallint, count(*), sum(population)
				  from stored group by 1, 2, 3, 4 order by 1, 2, 3, 4
				  on conflict (proposal_id, kind, region, stripe) do update
				  set support_count = voting.tally.support_count + excluded.support_count,
				      population = voting.tally.population + excluded.population
				)
				select proposal_id, siren from stored""")
				.param("proposals", new SqlArrayValue("text", (Object[]) proposals))
				.param("sirens", new SqlArrayValue("text", (Object[]) sirens))
				.param("names", new SqlArrayValue("text", (Object[]) names))
				.param("kinds", new SqlArrayValue("text", (Object[]) kinds))
				.param("departements", new SqlArrayValue("text", (Object[]) departements))
				.param("regions", new SqlArrayValue("text", (Object[]) regions))
				.param("populations", new SqlArrayValue("text", (Object[]) populations))
				.param("by", new SqlArrayValue("text", (Object[]) by))
				.param("at", new SqlArrayValue("text", (Object[]) at))
				.param("stripes", Support.STRIPES)
				.query((rs, n) -> new SupportId(new ProposalId(rs.getObject("proposal_id", UUID.class)),
						Siren.of(rs.getString("siren"))))
				.list();
		if (!stored.isEmpty()) {
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
	 * the line of the feed that publishes the withdrawal ({@link SupportFeed}) and the running tally. The window was
	 * checked in Java ({@link VotingCampaign#admitWithdrawal}), once, on the copy read in this transaction.
	 *
	 * @return the support withdrawn, if there was one
	 */
	Optional<Support> remove(SupportId id, String by, Instant at) {
		var removed = jdbc.sql("""
				with gone as (
				  delete from voting.support s
				  where s.proposal_id = :proposal and s.siren = :siren
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

	/**
	 * Moves the position of the counts forward and returns it. The row stays locked until the caller's transaction
	 * ends: counts read after this call are read after those of every lower position committed (ADR 0019). The row
	 * is made again when it is missing (the demonstration's reset empties every table of the module): counts must
	 * never stop being published because a table was emptied.
	 */
	long nextCountPosition() {
		return jdbc.sql("""
				insert into voting.count_position as c (id, position) values (true, 1)
				on conflict (id) do update set position = c.position + 1 returning position""")
				.query(Long.class).single();
	}

	/** The count of each proposal, from the running tally (zero for a proposal without support). */
	List<SupportsRecorded.Count> counts(Collection<ProposalId> proposals) {
		var byKind = new LinkedHashMap<ProposalId, Map<CollectiviteKind, Integer>>();
		var population = new HashMap<ProposalId, Long>();
		proposals.forEach(id -> byKind.put(id, new EnumMap<>(CollectiviteKind.class)));
		if (proposals.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				select proposal_id, kind, sum(support_count) as supports, sum(population) as population
				from voting.tally where proposal_id = any(string_to_array(?, ',')::uuid[])
				group by proposal_id, kind having sum(support_count) > 0""")
				.param(proposals.stream().map(id -> id.id().toString()).distinct().collect(Collectors.joining(",")))
				.query(rs -> {
					var id = new ProposalId(rs.getObject("proposal_id", UUID.class));
					byKind.get(id).put(CollectiviteKind.valueOf(rs.getString("kind")), rs.getInt("supports"));
					population.merge(id, rs.getLong("population"), Long::sum);
				});
		return byKind.entrySet().stream()
				.map(e -> new SupportsRecorded.Count(e.getKey(),
						e.getValue().values().stream().mapToInt(Integer::intValue).sum(), e.getValue(),
						population.getOrDefault(e.getKey(), 0L)))
				.toList();
	}

	/**
	 * Moves the supports of the absorbed proposal to the survivor: a collectivité that supported both counts once;
	 * every moved or duplicate support is kept in the history with who merged and when (invariant 4). The tally of
	 * both proposals is counted again from the supports.
	 *
	 * @return whether this call merged them (false when the merge was already applied: a second delivery)
	 */
	boolean merge(ProposalId survivorId, ProposalId absorbedId, CampaignId campaign, String by, Instant at) {
		var survivor = survivorId.id();
		var absorbed = absorbedId.id();
		// wait for the supports being written and hold new ones until the merge commits: none is lost (the guard of
		// store(): a support that waited here sees the proposal merged)
		jdbc.sql("lock table voting.support in share row exclusive mode").update();
		var marked = jdbc.sql("""
				update voting.proposal set merged_into = :survivor, merged_by = :by, merged_at = :at
				where id = :absorbed and merged_into is null""")
				.param("survivor", survivor)
				.param("absorbed", absorbed)
				.param("by", by)
				.param("at", timestamp(at))
				.update();
		if (marked == 0 && jdbc.sql("select count(*) from voting.proposal where id = ?").param(absorbed)
				.query(Long.class).single() > 0) {
			return false; // already merged: this is a second delivery
		}
		if (marked == 0) {
			// curation merged a proposal voting never saw published: remember it as merged all the same
			jdbc.sql("""
					insert into voting.proposal (id, campaign_id, title, published_at, content_as_of, merged_into,
					                             merged_by, merged_at)
					values (:absorbed, :campaign, '', :at, :at, :survivor, :by, :at) on conflict do nothing""")
					.param("absorbed", absorbed)
					.param("campaign", campaign.id())
					.param("survivor", survivor)
					.param("by", by)
					.param("at", timestamp(at))
					.update();
		}
		jdbc.sql("""
				with moved as (
				  insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                              supported_by, supported_at)
				  select :survivor, siren, campaign_id, name, kind, departement, region, population, supported_by, supported_at
				  from voting.support where proposal_id = :absorbed
				  on conflict do nothing
				  returning siren
				)
				insert into voting.support_history (proposal_id, siren, campaign_id, name, kind, departement, region,
				    population, supported_by, supported_at, ended_by, ended_at, reason, merged_into)
				select s.proposal_id, s.siren, s.campaign_id, s.name, s.kind, s.departement, s.region, s.population,
				       s.supported_by, s.supported_at, :by, :at,
				       case when m.siren is null then 'DUPLICATE_AFTER_MERGE' else 'MOVED_BY_MERGE' end, :survivor
				from voting.support s left join moved m on m.siren = s.siren
				where s.proposal_id = :absorbed""")
				.param("survivor", survivor)
				.param("absorbed", absorbed)
				.param("by", by)
				.param("at", timestamp(at))
				.update();
		copiesChanged();
		jdbc.sql("delete from voting.support where proposal_id = ?").param(absorbed).update();
		jdbc.sql("delete from voting.tally where proposal_id in (?, ?)").params(survivor, absorbed).update();
		jdbc.sql("""
				insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
				select proposal_id, kind, region, (siren::int % :stripes)::smallint, count(*), sum(population)
				from voting.support where proposal_id = :survivor group by 1, 2, 3, 4""")
				.param("stripes", Support.STRIPES)
				.param("survivor", survivor)
				.update();
		standings.changed();
		return true;
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
