package cocon.voting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.shared.directory.Directory;

/**
 * The public read side: counts, ranking with breakdowns, supporters and supports over time. Counts come from the
 * running tally (a few rows per proposal), never from counting the supports.
 */
@Component
class Standings {

	record ProposalCount(UUID id, String title, String theme, long supportCount) {
	}

	record RegionCount(String code, String name, long supportCount) {
	}

	record Ranked(int rank, UUID id, String title, String theme, long supportCount, long populationCovered,
			Map<CollectiviteKind, Long> byKind, List<RegionCount> byRegion) {
	}

	record Supporter(String siren, String name, CollectiviteKind kind, String departement, Instant supportedAt) {
	}

	record SupportersPage(List<Supporter> content, int page, int size, long totalElements, int totalPages) {
	}

	record DailyCount(LocalDate date, long supports, long cumulative) {
	}

	record CampaignSummary(UUID id, String title, Window supports) {
	}

	record ProposalSummary(UUID id, UUID campaignId, String title, String theme, long supportCount) {
	}

	/** A proposal as the collectivité sees it on its own page. */
	record OwnView(UUID proposalId, String title, String theme, UUID campaignId, String campaignTitle, Window supports,
			long supportCount, Instant supportedAt, String supportedBy) {

		public boolean supported() {
			return supportedAt != null;
		}
	}

	private final JdbcClient jdbc;
	private final ObjectProvider<Directory> directory;
	private final StandingsCache cache;
	// names of régions and départements are reference data: asked once, not once per row of every ranking
	private final Map<String, String> regionNames = new ConcurrentHashMap<>();
	private final Map<String, String> departementNames = new ConcurrentHashMap<>();

