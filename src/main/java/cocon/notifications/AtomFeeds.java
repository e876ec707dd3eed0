package cocon.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;


/**
 * The Atom 1.0 feeds (RFC 4287) of the campaigns' public news — phases opened, results, shortlist, funding, referent
 * calls, services available — one per campaign and one for all, linked from every page ({@code rel="alternate"} in
 * the head, {@link Links}). Facts only: the feeds never name a person, nor who is subscribed.
 */
@RestController
class AtomFeeds {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
	static final String ALL = "/actualites.atom";

	private final News news;
	private final String baseUrl;

	AtomFeeds(News news, @Value("${cocon.base-url:http://localhost:8080}") String baseUrl) {
		this.news = news;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping(ALL)
	ResponseEntity<String> all() {
		return feed("Cocon — les actualités des campagnes", ALL, "/campagnes", "urn:cocon:actualites", news.newest());
	}

	@GetMapping("/campagnes/{id}/actualites.atom")
	ResponseEntity<String> campaign(@PathVariable UUID id) {
		var title = news.campaignTitle(id);
		if (title.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return feed("Cocon — les actualités de « " + title.get() + " »", "/campagnes/" + id + "/actualites.atom",
				"/campagnes/" + id, "urn:uuid:" + id, news.newest(id));
	}

	private ResponseEntity<String> feed(String title, String self, String page, String id, List<News.Entry> entries) {
		var updated = entries.isEmpty() ? Instant.EPOCH : entries.get(0).published();
		var xml = new StringBuilder("""
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
				""");
		xml.append("  <id>").append(escape(id)).append("</id>\n")
				.append("  <title>").append(escape(title)).append("</title>\n")
				.append("  <updated>").append(updated).append("</updated>\n")
				.append("  <author><name>Incubateur des territoires (ANCT)</name></author>\n")
				.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(baseUrl + self)).append("\"/>\n")
				.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(baseUrl + page)).append("\"/>\n");
		for (var entry : entries) {
			xml.append("  <entry>\n")
					.append("    <id>urn:uuid:").append(entry.id()).append("</id>\n")
					.append("    <title>").append(escape(entry.title())).append("</title>\n")
					.append("    <updated>").append(entry.published()).append("</updated>\n")
					.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(baseUrl + entry.link()))
					.append("\"/>\n")
					.append("    <summary>").append(escape(entry.summary())).append("</summary>\n")
					.append("  </entry>\n");
		}
		xml.append("</feed>\n");
		return ResponseEntity.ok().contentType(ATOM).body(xml.toString());
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** The feeds a page links to in its head: all campaigns', and the campaign's on its pages. */
	@org.springframework.stereotype.Component
	static class Links implements cocon.shared.web.PageModel {

		private static final Pattern CAMPAIGN = Pattern.compile("^/campagnes/([0-9a-fA-F-]{36})(/.*)?$");

		@Override
		public void addTo(Map<String, Object> model, HttpServletRequest request) {
			model.put("feeds", feeds(request));
		}

		static List<Map<String, String>> feeds(HttpServletRequest request) {
			var all = Map.of("href", ALL, "title", "Actualités de toutes les campagnes (Atom)");
			var matcher = CAMPAIGN.matcher(request.getRequestURI().substring(request.getContextPath().length()));
			if (!matcher.matches()) {
				return List.of(all);
			}
			return List.of(Map.of("href", "/campagnes/" + matcher.group(1) + "/actualites.atom", "title",
					"Actualités de cette campagne (Atom)"), all);
		}
	}
}
