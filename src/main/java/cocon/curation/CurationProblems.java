package cocon.curation;

import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for curation's API errors, with a French detail (and the fields at fault). */
@RestControllerAdvice(assignableTypes = { CurationApi.class, PublicCurationApi.class })
class CurationProblems {

	static void rejectIfInvalid(BindingResult result) {
		if (result.hasErrors()) {
			throw invalid(result.getFieldErrors().stream()
					.map(error -> Map.of("field", error.getField(),
							"message", String.valueOf(error.getDefaultMessage())))
					.toList());
		}
	}

	static ErrorResponseException invalid(List<Map<String, String>> errors) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"La requête est invalide : " + String.join(" ", errors.stream().map(e -> e.get("field") + " — " + e.get("message")).toList()));
		problem.setTitle("Requête invalide");
		problem.setProperty("errors", errors);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInput e) {
		return invalid(List.of(Map.of("field", e.field(), "message", e.getMessage()))).getBody();
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFound e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Introuvable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalTransition e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Décision impossible dans l'état actuel");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Une autre décision a été prise entre-temps sur le même élément : rechargez et recommencez.");
		problem.setTitle("Modification concurrente");
		return problem;
	}
}
