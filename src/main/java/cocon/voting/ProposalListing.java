package cocon.voting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the lists of proposals (the public ranking, the collectivité's page) add to the counts: each proposal's
 * summary, a search by the words of a need, a theme filter and pages of {@value #PAGE_SIZE}. A campaign holds some
 * 67 proposals: filtered in memory after one query.
 */
@Component
class ProposalListing {

	static final int PAGE_SIZE = 20;

	/** What the person asked the list for: words, a theme, a campaign (the collectivité's page) and a page. */
	record Filters(String q, String theme, UUID campaign, int page) {

		Filters {
			q = q == null ? "" : q.strip();
			theme = theme == null || theme.isBlank() ? null : theme.strip();
			page = Math.max(0, page);
		}

		/** Whether words or a theme narrow the list (a campaign only scopes it). */
		public boolean any() {
			return !q.isEmpty() || theme != null;
		}
	}

	/**
	 * One page of a filtered list.
	 *
	 * @param partial whether no proposal holds every word of the search (those holding some are shown)
	 * @param link the address of the list with its filters, to which the page number is appended (the pages'
	 *        links are web's one pagination, {@code @pagination})
	 */
	record Page<T>(List<T> items, int page, int totalPages, long total, boolean partial, String link) {
	}

	private final JdbcClient jdbc;

	ProposalListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The summaries of the published proposals, by proposal. */
	Map<UUID, String> summaries() {
		var summaries = new HashMap<UUID, String>();
		jdbc.sql("select id, summary from voting.proposal where merged_into is null and summary is not null")
				.query(rs -> {
					summaries.put(rs.getObject("id", UUID.class), rs.getString("summary"));
				});
		return summaries;
	}

	/** The themes of the items, in French alphabetical order. */
	static <T> List<String> themes(List<T> items, Function<T, String> theme) {
		var collator = java.text.Collator.getInstance(java.util.Locale.FRENCH);
		return items.stream().map(theme).filter(Objects::nonNull).distinct().sorted(collator).toList();
	}

	/**
	 * The page asked for of the items matching the filters: theme first, then the words (searched in what
	 * {@code text} gives of an item).
	 */
	static <T> Page<T> page(List<T> items, Filters filters, Function<T, String> theme, Function<T, String> text,
			String path) {
		var themed = filters.theme() == null ? items
				: items.stream().filter(item -> filters.theme().equals(theme.apply(item))).toList();
		var found = ProposalSearch.of(filters.q()).in(themed, text);
		var all = found.items();
		int totalPages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(filters.page(), totalPages - 1);
		var slice = all.subList(page * PAGE_SIZE, Math.min(all.size(), (page + 1) * PAGE_SIZE));
		var link = UriComponentsBuilder.fromPath(path);
		if (!filters.q().isEmpty()) {
			link.queryParam("q", filters.q());
		}
		if (filters.theme() != null) {
			link.queryParam("theme", filters.theme());
		}
		if (filters.campaign() != null) {
			link.queryParam("campagne", filters.campaign());
		}
		link.queryParam("page", "");
		return new Page<>(List.copyOf(slice), page, totalPages, all.size(), found.partial(),
				link.encode().build().toUriString());
	}
}
