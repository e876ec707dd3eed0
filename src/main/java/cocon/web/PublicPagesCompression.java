package cocon.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of a visitor who is nobody, gzipped (issue 26, ADR 48): a long list of proposals is about 100 KB of HTML,
 * the most of what a second page view downloads once the DSFR files are cached. Only for a request without
 * credentials nor session cookie: such a page holds nothing of anyone (its CSRF token, if any, is masked anew in each
 * answer), so compressing it gives BREACH nothing to guess; what a signed-in person reads stays uncompressed, as issue
 * 22 decided. Pages are rendered whole before they are sent anyway
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}).
 */
@Configuration(proxyBeanMethods = false)
class PublicPagesCompression {

	/** Below this, gzip's header and the CPU are not worth it. */
	static final int MIN_SIZE = 1024;

	@Bean
	FilterRegistrationBean<Filter> publicPagesCompressionFilter() {
		var registration = new FilterRegistrationBean<>(new Filter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
		return registration;
	}

	static class Filter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
			return !"GET".equals(request.getMethod()) || accepted == null || !accepted.contains("gzip")
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() != null
					|| path.startsWith("/api/") || path.startsWith("/actuator") || path.contains(".");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var page = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, page);
			String type = page.getContentType();
			byte[] body = page.getContentAsByteArray();
			if (response.isCommitted() || page.getStatus() != HttpServletResponse.SC_OK || type == null
					|| !type.startsWith("text/html") || body.length < MIN_SIZE
					|| response.getHeader(HttpHeaders.CONTENT_ENCODING) != null) {
				page.copyBodyToResponse();
				return;
			}
			var gzipped = new ByteArrayOutputStream(body.length / 4);
			try (var gzip = new GZIPOutputStream(gzipped)) {
				gzip.write(body);
			}
			page.resetBuffer();
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			response.setContentLength(gzipped.size());
			gzipped.writeTo(response.getOutputStream());
		}
	}
}
