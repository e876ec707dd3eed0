package cocon.web;

import cocon.platform.DatabaseUnavailable;
import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer while the database is unreachable: {@code 503} with {@code Retry-After}, handed to the servlet
 * container so that the error controller renders it the usual way — a French problem detail for the API and any
 * client that does not ask for HTML, the DSFR « service momentanément indisponible » page for a browser.
 */
public final class UnavailableAnswer {

	private static final Logger LOG = LoggerFactory.getLogger(UnavailableAnswer.class);

	private UnavailableAnswer() {
	}

	/** Sends the 503 answer, unless the response is already on its way (then nothing more can be said). */
	public static void send(HttpServletRequest request, HttpServletResponse response, Throwable cause)
			throws IOException {
		// one line, no stack trace: an outage makes every request fail the same way, and says so in the health
		LOG.warn("Base de données injoignable pendant {} {} : {}", request.getMethod(), request.getRequestURI(),
				rootMessage(cause));
		if (response.isCommitted()) {
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfter());
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " — " + root.getMessage());
	}
}
