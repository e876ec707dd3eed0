package cocon.referents;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the refusals of this module's API, in French. */
@RestControllerAdvice(assignableTypes = ReferentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferentApiProblems {

	@ExceptionHandler(ReferentProblem.class)
	ProblemDetail refused(ReferentProblem problem) {
		var detail = ProblemDetail.forStatusAndDetail(status(problem), problem.getMessage());
		detail.setTitle(title(status(problem)));
		if (problem instanceof ReferentProblem.InvalidSession invalid) {
			detail.setProperty("errors", List.of(ReferentApiController.fieldError(invalid.field(), invalid.getMessage())));
		}
		return detail;
	}

	static HttpStatus status(ReferentProblem problem) {
		if (problem instanceof ReferentProblem.UnknownCall || problem instanceof ReferentProblem.UnknownApplication) {
			return HttpStatus.NOT_FOUND;
		}
		if (problem instanceof ReferentProblem.NotEligible) {
			return HttpStatus.FORBIDDEN;
		}
		if (problem instanceof ReferentProblem.InvalidSession) {
			return HttpStatus.BAD_REQUEST;
		}
		return HttpStatus.CONFLICT;
	}

	static String title(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Ressource introuvable";
			case FORBIDDEN -> "Accès refusé";
			case BAD_REQUEST -> "Requête invalide";
			default -> "Demande refusée";
		};
	}

	// Other invalid values (a path that is no identifier, a value object refusing its value) are answered by the
	// platform's advice, which shows our own French messages and never a library's.

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException invalid) {
		var detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "La demande comporte des champs invalides.");
		detail.setTitle(title(HttpStatus.BAD_REQUEST));
		detail.setProperty("errors", invalid.getBindingResult().getFieldErrors().stream()
				.map(error -> ReferentApiController.fieldError(error.getField(), error.getDefaultMessage())).toList());
		return detail;
	}
}
