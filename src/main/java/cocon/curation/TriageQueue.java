package cocon.curation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;

/**
 * The triage queue of a campaign (the pending contributions, or those of another outcome), searched by words
 * without accents, by theme and by organisation; each contribution with the most similar other contributions and proposals
 * of the same campaign: French full-text search (any shared stemmed word, ranked) blended with trigram
 * similarity of the titles, so that curators find the duplicates among hundreds of texts.
 */
@Component
@Transactional(readOnly = true)
class TriageQueue {

	static final int SIMILAR = 3;

	record Page(UUID campaignId, int page, int size, long totalElements, int totalPages, List<Item> items) {
	}

	/**
	 * @param outcome where the contribution stands ({@link Outcome} name)
	 * @param proposalId the proposal it is grouped into, if any, with its title and status
	 */
	record Item(UUID id, String title, String need, String theme, Organisation organisation, Instant submittedAt,
			String outcome, UUID proposalId, String proposalTitle, String proposalStatus,
			List<Similar> similarContributions, List<Similar> similarProposals) {

		/** The proposal the « Regrouper » menu offers first: only a close one of the same theme, never a guess. */
		public UUID suggestedProposal() {
			return similarProposals.stream().filter(s -> s.closeness() == Closeness.VERY_CLOSE)
					.filter(s -> theme.equals(s.theme())).map(Similar::id).findFirst().orElse(null);
		}

		public boolean grouped() {
			return Outcome.GROUPED.name().equals(outcome);
		}

		/** A grouping can be undone until its proposal is published (its organisations then support it). */
		public boolean ungroupable() {
			return grouped() && "DRAFT".equals(proposalStatus);
		}

		public String outcomeLabel() {
			return Outcome.valueOf(outcome).label();
		}
	}

	record Organisation(String siren, String name, String kind) {
	}

	/**
	 * @param status the outcome of a similar contribution, or the status of a similar proposal
	 * @param proposalId the proposal a similar contribution is grouped into, if any
	 * @param score 0 to 1: half the trigram similarity of the titles, half the rank of the shared stemmed words
	 */
	record Similar(UUID id, String title, String theme, String status, UUID proposalId, double score) {

		public Closeness closeness() {
			return Closeness.of(score);
		}
	}

	/**
	 * The similarity as curators read it, instead of a raw score. Issue 25 saw the « Regrouper » menu pre-select
	 * proposals of other themes that scored 0.05 to 0.13 (a shared common word), while a real duplicate scores about
	 * half or more (identical titles alone give 0.5): only « très proche » is close enough to be offered first.
	 */
	enum Closeness {
		VERY_CLOSE("très proche", 0.4), CLOSE("proche", 0.2), FAR("éloignée", 0);

		private final String label;

		private final double from;

		Closeness(String label, double from) {
			this.label = label;
			this.from = from;
		}

		static Closeness of(double score) {
			return Arrays.stream(values()).filter(c -> score >= c.from).findFirst().orElse(FAR);
		}

		public String label() {
			return label;
		}
	}

	private record Row(UUID id, String title, String need, String theme, String organisationSiren,
			String organisationName, String organisationKind, Instant submittedAt, String outcome, UUID proposalId,
			String proposalTitle, String proposalStatus) {
	}

	private record SimilarRow(UUID sourceId, UUID id, String title, String theme, String status, UUID proposalId,
			double score) {
	}

	private static final String WHERE = """
			where c.campaign_id = :campaign
			  and (cast(:outcome as text) is null or c.outcome = :outcome)
			  and (cast(:theme as text) is null or c.theme = :theme)
			  and (cast(:siren as text) is null or c.organisation_siren = :siren)
			  and (cast(:phrase as text) is null
			       or c.plain_search @@ to_tsquery('french', coalesce(cast(:words as text), ''))
			       or curation.plain(c.title || ' ' || c.need) like :phrase)""";

	private final JdbcClient jdbc;

	TriageQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pending contributions, as the queue showed them before it had filters. */
	Page pending(CampaignId campaign, String theme, String siren, int page, int size) {
		return page(campaign, new QueueFilter(null, theme, siren, Outcome.PENDING.name(), page, size));
	}

	/** A page of the contributions the filter selects, oldest first (a stable order: the curator keeps the place). */
	Page page(CampaignId campaign, QueueFilter filter) {
		var outcome = filter.outcome();
		var total = bind(jdbc.sql("select count(*) from curation.contribution c " + WHERE), campaign, filter, outcome)
				.query(Long.class).single();
		var rows = bind(jdbc.sql("""
				select c.id, c.title, c.need, c.theme, c.organisation_siren, c.organisation_name, c.organisation_kind,
				       c.submitted_at, c.outcome, c.proposal_id, p.title as proposal_title, p.status as proposal_status
				from curation.contribution c left join curation.proposal p on p.id = c.proposal_id
				""" + WHERE + """

				order by c.submitted_at, c.id limit :size offset :offset"""), campaign, filter, outcome)
				.param("size", filter.size()).param("offset", (long) filter.page() * filter.size())
				.query(Row.class).list();
		var ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		var contributions = group(similarContributions(ids));
		var proposals = group(similarProposals(ids));
		var items = rows.stream().map(row -> new Item(row.id(), row.title(), row.need(), row.theme(),
				new Organisation(row.organisationSiren(), row.organisationName(), row.organisationKind()),
				row.submittedAt(), row.outcome(), row.proposalId(), row.proposalTitle(), row.proposalStatus(),
				contributions.getOrDefault(row.id(), List.of()), proposals.getOrDefault(row.id(), List.of()))).toList();
		return new Page(campaign.id(), filter.page(), filter.size(), total,
				(int) ((total + filter.size() - 1) / filter.size()), items);
	}

	private static StatementSpec bind(StatementSpec statement, CampaignId campaign, QueueFilter filter,
			Outcome outcome) {
		return statement.param("campaign", campaign.id()).param("outcome", outcome == null ? null : outcome.name())
				.param("theme", filter.theme()).param("siren", filter.siren()).param("words", filter.textQuery())
				.param("phrase", filter.phrase());
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
				select s.id as source_id, m.id, m.title, m.theme, m.status, m.proposal_id, m.score
				from curation.contribution s
				cross join lateral (
				    select c.id, c.title, c.theme, c.outcome as status, c.proposal_id,
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
				select s.id as source_id, m.id, m.title, m.theme, m.status, null::uuid as proposal_id, m.score
				from curation.contribution s
				cross join lateral (
				    select p.id, p.title, p.theme, p.status,
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
				row -> new Similar(row.id(), row.title(), row.theme(), row.status(), row.proposalId(), row.score()),
				Collectors.toList())));
	}
}
