package cocon.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request bodies have a size limit (ADR 13): {@code cocon.web.max-body-size} (1 MB, far above any JSON document of
 * the API) and {@code cocon.web.max-csv-size} for CSV imports (10 MB, some 2 000 contributions). A declared length
 * above it is answered 413 at once, before the body is read; a body sent without a length is counted as it is
 * read, and refused 413 when it passes the limit. Without it a 50 MB JSON text was read whole into memory.
 * Multipart uploads (the import page) keep Spring's own limits and messages.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter extends OncePerRequestFilter {

	private final MessageSource messages;
	private final long maxBody;
	private final long maxCsv;

	RequestSizeFilter(MessageSource messages, @Value("${cocon.web.max-body-size:1MB}") DataSize maxBody,
			@Value("${cocon.web.max-csv-size:10MB}") DataSize maxCsv) {
		this.messages = messages;
		this.maxBody = maxBody.toBytes();
		this.maxCsv = maxCsv.toBytes();
	}

	/** A body that passed the limit while it was read: answered 413 by {@link ProblemDetailsAdvice}. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body too large");
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		long limit = type.startsWith("text/csv") ? maxCsv : maxBody;
		if (request.getContentLengthLong() > limit) {
			if (!Problems.isApi(request) && String.valueOf(request.getHeader("Accept")).contains("text/html")) {
				response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
				return;
			}
			Problems.write(response, Problems.problem(messages, HttpStatus.CONTENT_TOO_LARGE,
					Problems.message(messages, "problem.detail.413.limit", limit / (1024 * 1024)), request));
			return;
		}
		// only a body sent in chunks has no declared length; requests without a body are left as they are
		boolean chunked = request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null;
		chain.doFilter(chunked ? new Counted(request, limit) : request, response);
	}

	/** Counts the bytes of a body sent without a declared length. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				var in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws BodyTooLarge {
						read += n;
						if (read > limit) {
							throw new BodyTooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}
	}
}
