package cocon.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that reach the servlet container (outside a controller, or on pages): a French HTML page for the
 * browser, a problem detail for the API and any other client. Never a stack trace, never an exception message.
 * Replaces Spring Boot's default error controller.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
	Object page(HttpServletRequest request, HttpServletResponse response) {
		if (Problems.isApi(originalRequest(request))) {
			return problem(request);
		}
		HttpStatus status = status(request);
		response.setStatus(status.value());
		// a signed-in person refused a page is offered their own space, not a sign-in they already did
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = auth != null && auth.isAuthenticated()
				&& !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
		return new ModelAndView(status == HttpStatus.SERVICE_UNAVAILABLE ? "error/503" : "error", Map.of(
				"errorStatus", status.value(),
				"errorTitle", Problems.title(messages, status),
				"errorMessage", pageMessage(status, signedIn),
				"signedIn", signedIn), status);
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		// problem.detail.500 names an incident number, which only ProblemDetailsAdvice has: here the generic text
		String detail = status == HttpStatus.INTERNAL_SERVER_ERROR ? "problem.detail."
				: Problems.message(messages, "problem.detail." + status.value());
		if (detail.startsWith("problem.detail.")) {
			detail = Problems.message(messages, status.is5xxServerError() ? "problem.detail.5xx" : "problem.detail.400");
		}
		var problem = Problems.problem(messages, status, detail, null);
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri));
		}
		var headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, headers, status);
	}

	private String pageMessage(HttpStatus status, boolean signedIn) {
		String message = Problems.message(messages,
				"error.page." + status.value() + (signedIn && status == HttpStatus.FORBIDDEN ? ".signedIn" : ""));
		return message.startsWith("error.page.")
				? Problems.message(messages, status.is5xxServerError() ? "error.page.5xx" : "error.page.4xx")
				: message;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			var status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The request whose error is shown (its path decides API or page). */
	private static HttpServletRequest originalRequest(HttpServletRequest request) {
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri == null) {
			return request;
		}
		return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
			@Override
			public String getRequestURI() {
				return uri;
			}
		};
	}
}
