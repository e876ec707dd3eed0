package cocon.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cocon.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error of the API is an RFC 9457 problem detail ({@code application/problem+json}) with a French title and
 * detail: invalid body → 400 with the fields at fault, rejected value object → 400 with its message, anonymous →
 * 401, wrong role → 403, unknown route → 404, anything unexpected → 500 with a generic detail and an incident
 * number to find the stack trace in the log (never in the answer). Outside the API, a browser gets the HTML error
 * page instead (the error is handed over to the servlet container, then {@link ErrorPages}), and a
 * missing sign-in sends it to the sign-in page.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final MessageSource messages;
	private final ObjectProvider<ApiAuthenticationEntryPoint> entryPoint;

	ProblemDetailsAdvice(MessageSource messages, ObjectProvider<ApiAuthenticationEntryPoint> entryPoint) {
		this.messages = messages;
		this.entryPoint = entryPoint;
		setMessageSource(messages);
	}

	/**
	 * A module's refusal (ADR 0020), the one place where the vocabulary becomes HTTP: its status, its title (or the
	 * French title of the status), its French detail, the fields at fault and its other members; a page gets the
	 * error page of the status instead (pages that show a refusal inline catch it themselves).
	 */
	@ExceptionHandler(Refusal.class)
	ResponseEntity<Object> refused(Refusal refusal, NativeWebRequest request) throws IOException {
		HttpStatus status = status(refusal.kind());
		if (!answersProblems(request)) {
			return sendErrorPage(request, status);
		}
		var response = problem(status, refusal.getMessage(), request);
		var problem = (ProblemDetail) response.getBody();
		if (refusal.title() != null) {
			problem.setTitle(refusal.title());
		}
		if (!refusal.errors().isEmpty()) {
			problem.setProperty("errors", refusal.errors().stream()
					.map(error -> Map.of("field", error.field(), "message", error.message())).toList());
		}
		refusal.properties().forEach(problem::setProperty);
		return response;
	}

	/** The status of each kind of refusal. */
	static HttpStatus status(Refusal.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	/** Two decisions on the same row at once: the second is refused, and told to reload (optimistic locking). */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException exception, NativeWebRequest request)
			throws IOException {
		return refused(new Refusal.Conflict("Modification concurrente",
				"Une autre décision a été prise entre-temps sur le même élément : rechargez et recommencez."), request);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException exception, NativeWebRequest request)
			throws IOException {
		if (!answersProblems(request)) {
			return sendErrorPage(request, HttpStatus.BAD_REQUEST);
		}
		String detail = ours(exception) ? exception.getMessage() : Problems.message(messages, "problem.detail.400");
		return problem(HttpStatus.BAD_REQUEST, detail, request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException exception, NativeWebRequest request)
			throws AuthenticationException {
		if (!answersProblems(request)) {
			throw exception; // the security filter chain sends the browser to the sign-in page
		}
		return unauthorized(request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException exception, NativeWebRequest request)
			throws AccessDeniedException {
		if (!answersProblems(request)) {
			throw exception; // sign-in page when anonymous, error page otherwise
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return unauthorized(request);
		}
		return problem(HttpStatus.FORBIDDEN, Problems.message(messages, "problem.detail.403"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception exception, NativeWebRequest request) throws Exception {
		if (org.springframework.web.util.DisconnectedClientHelper.isClientDisconnectedException(exception)) {
			// a client that leaves a download early is no incident, and there is nobody left to answer (issue 22)
			LOG.debug("Client parti avant la fin de la réponse sur {} : {}", describe(request), exception.toString());
			return null;
		}
		if (!answersProblems(request)) {
			throw exception; // the servlet container shows the error page
		}
		String incident = UUID.randomUUID().toString();
		LOG.error("Incident {} sur {}", incident, describe(request), exception);
		var response = problem(HttpStatus.INTERNAL_SERVER_ERROR,
				Problems.message(messages, "problem.detail.500", incident), request);
		((ProblemDetail) response.getBody()).setProperty("incident", incident);
		return response;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Map<String, String>>();
		exception.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldError(error.getField(), error)));
		exception.getBindingResult().getGlobalErrors()
				.forEach(error -> errors.add(fieldError(error.getObjectName(), error)));
		return validationProblem(errors, headers, request, exception);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Map<String, String>>();
		exception.getParameterValidationResults().forEach(result -> {
			String parameter = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(error -> errors.add(fieldError(
					error instanceof FieldError field ? field.getField() : parameter, error)));
		});
		return validationProblem(errors, headers, request, exception);
	}

	/**
	 * A body that could not be read: the field at fault is named from Jackson's path (unknown field, wrong type,
	 * NUL character, text too long, value refused by a value object), malformed JSON or a missing body get a
	 * sentence of their own. Jackson's English message is never shown.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causeOfType(exception, RequestSizeFilter.BodyTooLarge.class) != null) {
			var tooLarge = Problems.problem(messages, HttpStatus.CONTENT_TOO_LARGE,
					Problems.message(messages, "problem.detail.413"), servletRequest(request));
			return handleExceptionInternal(exception, tooLarge, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		var rejected = illegalArgumentIn(exception);
		var jackson = causeOfType(exception, JacksonException.class);
		String field = jackson == null ? null : BodyFields.path(jackson);
		String detail;
		if (ours(rejected)) {
			detail = rejected.getMessage();
		}
		else if (jackson instanceof JsonInputConfiguration.RefusedText refused) {
			detail = refused.reason() == JsonInputConfiguration.RefusedText.Reason.NUL
					? Problems.message(messages, "problem.detail.text.nul", field)
					: Problems.message(messages, "problem.detail.text.too-long", field, "10\u202f000");
		}
		else if (jackson instanceof UnrecognizedPropertyException unknown) {
			detail = Problems.message(messages, "problem.detail.unknown-field", field,
					BodyFields.known(unknown.getKnownPropertyIds()));
		}
		else if (jackson instanceof MismatchedInputException mismatch && field != null) {
			detail = Problems.message(messages, "problem.detail.wrong-type", field,
					BodyFields.expected(mismatch.getTargetType()));
		}
		else if (jackson == null && isMissingBody(exception)) {
			detail = Problems.message(messages, "problem.detail.body-missing");
		}
		else {
			detail = Problems.message(messages, "problem.detail.unreadable");
		}
		var problem = Problems.problem(messages, HttpStatus.BAD_REQUEST, detail, servletRequest(request));
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static boolean isMissingBody(HttpMessageNotReadableException exception) {
		return exception.getCause() == null && exception.getMessage() != null
				&& exception.getMessage().startsWith("Required request body is missing");
	}

	private static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var rejected = illegalArgumentIn(exception);
		String name = exception.getPropertyName() == null ? "?" : exception.getPropertyName();
		String detail = ours(rejected) ? rejected.getMessage()
				: Problems.message(messages, "problem.detail.type-mismatch", name);
		var problem = Problems.problem(messages, HttpStatus.BAD_REQUEST, detail, servletRequest(request));
		problem.setProperty("errors", List.of(Map.of("field", name, "message", detail)));
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Every framework-handled error: French title; outside the API a browser gets the error page instead. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest && !answersProblems(nativeRequest)) {
			try {
				return sendErrorPage(nativeRequest, statusCode);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		var response = super.handleExceptionInternal(exception, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			problem.setTitle(Problems.title(messages, statusCode));
			if (problem.getInstance() == null && servletRequest(request) != null) {
				problem.setInstance(java.net.URI.create(servletRequest(request).getRequestURI()));
			}
			return ResponseEntity.status(response.getStatusCode())
					.headers(response.getHeaders())
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
		}
		return response;
	}

	private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request, Exception exception) {
		var problem = Problems.problem(messages, HttpStatus.BAD_REQUEST,
				Problems.message(messages, "problem.detail.validation"), servletRequest(request));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private Map<String, String> fieldError(String field, MessageSourceResolvable error) {
		var entry = new LinkedHashMap<String, String>();
		entry.put("field", field);
		entry.put("message", messages.getMessage(error, Problems.FRENCH));
		return entry;
	}

	private ResponseEntity<Object> unauthorized(NativeWebRequest request) {
		var response = problem(HttpStatus.UNAUTHORIZED, Problems.message(messages, "problem.detail.401"), request);
		var api = entryPoint.getIfAvailable();
		String challenge = api == null ? null : api.challenge();
		if (challenge != null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header(HttpHeaders.WWW_AUTHENTICATE, challenge)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(response.getBody());
		}
		return response;
	}

	private ResponseEntity<Object> problem(HttpStatus status, String detail, NativeWebRequest request) {
		return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.problem(messages, status, detail, servletRequest(request)));
	}

	/** The API, and any client that does not ask for HTML, gets problem details. */
	private static boolean answersProblems(NativeWebRequest request) {
		var servlet = servletRequest(request);
		if (servlet == null || Problems.isApi(servlet)) {
			return true;
		}
		String accept = servlet.getHeader(HttpHeaders.ACCEPT);
		return accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	/** Hands the error to the servlet container, which renders the HTML error page. */
	private static ResponseEntity<Object> sendErrorPage(NativeWebRequest request, HttpStatusCode status)
			throws IOException {
		var response = request.getNativeResponse(HttpServletResponse.class);
		if (response != null && !response.isCommitted()) {
			response.sendError(status.value());
		}
		return null;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest ? nativeRequest.getNativeRequest(HttpServletRequest.class)
				: null;
	}

	private static String describe(NativeWebRequest request) {
		var servlet = servletRequest(request);
		return servlet == null ? "?" : servlet.getMethod() + " " + servlet.getRequestURI();
	}

	/**
	 * Whether the rejection comes from our own code (value objects, aggregates), whose messages are written in French
	 * for the user; a library's message (English, technical) is never shown.
	 */
	private static boolean ours(IllegalArgumentException exception) {
		if (exception == null || exception.getMessage() == null || exception.getMessage().isBlank()) {
			return false;
		}
		var trace = exception.getStackTrace();
		return trace.length > 0 && trace[0].getClassName().startsWith("cocon.");
	}

	private static IllegalArgumentException illegalArgumentIn(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException illegal) {
				return illegal;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}
}
