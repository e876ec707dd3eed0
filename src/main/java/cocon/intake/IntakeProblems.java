package cocon.intake;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cocon.intake.IntakeExceptions.MissingOrganisationException;
import cocon.intake.IntakeExceptions.NotYourContributionException;
import cocon.intake.IntakeExceptions.UnknownCampaignException;
import cocon.intake.IntakeExceptions.UnknownContributionException;
import cocon.intake.IntakeExceptions.UnreadableCsvException;

/** RFC 9457 problem details for the refusals of the intake API, in French. */
@RestControllerAdvice(assignableTypes = ContributionApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidSubmissionException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Contribution invalide",
				"La contribution comporte des erreurs : " + String.join(" ", e.problems().values()));
		problem.setProperty("errors", e.problems().entrySet().stream()
				.map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue()))
				.toList());
		if (e.problems().containsKey("theme")) {
			problem.setProperty("allowedThemes", e.themes());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail outsideWindow(OutsideContributionWindowException e) {
		return problem(HttpStatus.CONFLICT, "Période de contribution fermée", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownCampaign(UnknownCampaignException e) {
		return problem(HttpStatus.NOT_FOUND, "Campagne inconnue", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownContribution(UnknownContributionException e) {
		return problem(HttpStatus.NOT_FOUND, "Contribution inconnue", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noOrganisation(MissingOrganisationException e) {
		return problem(HttpStatus.FORBIDDEN, "Aucune organisation", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notYours(NotYourContributionException e) {
		return problem(HttpStatus.FORBIDDEN, "Accès refusé", e.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unreadable(UnreadableCsvException e) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Fichier CSV illisible", e.getMessage());
		problem.setProperty("expectedColumns", List.copyOf(ContributionImport.REQUIRED));
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}
}
