package cocon.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.Timestamps;

/** The campaigns' public news the Atom feeds show ({@link AtomFeeds}): facts only, never a person. */
@Repository
class News {

	record Entry(UUID id, String title, String summary, String link, Instant published) {
	}

	private final JdbcClient jdbc;
	private final Subscriptions subscriptions;

	News(JdbcClient jdbc, Subscriptions subscriptions) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
	}

	/**
	 * Writes a news item once (its key says what it is about), and tells it then to the subscribers of its campaign
	 * and of every campaign (ADR 51): the mails say what the feeds say.
	 */
	void publish(String key, UUID campaign, String title, String summary, String path, Instant at) {
		int written = jdbc.sql("""
				insert into notifications.news (id, news_key, campaign_id, title, summary, link, published_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (news_key) do nothing""")
				.params(UUID.randomUUID(), key, campaign, title, summary, path, Timestamps.column(at)).update();
		if (written == 1) {
			subscriptions.tell(key, campaign, title, summary, path);
		}
	}

	Optional<String> campaignTitle(UUID campaign) {
		return jdbc.sql("select title from notifications.campaign where id = ?").param(campaign).query(String.class)
				.optional();
	}

	/** The 50 newest items of every campaign. */
	List<Entry> newest() {
		return entries("true", Map.of());
	}

	/** The 50 newest items of one campaign. */
	List<Entry> newest(UUID campaign) {
		return entries("campaign_id = :campaign", Map.of("campaign", campaign));
	}

	private List<Entry> entries(String condition, Map<String, ?> parameters) {
		var statement = jdbc.sql("""
				select id, title, summary, link, published_at from notifications.news where %s
				order by published_at desc, id limit 50""".formatted(condition));
		for (var parameter : parameters.entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue());
		}
		return statement.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("title"),
				rs.getString("summary"), rs.getString("link"), Timestamps.instant(rs, "published_at"))).list();
	}
}
