package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.Siren;
import jakarta.servlet.RequestDispatcher;

/** Every API error is an RFC 9457 problem detail in French, and none shows a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class ProblemDetailsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProblemDetailsAdvice advice;

	@Test
	void anAnonymousRequestForTheSignedInUserIs401() throws Exception {
		mvc.perform(get("/api/me"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string("WWW-Authenticate", containsString("Basic realm=\"Cocon\"")))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.title").value("Authentification requise"))
				.andExpect(jsonPath("$.instance").value("/api/me"));
	}

	@Test
	void anAnonymousRequestForARoleIs401AndAWrongRoleIs403() throws Exception {
		mvc.perform(get("/api/admin/roles"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/admin/roles").with(httpBasic("agent-216901231", "demo")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Accès refusé"))
				.andExpect(jsonPath("$.detail").value("Votre rôle ne permet pas cette action."));
	}

	@Test
	void anUnknownRouteIs404() throws Exception {
		mvc.perform(get("/api/nulle-part").with(httpBasic("admin", "demo")))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Ressource introuvable"))
				.andExpect(jsonPath("$.detail").value("La ressource demandée n’existe pas."));
		mvc.perform(get("/api/nulle-part"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anInvalidBodyIs400WithTheFieldsAtFaultInFrench() throws Exception {
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901231").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  \"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Requête invalide"))
				.andExpect(jsonPath("$.errors[*].field", hasItems("name", "kind")))
				.andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
						.value("Le nom de l’organisation est obligatoire."));
	}

	@Test
	void anUnreadableBodyIs400() throws Exception {
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901231").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("illisible")));
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901231").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"X\", \"kind\": \"PLANETE\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aValueObjectRejectingItsValueIs400WithItsFrenchMessage() throws Exception {
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901232").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"X\", \"kind\": \"OTHER\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("Le SIREN 216901232 n'est pas valide (clé de contrôle de Luhn incorrecte)."));
	}

	@Test
	void anUnexpectedFailureIs500WithAGenericFrenchDetailAndNoStackTrace() throws Exception {
		var body = standalone().perform(get("/api/essai/panne"))
				.andExpect(status().isInternalServerError())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Erreur interne"))
				.andExpect(jsonPath("$.detail", containsString("erreur inattendue")))
				.andExpect(jsonPath("$.incident").exists())
				.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("secret", "IllegalStateException", "at cocon.", "trace");
	}

	@Test
	void aPathValueRejectedByAValueObjectIs400AndALibraryMessageIsNeverShown() throws Exception {
		standalone().perform(get("/api/essai/siren/{siren}", "123"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("Le SIREN doit compter exactement 9 chiffres."));
		standalone().perform(get("/api/essai/argument"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("La requête est invalide."));
	}

	@Test
	void theErrorPageIsFrenchHtmlForBrowsersAndAProblemForTheApi() throws Exception {
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/page-inconnue"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("Ressource introuvable")))
				.andExpect(content().string(containsString("La page que vous cherchez est introuvable")));
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
						.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret"))
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/campagnes"))
				.andExpect(status().isInternalServerError())
				.andExpect(content().string(containsString("Erreur interne")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
		mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/quelque-chose"))
				.andExpect(status().isInternalServerError())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.instance").value("/api/quelque-chose"));
	}

	@Test
	void aNulCharacterInAFormBodyIsRefusedAsInAQueryString() throws Exception {
		// the parameters are read only when there can be some (a query string, a form body): ADR 0062
		mvc.perform(post("/admin/roles").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=ad%00min&role=CURATOR"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("username"));
		mvc.perform(put("/api/proposals/{id}/support", java.util.UUID.randomUUID()).with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"))
				.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void healthIsPublicAndTheOtherOperationsEndpointsAreForAdministrators() throws Exception {
		mvc.perform(get("/actuator/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		for (String endpoint : new String[] { "/actuator/metrics", "/actuator/prometheus", "/actuator/modulith" }) {
			mvc.perform(get(endpoint))
					.andExpect(status().isUnauthorized())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
			mvc.perform(get(endpoint).with(httpBasic("curator", "demo")))
					.andExpect(status().isForbidden())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
			mvc.perform(get(endpoint).with(httpBasic("admin", "demo")))
					.andExpect(status().isOk());
		}
		// ADR 0062: the requests' timer the monitoring reads (docs/deploiement.md), without the long task timer of
		// the requests in progress that each request registered and removed again
		mvc.perform(get("/actuator/metrics/http.server.requests").with(httpBasic("admin", "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").exists());
		mvc.perform(get("/actuator/metrics/http.server.requests.active").with(httpBasic("admin", "demo")))
				.andExpect(status().isNotFound());
	}

	@Test
	void theOpenApiDescriptionIsPublic() throws Exception {
		mvc.perform(get("/v3/api-docs"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.info.title").value("API Cocon"))
				.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
				.andExpect(jsonPath("$.paths['/api/me']").exists());
		mvc.perform(get("/swagger-ui.html"))
				.andExpect(status().is3xxRedirection());
	}

	/** The application's error handling around controllers that fail on purpose. */
	private MockMvc standalone() {
		return MockMvcBuilders.standaloneSetup(new FailingController()).setControllerAdvice(advice).build();
	}

	@RestController
	static class FailingController {

		@GetMapping("/api/essai/panne")
		String failure() {
			throw new IllegalStateException("secret : mot de passe de la base");
		}

		@GetMapping("/api/essai/siren/{siren}")
		String siren(@PathVariable Siren siren) {
			return siren.value();
		}

		@GetMapping("/api/essai/argument")
		String libraryArgument() {
			return java.util.UUID.fromString("pas-un-uuid").toString();
		}
	}
}
