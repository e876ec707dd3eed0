package cocon.governance;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the invalid bodies of the governance API with the fields at fault (RFC 9457). */
@RestControllerAdvice(assignableTypes = { CampaignApi.class, CommitteeApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class GovernanceApiAdvice {

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Requête invalide");
		problem.setProperty("errors", e.errors());
		return problem;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail refused(RuleViolation e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Décision refusée");
		e.properties().forEach(problem::setProperty);
		return problem;
	}

	/** Our value objects' French messages are shown; a library's (an identifier that is no UUID…) never is. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegal(IllegalArgumentException e) {
		var trace = e.getStackTrace();
		boolean ours = e.getMessage() != null && trace.length > 0 && trace[0].getClassName().startsWith("cocon.");
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ours ? e.getMessage() : "La requête est invalide : vérifiez les identifiants et les valeurs envoyés.");
		problem.setTitle("Requête invalide");
		return problem;
	}
}
