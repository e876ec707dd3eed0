package cocon.curation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;

/**
 * The queue of pending contributions of a campaign, each with the most similar other contributions and proposals
 * of the same campaign: French full-text search (any shared stemmed word, ranked) blended with trigram
 * similarity of the titles, so that curators find the duplicates among hundreds of texts.
 */
@Component
@Transactional(readOnly = true)
class TriageQueue {

	static final int SIMILAR = 3;

	record Page(UUID campaignId, int page, int size, long totalElements, int totalPages, List<Item> items) {
	}

	record Item(UUID id, String title, String need, String theme, Organisation organisation, Instant submittedAt,
			List<Similar> similarContributions, List<Similar> similarProposals) {
	}

	record Organisation(String siren, String name, String kind) {
	}

	/**
	 * @param status the outcome of a similar contribution, or the status of a similar proposal
	 * @param proposalId the proposal a similar contribution is grouped into, if any
	 */
	record Similar(UUID id, String title, String status, UUID proposalId, double score) {
	}

	private record Row(UUID id, String title, String need, String theme, String organisationSiren,
			String organisationName, String organisationKind, Instant submittedAt) {
	}

	private record SimilarRow(UUID sourceId, UUID id, String title, String status, UUID proposalId, double score) {
	}

	private final JdbcClient jdbc;

	TriageQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page pending(CampaignId campaign, String theme, String siren, int page, int size) {
		var themeFilter = theme == null || theme.isBlank() ? null : theme;
		var sirenFilter = siren == null || siren.isBlank() ? null : siren.replace(" ", "");
		var total = jdbc.sql("""
				select count(*) from curation.contribution
				where campaign_id = :campaign and outcome = 'PENDING'
				  and (cast(:theme as text) is null or theme = :theme)
				  and (cast(:siren as text) is null or organisation_siren = :siren)""")
				.param("campaign", campaign.id()).param("theme", themeFilter).param("siren", sirenFilter)
				.query(Long.class).single();
		var rows = jdbc.sql("""
				select id, title, need, theme, organisation_siren, organisation_name, organisation_kind, submitted_at
				from curation.contribution
				where campaign_id = :campaign and outcome = 'PENDING'
				  and (cast(:theme as text) is null or theme = :theme)
				  and (cast(:siren as text) is null or organisation_siren = :siren)
				order by submitted_at, id limit :size offset :offset""")
				.param("campaign", campaign.id()).param("theme", themeFilter).param("siren", sirenFilter)
				.param("size", size).param("offset", (long) page * size).query(Row.class).list();
		var ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		var contributions = group(similarContributions(ids));
		var proposals = group(similarProposals(ids));
		var items = rows.stream().map(row -> new Item(row.id(), row.title(), row.need(), row.theme(),
				new Organisation(row.organisationSiren(), row.organisationName(), row.organisationKind()),
				row.submittedAt(), contributions.getOrDefault(row.id(), List.of()),
				proposals.getOrDefault(row.id(), List.of()))).toList();
		return new Page(campaign.id(), page, size, total, (int) ((total + size - 1) / size), items);
	}

	// The query of a contribution: any of its stemmed words (an OR of the lexemes of its own tsvector).
	private static final String QUERY_OF_SOURCE = """
			(select coalesce(string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | '), '')::tsquery
			   from unnest(tsvector_to_array(s.search)) l)""";

	private List<SimilarRow> similarContributions(UUID[] sources) {
		if (sources.length == 0) {
			return List.of();
		}
		return jdbc.sql("""
				select s.id as source_id, m.id, m.title, m.status, m.proposal_id, m.score
				from curation.contribution s
				cross join lateral (
				    select c.id, c.title, c.outcome as status, c.proposal_id,
				           round(cast(0.5 * public.similarity(c.title, s.title)
				                    + 0.5 * ts_rank(c.search, q.query, 32) as numeric), 3) as score
				    from curation.contribution c, (select %s as query) q
				    where c.campaign_id = s.campaign_id and c.id <> s.id
				      and (c.search @@ q.query or c.title operator(public.%%) s.title)
				    order by score desc, c.id limit %d) m
				where s.id = any(:ids)""".formatted(QUERY_OF_SOURCE, SIMILAR))
				.param("ids", sources).query(SimilarRow.class).list();
	}

	private List<SimilarRow> similarProposals(UUID[] sources) {
		if (sources.length == 0) {
			return List.of();
		}
		return jdbc.sql("""
				select s.id as source_id, m.id, m.title, m.status, null::uuid as proposal_id, m.score
				from curation.contribution s
				cross join lateral (
				    select p.id, p.title, p.status,
				           round(cast(0.5 * public.similarity(p.title, s.title)
				                    + 0.5 * ts_rank(p.search, q.query, 32) as numeric), 3) as score
				    from curation.proposal p, (select %s as query) q
				    where p.campaign_id = s.campaign_id and p.status <> 'MERGED'
				      and (p.search @@ q.query or p.title operator(public.%%) s.title)
				    order by score desc, p.id limit %d) m
				where s.id = any(:ids)""".formatted(QUERY_OF_SOURCE, SIMILAR))
				.param("ids", sources).query(SimilarRow.class).list();
	}

	private static Map<UUID, List<Similar>> group(List<SimilarRow> rows) {
		return rows.stream().collect(Collectors.groupingBy(SimilarRow::sourceId, Collectors.mapping(
				row -> new Similar(row.id(), row.title(), row.status(), row.proposalId(), row.score()),
				Collectors.toList())));
	}
}
