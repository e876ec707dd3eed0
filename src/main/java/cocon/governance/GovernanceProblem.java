package cocon.governance;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A governance rule refused the request: answered as an RFC 9457 problem detail with a French detail. */
class GovernanceProblem extends ErrorResponseException {

	GovernanceProblem(HttpStatus status, String title, String detail) {
		this(status, title, detail, Map.of());
	}

	GovernanceProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(status, problem(status, title, detail, properties), null);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail,
			Map<String, Object> properties) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}
}
