package cocon.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import cocon.shared.web.WeakEtags;

/**
 * The public reads of the API (lists, counts, datasets, schemas, the DCAT catalogue) as integrators need them (issue
 * 22): readable from a script of any site without credentials ({@code Access-Control-Allow-Origin: *}, never with
 * {@code Allow-Credentials}), with an {@code ETag} and {@code 304} to a conditional request, and cacheable
 * ({@code no-cache}: stored, revalidated each time) instead of Spring Security's {@code no-store}. Compression is
 * the servlet container's ({@code server.compression.*}), which compresses only under a weak ETag: the ETags made
 * here are weak.
 * <p>
 * Only a request of nobody signed in (no credentials, no signed-in session) is a public read: what a signed-in
 * person reads keeps Spring Security's headers, so that nothing personal is ever stored by a cache or shared with
 * another site. The downloads are streamed from their files with their own ETag: they get the CORS headers only,
 * never a copy in memory.
 */
@Component
@Order(PublicReadsFilter.ORDER)
class PublicReadsFilter extends OncePerRequestFilter {

	/**
	 * After Spring Security's filters (-100), so that the signed-in person is known (a session or credentials), and
	 * inside its header writer, which leaves the {@code Cache-Control} set here as it is.
	 */
	static final int ORDER = 10;

	/** What a script of another site may read of an answer besides the simple headers. */
	static final String EXPOSED = "ETag, Last-Modified, Link, X-Total-Count, Content-Disposition";

	private static final Pattern DOWNLOAD = Pattern.compile("/api/open-data/campaigns/[^/]+/[a-z-]+\\.(csv|json|xlsx)");

	private static final Pattern PRIVATE = Pattern.compile("/api/(me|admin)(/.*)?");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (!(path.startsWith("/api/") || path.equals("/donnees-ouvertes/catalogue.jsonld")) || PRIVATE.matcher(path).matches()) {
			return true;
		}
		var method = request.getMethod();
		boolean read = method.equals("GET") || method.equals("HEAD");
		boolean preflight = method.equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null;
		return !(read || preflight) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	/** Whether someone is signed in: what they read may be theirs, and keeps Spring Security's headers. */
	private static boolean signedIn() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getMethod().equals("OPTIONS")) {
			preflight(request, response);
			return;
		}
		if (signedIn()) {
			chain.doFilter(request, response);
			return;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (DOWNLOAD.matcher(path).matches() && !path.endsWith("/datapackage.json")) {
			cors(response);
			chain.doFilter(request, response);
			return;
		}
		var answer = new PublicAnswer(response);
		chain.doFilter(request, answer);
		if (answer.direct) {
			return;
		}
		var copy = answer.buffer;
		int status = copy.getStatus();
		if (status >= 200 && status < 300) {
			shared(response);
			var etag = response.getHeader(HttpHeaders.ETAG);
			if (etag == null) {
				etag = WeakEtags.of(copy.getContentAsByteArray());
				response.setHeader(HttpHeaders.ETAG, etag);
			}
			if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
				copy.resetBuffer();
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				response.setContentLength(-1);
				return;
			}
		}
		copy.copyBodyToResponse();
	}

	/** A public answer's headers: readable by any site, stored by caches but revalidated each time. */
	private static void shared(HttpServletResponse response) {
		cors(response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
	}

	/**
	 * The answer to a public read: buffered to make its ETag, unless the handler gives its own ETag before writing
	 * anything (an answer whose bytes and tag were made once, ADR 0061; or a 304 answered by Spring): then it is sent
	 * as it is written, neither copied nor hashed again per request, and the shared headers are set at that moment,
	 * before anything is committed.
	 */
	private static final class PublicAnswer extends HttpServletResponseWrapper {

		private final HttpServletResponse response;
		final ContentCachingResponseWrapper buffer;
		boolean direct;

		PublicAnswer(HttpServletResponse response) {
			this(response, new ContentCachingResponseWrapper(response));
		}

		private PublicAnswer(HttpServletResponse response, ContentCachingResponseWrapper buffer) {
			super(buffer);
			this.response = response;
			this.buffer = buffer;
		}

		@Override
		public void setHeader(String name, String value) {
			taggedByHandler(name);
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			taggedByHandler(name);
			super.addHeader(name, value);
		}

		private void taggedByHandler(String name) {
			if (!direct && HttpHeaders.ETAG.equalsIgnoreCase(name) && buffer.getContentSize() == 0) {
				direct = true;
				setResponse(response);
				shared(response);
			}
		}
	}

	private static void cors(HttpServletResponse response) {
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setHeader("Access-Control-Expose-Headers", EXPOSED);
	}

	/** A script's request with a conditional header is preflighted: reads only, no credentials. */
	private static void preflight(HttpServletRequest request, HttpServletResponse response) {
		var method = request.getHeader("Access-Control-Request-Method");
		if (method.equals("GET") || method.equals("HEAD")) {
			cors(response);
			response.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
			response.setHeader("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since, Accept, Accept-Language");
			response.setHeader("Access-Control-Max-Age", "86400");
		}
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	/** Whether one of the tags the client holds is this one, compared weakly (RFC 9110, If-None-Match). */
	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		var mine = opaque(etag);
		for (var tag : ifNoneMatch.split(",")) {
			var theirs = tag.strip();
			if (theirs.equals("*") || opaque(theirs).equals(mine)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}
}
