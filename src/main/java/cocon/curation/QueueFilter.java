package cocon.curation;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What a curator is looking at in the triage queue: words, theme, organisation, outcome, page and page size. Every
 * action of the queue carries it back (PRG), so that the curator returns to the same filter, page and card.
 *
 * @param q words of the title or the need, with or without accents
 * @param status an {@link Outcome} name, or {@code ALL}
 */
record QueueFilter(String q, String theme, String siren, String status, int page, int size) {

	static final String ALL = "ALL";

	/** Sizes that fit the work at the scale of a real campaign (476 contributions in 2021). */
	static final List<Integer> SIZES = List.of(25, 50, 100);

	static final int DEFAULT_SIZE = 25;

	QueueFilter {
		q = blankToNull(q);
		theme = blankToNull(theme);
		siren = siren == null || siren.isBlank() ? null : siren.replace(" ", "");
		status = status == null || status.isBlank() ? Outcome.PENDING.name() : status.strip().toUpperCase(Locale.ROOT);
		page = Math.max(page, 0);
	}

	/** The filter of the queue's pages, which forgive what a hand-edited address gets wrong. */
	static QueueFilter ofPage(String q, String theme, String siren, String status, Integer page, Integer size) {
		var filter = new QueueFilter(q, theme, siren, status, page == null ? 0 : page,
				size != null && SIZES.contains(size) ? size : DEFAULT_SIZE);
		return filter.knownStatus() ? filter : filter.withStatus(Outcome.PENDING.name());
	}

	/** The filter carried back by a form of the queue ({@link #query()}), or the first page when there is none. */
	static QueueFilter carried(String query) {
		MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString("/?" + (query == null ? "" : query))
				.build().getQueryParams();
		return ofPage(decoded(params.getFirst("q")), decoded(params.getFirst("theme")),
				decoded(params.getFirst("siren")), decoded(params.getFirst("status")), number(params.getFirst("page")),
				number(params.getFirst("size")));
	}

	boolean knownStatus() {
		return ALL.equals(status) || Arrays.stream(Outcome.values()).anyMatch(o -> o.name().equals(status));
	}

	/** The outcome shown, or null for every one. */
	Outcome outcome() {
		return ALL.equals(status) ? null : Outcome.valueOf(status);
	}

	/** The same filter at another page. */
	QueueFilter atPage(int page) {
		return new QueueFilter(q, theme, siren, status, page, size);
	}

	QueueFilter withStatus(String status) {
		return new QueueFilter(q, theme, siren, status, page, size);
	}

	/** The query string of this filter (encoded), for links and for the forms that carry it back. */
	public String query() {
		var builder = UriComponentsBuilder.newInstance();
		if (q != null) {
			builder.queryParam("q", q);
		}
		if (theme != null) {
			builder.queryParam("theme", theme);
		}
		if (siren != null) {
			builder.queryParam("siren", siren);
		}
		if (!Outcome.PENDING.name().equals(status)) {
			builder.queryParam("status", status);
		}
		if (page > 0) {
			builder.queryParam("page", page);
		}
		if (size != DEFAULT_SIZE) {
			builder.queryParam("size", size);
		}
		var query = builder.encode().build().getQuery();
		return query == null ? "" : query;
	}

	/** The address of the queue under this filter, ending with "page=": the link of the page's one pagination. */
	public String pagesLink(Object campaignId) {
		var query = atPage(0).query();
		return "/curation/campagnes/" + campaignId + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
	}

	/**
	 * The address of this queue with one card's decision open (« regrouper », « reorienter » or « rejeter »): only
	 * that card renders its forms, so that the page does not carry every form of every card (issue 25, ADR 0053).
	 */
	public String decisionLink(Object campaignId, Object contribution, String gesture) {
		var query = query();
		return "/curation/campagnes/" + campaignId + "?" + (query.isEmpty() ? "" : query + "&") + "decider=" + contribution
				+ "&geste=" + gesture + "#decision";
	}

	/** The address of the queue of that campaign under this filter, at that anchor. */
	public String address(Object campaignId, String anchor) {
		var query = query();
		return "/curation/campagnes/" + campaignId + (query.isEmpty() ? "" : "?" + query)
				+ (anchor == null ? "" : "#" + anchor);
	}

	/**
	 * The words typed, without accents, each a prefix of a stemmed word ({@code ecole:* & numeri:*}): only letters
	 * and digits reach the query, so nothing typed can break its syntax. Null when no word is left.
	 */
	String textQuery() {
		if (q == null) {
			return null;
		}
		var words = Arrays.stream(plain(q).split("[^\\p{L}\\p{N}]+")).filter(word -> word.length() > 1)
				.map(word -> word + ":*").collect(Collectors.joining(" & "));
		return words.isEmpty() ? null : words;
	}

	/** The words typed as one phrase, without accents, for a search inside words ({@code LIKE}). */
	String phrase() {
		if (q == null) {
			return null;
		}
		var escaped = plain(q).strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	/** Lower case without accents, as the SQL function {@code curation.plain} does. */
	static String plain(String text) {
		var noLigatures = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
		return Normalizer.normalize(noLigatures, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String decoded(String value) {
		// what query() encoded: a plus sign is a plus sign there, not a space
		return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
	}

	private static Integer number(String value) {
		try {
			return value == null ? null : Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
