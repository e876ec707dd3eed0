package cocon.identity;

import java.util.Collections;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * Where Spring Security keeps the request an anonymous visitor was sent to sign in from, to bring them back to it
 * afterwards: in the session, for pages only (ADR 0081). Spring Security's own rules choose the pages (a GET, not the
 * favicon, not asked as JSON, multipart or an event stream, not an {@code XMLHttpRequest} nor a WebSocket upgrade),
 * and an API or operations request is never kept: it is answered 401 and nobody is brought back to it. Kept by
 * default, each anonymous GET of a protected API path not asked as JSON opened a session to hold it, a row written
 * to PostgreSQL for anyone who asks.
 */
final class PagesRequestCache {

	private PagesRequestCache() {
	}

	static RequestCache of(RequestMatcher api) {
		var cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new AndRequestMatcher(List.of(new NegatedRequestMatcher(api),
				PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern("/favicon.*")),
				notAskedAs(MediaType.APPLICATION_JSON),
				new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")),
				new NegatedRequestMatcher(new RequestHeaderRequestMatcher("Upgrade", "websocket")),
				notAskedAs(MediaType.MULTIPART_FORM_DATA), notAskedAs(MediaType.TEXT_EVENT_STREAM))));
		return cache;
	}

	private static RequestMatcher notAskedAs(MediaType type) {
		var asked = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), type);
		asked.setIgnoredMediaTypes(Collections.singleton(MediaType.ALL));
		return new NegatedRequestMatcher(asked);
	}
}
