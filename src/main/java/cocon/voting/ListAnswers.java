package cocon.voting;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.ListPage;
import cocon.shared.web.WeakEtags;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public lists of a campaign (its proposals, its ranking) as the API sends them: one page's JSON bytes, its
 * {@code ETag} and its pagination headers, made once per {@link StandingsCache} answer instead of once per request
 * (ADR 0061). A read is then a lookup and a copy of bytes, and a conditional read answers {@code 304} before any
 * serialisation; the cache's bound is unchanged (ADR 0025: a change made here is seen at the next read).
 */
@Component
class ListAnswers {

	/**
	 * One page as sent.
	 *
	 * @param etag weak (the servlet container compresses only under a weak ETag), a digest of the bytes: the same
	 *        list computed again gives the same tag, so a client's copy stays valid across the cache's refreshes
	 */
	record Answer(byte[] json, String etag, long total, @Nullable String link) {
	}

	private final StandingsCache cache;
	private final JsonMapper json;

	ListAnswers(StandingsCache cache, JsonMapper json) {
		this.cache = cache;
		this.json = json;
	}

	/** The page of the view for the campaign, serialised when the page asked for was last computed. */
	Answer page(String view, CampaignId campaign, int page, int size, String path, Supplier<ListPage<?>> read) {
		return cache.get(view + "@" + page + "/" + size, campaign.id(), () -> {
			var items = read.get();
			var bytes = json.writeValueAsBytes(items.items());
			return new Answer(bytes, WeakEtags.of(bytes), items.total(), items.link(path));
		});
	}
}
