package cocon.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with French titles (message bundle {@code problem.title.<status>}), for the API
 * error handling, the security entry points and the error controller.
 */
public final class Problems {

	static final Locale FRENCH = Locale.FRANCE;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** The French title of a status, e.g. « Authentification requise » for 401. */
	public static String title(MessageSource messages, HttpStatusCode status) {
		var resolved = HttpStatus.resolve(status.value());
		String fallback = resolved == null ? "Erreur" : resolved.getReasonPhrase();
		return messages.getMessage("problem.title." + status.value(), null, fallback, FRENCH);
	}

	public static String message(MessageSource messages, String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, FRENCH);
	}

	public static ProblemDetail problem(MessageSource messages, HttpStatusCode status, String detail,
			HttpServletRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title(messages, status));
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		return problem;
	}

	/** Whether the request belongs to the API (or the operations endpoints), which always answers problem details. */
	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
	}

	/** Writes the problem as {@code application/problem+json} (outside Spring MVC: filters, entry points). */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		var body = new LinkedHashMap<String, Object>();
		if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
			body.put("type", problem.getType().toString());
		}
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}
}