	Standings(JdbcClient jdbc, ObjectProvider<Directory> directory, StandingsCache cache) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.cache = cache;
	}

	Optional<CampaignSummary> campaign(CampaignId id) {
		return jdbc.sql("select id, title, supports_open, supports_close from voting.campaign where id = ?")
				.param(id.id())
				.query((rs, n) -> new CampaignSummary(rs.getObject("id", UUID.class), rs.getString("title"),
						new Window(Supports.instant(rs, "supports_open"),
								Supports.instant(rs, "supports_close"))))
				.optional();
	}

	/** Whether voting knows the campaign or any of its proposals. */
	boolean knows(CampaignId id) {
		return jdbc.sql("""
				select exists (select 1 from voting.campaign where id = :id)
				    or exists (select 1 from voting.proposal where campaign_id = :id)""")
				.param("id", id.id())
				.query(Boolean.class)
				.single();
	}

	Optional<ProposalSummary> proposal(ProposalId id) {
		return jdbc.sql("""
				select p.id, p.campaign_id, p.title, p.theme,
				       coalesce((select sum(t.support_count) from voting.tally t where t.proposal_id = p.id), 0) as supports
				from voting.proposal p where p.id = ? and p.merged_into is null""")
				.param(id.id())
				.query((rs, n) -> new ProposalSummary(rs.getObject("id", UUID.class),
						rs.getObject("campaign_id", UUID.class), rs.getString("title"), rs.getString("theme"),
						rs.getLong("supports")))
				.optional();
	}

	/**
	 * The published proposals of the campaign, by title, with their number of supports: one pass over the campaign's
	 * tally rows (a few per proposal) rather than one sub-query per proposal, which read ~60 scattered pages each.
	 */
	List<ProposalCount> proposals(CampaignId id) {
		return cache.get("proposals", id.id(), () -> List.copyOf(countProposals(id)));
	}

	private List<ProposalCount> countProposals(CampaignId id) {
		return jdbc.sql("""
				select p.id, p.title, p.theme, coalesce(sum(t.support_count), 0) as supports
				from voting.proposal p left join voting.tally t on t.proposal_id = p.id
				where p.campaign_id = ? and p.merged_into is null
				group by p.id, p.title, p.theme
				order by p.title, p.id""")
				.param(id.id())
				.query((rs, n) -> new ProposalCount(rs.getObject("id", UUID.class), rs.getString("title"),
						rs.getString("theme"), rs.getLong("supports")))
				.list();
	}

	/** Every published proposal by number of supports, highest first, with breakdowns; ties share a rank. */
	List<Ranked> ranking(CampaignId id) {
		return cache.get("ranking", id.id(), () -> List.copyOf(rank(id)));
	}

	private List<Ranked> rank(CampaignId id) {
		var builders = new LinkedHashMap<UUID, RankingRow>();
		jdbc.sql("""
				select p.id, p.title, p.theme, t.kind, t.region,
				       sum(t.support_count) as supports, sum(t.population) as population
				from voting.proposal p left join voting.tally t on t.proposal_id = p.id
				where p.campaign_id = ? and p.merged_into is null
				group by p.id, p.title, p.theme, t.kind, t.region""")
				.param(id.id())
				.query(rs -> {
					var key = rs.getObject("id", UUID.class);
					var row = builders.get(key);
					if (row == null) {
						row = new RankingRow(key, rs.getString("title"), rs.getString("theme"));
						builders.put(key, row);
					}
					long supports = rs.getLong("supports");
					if (rs.getString("kind") != null && supports > 0) {
						row.supportCount += supports;
						row.population += rs.getLong("population");
						row.byKind.merge(CollectiviteKind.valueOf(rs.getString("kind")), supports, Long::sum);
						row.byRegion.merge(rs.getString("region"), supports, Long::sum);
					}
				});
		var rows = new ArrayList<>(builders.values());
		rows.sort(Comparator.comparingLong((RankingRow r) -> r.supportCount).reversed()
				.thenComparing(r -> r.title == null ? "" : r.title));
		var ranked = new ArrayList<Ranked>(rows.size());
		int rank = 0;
		long previous = -1;
		for (int i = 0; i < rows.size(); i++) {
			var row = rows.get(i);
			if (row.supportCount != previous) {
				rank = i + 1;
				previous = row.supportCount;
			}
			var regions = row.byRegion.entrySet().stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
					.map(e -> new RegionCount(e.getKey().isEmpty() ? null : e.getKey(), regionName(e.getKey()), e.getValue()))
					.toList();
			ranked.add(new Ranked(rank, row.id, row.title, row.theme, row.supportCount, row.population,
					Map.copyOf(row.byKind), regions));
		}
		return ranked;
	}

	/** The collectivités supporting the proposal, earliest first. */
	SupportersPage supporters(ProposalId id, long total, int page, int size) {
		var content = jdbc.sql("""
				select siren, name, kind, departement, supported_at from voting.support
				where proposal_id = ? order by supported_at, siren limit ? offset ?""")
				.params(id.id(), size, (long) page * size)
				.query((rs, n) -> new Supporter(rs.getString("siren"), rs.getString("name"),
						CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("departement"),
						Supports.instant(rs, "supported_at")))
				.list();
		return new SupportersPage(content, page, size, total, (int) ((total + size - 1) / size));
	}

	/** Supports given each day of the window (Europe/Paris days), with the running total. */
	List<DailyCount> overTime(CampaignId id, Window window, Instant now) {
		var perDay = new TreeMap<LocalDate, Long>();
		jdbc.sql("""
				select (supported_at at time zone 'Europe/Paris')::date as day, count(*) as supports
				from voting.support where campaign_id = ? group by 1 order by 1""")
				.param(id.id())
				.query(rs -> {
					perDay.put(rs.getObject("day", LocalDate.class), rs.getLong("supports"));
				});
		if (window != null) {
			var last = window.isOver(now) ? window.closesInParis().toLocalDate()
					: now.atZone(Window.PARIS).toLocalDate();
			for (var day = window.opensInParis().toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
				perDay.putIfAbsent(day, 0L);
			}
		}
		var days = new ArrayList<DailyCount>(perDay.size());
		long cumulative = 0;
		for (var entry : perDay.entrySet()) {
			cumulative += entry.getValue();
			days.add(new DailyCount(entry.getKey(), entry.getValue(), cumulative));
		}
		return days;
	}

	/** How many collectivités of a place support at least one proposal of the campaign. */
	record PlaceCount(String code, String name, long collectivites) {
	}

	/**
	 * The collectivités supporting at least one proposal of the campaign, by département (communes and départements;
	 * régions and collectivités à statut particulier have none), most first.
	 */
	List<PlaceCount> supportersByDepartement(CampaignId id) {
		return jdbc.sql("""
				select departement, count(distinct siren) as collectivites from voting.support
				where campaign_id = ? and departement is not null and departement <> ''
				group by departement order by collectivites desc, departement""")
				.param(id.id())
				.query((rs, n) -> new PlaceCount(rs.getString("departement"), departementName(rs.getString("departement")),
						rs.getLong("collectivites")))
				.list();
	}

	/** The collectivités supporting at least one proposal of the campaign, by région, most first. */
	List<PlaceCount> supportersByRegion(CampaignId id) {
		return jdbc.sql("""
				select region, count(distinct siren) as collectivites from voting.support
				where campaign_id = ? group by region order by collectivites desc, region""")
				.param(id.id())
				.query((rs, n) -> new PlaceCount(rs.getString("region"), regionName(rs.getString("region")),
						rs.getLong("collectivites")))
				.list();
	}

	/** How many distinct collectivités support at least one proposal of the campaign. */
	long supportingCollectivites(CampaignId id) {
		return jdbc.sql("select count(distinct siren) from voting.support where campaign_id = ?").param(id.id())
				.query(Long.class).single();
	}

	/** Every published proposal of the campaigns, with whether the collectivité supports it. */
	List<OwnView> ownView(Siren siren) {
		return jdbc.sql("""
				select p.id, p.title, p.theme, c.id as campaign_id, c.title as campaign_title, c.supports_open,
				       c.supports_close, s.supported_at, s.supported_by,
				       coalesce((select sum(t.support_count) from voting.tally t where t.proposal_id = p.id), 0) as supports
				from voting.proposal p
				join voting.campaign c on c.id = p.campaign_id
				left join voting.support s on s.proposal_id = p.id and s.siren = ?
				where p.merged_into is null
				order by c.supports_close desc, c.id, p.title, p.id""")
				.param(siren.value())
				.query((rs, n) -> new OwnView(rs.getObject("id", UUID.class), rs.getString("title"),
						rs.getString("theme"), rs.getObject("campaign_id", UUID.class), rs.getString("campaign_title"),
						new Window(Supports.instant(rs, "supports_open"),
								Supports.instant(rs, "supports_close")),
						rs.getLong("supports"), Supports.instant(rs, "supported_at"),
						rs.getString("supported_by")))
				.list();
	}

	public String regionName(String code) {
		return code == null || code.isEmpty() ? "Sans région" : placeName(regionNames, code, Directory::regionName);
	}

	public String departementName(String code) {
		return code == null || code.isEmpty() ? "" : placeName(departementNames, code, Directory::departementName);
	}

	/** The name the directory gives a code, kept once read; the code itself if the directory is absent or knows none. */
	private String placeName(Map<String, String> known, String code,
			BiFunction<Directory, String, Optional<String>> lookup) {
		return known.computeIfAbsent(code, key -> {
			var names = directory.getIfAvailable();
			return names == null ? key : lookup.apply(names, key).orElse(key);
		});
	}

	private static final class RankingRow {

		final UUID id;
		final String title;
		final String theme;
		long supportCount;
		long population;
		final Map<CollectiviteKind, Long> byKind = new EnumMap<>(CollectiviteKind.class);
		final Map<String, Long> byRegion = new TreeMap<>();

		RankingRow(UUID id, String title, String theme) {
			this.id = id;
			this.title = title;
			this.theme = theme;
		}
	}
}
