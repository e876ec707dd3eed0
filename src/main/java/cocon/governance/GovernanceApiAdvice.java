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

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegal(IllegalArgumentException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Requête invalide");
		return problem;
	}
}
