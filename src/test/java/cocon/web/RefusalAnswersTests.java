package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import cocon.shared.Refusal;

/** The one mapping of the refusal vocabulary (ADR 0020): each kind, its status, title, detail and members. */
class RefusalAnswersTests {

	private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(messages(),
			new StaticListableBeanFactory().getBeanProvider(ApiAuthenticationEntryPoint.class));

	@Test
	void eachKindOfRefusalHasItsStatusAndTheFrenchTitleOfTheStatus() throws Exception {
		var answers = Map.of(
				new Refusal.NotFound("Aucune campagne n'a cet identifiant."), HttpStatus.NOT_FOUND,
				new Refusal.Invalid("La page commence à 0."), HttpStatus.BAD_REQUEST,
				new Refusal.Conflict("La période est close."), HttpStatus.CONFLICT,
				new Refusal.Forbidden("Réservé au comité."), HttpStatus.FORBIDDEN,
				new Refusal.Unavailable(null, "Réessayez dans une minute."), HttpStatus.SERVICE_UNAVAILABLE);
		var titles = Map.of(HttpStatus.NOT_FOUND, "Ressource introuvable", HttpStatus.BAD_REQUEST, "Requête invalide",
				HttpStatus.CONFLICT, "Conflit", HttpStatus.FORBIDDEN, "Accès refusé", HttpStatus.SERVICE_UNAVAILABLE,
				"Service indisponible");
		for (var answer : answers.entrySet()) {
			var response = advice.refused(answer.getKey(), api());
			var problem = (ProblemDetail) response.getBody();
			assertThat(response.getStatusCode()).isEqualTo(answer.getValue());
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(problem.getTitle()).isEqualTo(titles.get(answer.getValue()));
			assertThat(problem.getDetail()).isEqualTo(answer.getKey().getMessage());
			assertThat(problem.getInstance()).hasToString("/api/essai");
		}
	}

	@Test
	void anInvalidInputNamesItsFieldsAndARefusalKeepsItsTitleAndMembers() throws Exception {
		var collector = new Refusal.Collector();
		collector.add("title", "Le titre est obligatoire.");
		collector.add("themes[1]", "Ce thème est en double.");
		Refusal invalid = null;
		try {
			collector.throwIfAny();
		}
		catch (Refusal.Invalid refused) {
			invalid = refused;
		}
		var problem = (ProblemDetail) advice.refused(invalid, api()).getBody();
		assertThat(problem.getDetail()).isEqualTo("Le titre est obligatoire.");
		assertThat(problem.getProperties()).containsEntry("errors", List.of(
				Map.of("field", "title", "message", "Le titre est obligatoire."),
				Map.of("field", "themes[1]", "message", "Ce thème est en double.")));

		var closed = new Refusal.Conflict("Période de soutien close", "La période de soutien est close.")
				.with("reason", "CLOSED");
		problem = (ProblemDetail) advice.refused(closed, api()).getBody();
		assertThat(problem.getTitle()).isEqualTo("Période de soutien close");
		assertThat(problem.getProperties()).containsEntry("reason", "CLOSED").doesNotContainKey("errors");
	}

	@Test
	void aPageGetsTheErrorPageOfTheStatusInsteadOfAProblem() throws Exception {
		var request = new MockHttpServletRequest("GET", "/campagnes/essai");
		request.addHeader("Accept", "text/html");
		var response = new MockHttpServletResponse();
		var answer = advice.refused(new Refusal.Conflict("La période est close."), new ServletWebRequest(request, response));
		assertThat(answer).isNull();
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getErrorMessage()).isNull();
	}

	private static ServletWebRequest api() {
		return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/essai"), new MockHttpServletResponse());
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
