package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.UncheckedIOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.ServletWebRequest;

import cocon.shared.ListPage;
import cocon.testing.Campaign2021;
import tools.jackson.databind.json.JsonMapper;

/**
 * The defects the property-based fuzzer of issue 22 found, each reproduced as it was reported: inputs the API took
 * where it should have refused them with a French problem detail, and a refusal counted before validation.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FuzzerDefectsTests {

	/** An agent of its own (a valid SIREN nobody else uses), so that no other test spends its supports' budget. */
	static final String AGENT = "agent-123456782";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProblemDetailsAdvice advice;

	@Test
	void aCommitteeOfUnknownOrControlCharacterNamesIsRefusedAndTheCommitteeKept() throws Exception {
		var created = mvc.perform(post("/api/campaigns").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("""
								{"title": "Comité vérifié", "description": "Appel à contributions",
								 "envelopeEuros": 30000000, "themes": ["Mobilités"],
								 "supportKinds": ["COMMUNE"], "workingGroupKinds": ["COMMUNE"],
								 "targetShortlistSize": 3, "calendar": %s}""".formatted(Campaign2021.calendarJson())))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var campaign = JsonMapper.builder().build().readTree(created).get("id").asString();
		var committee = "/api/campaigns/" + campaign + "/committee";
		mvc.perform(put(committee).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"members\": [{\"username\": \"committee1\", \"organisation\": \"AMF\"}]}"))
				.andExpect(status().isOk());

		for (var body : new String[] {
				"{\"members\": [{\"username\": \"personne-inconnue\", \"organisation\": \"AMF\"}]}",
				"{\"members\": [{\"username\": \"committee1\\u0007\\u001b\", \"organisation\": \"AMF\"}]}",
				"{\"members\": [{\"username\": \"committee2\", \"organisation\": \"ADF\\r\\nX-Injection: 1\"}]}" }) {
			mvc.perform(put(committee).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
							.content(body))
					.andExpect(status().isBadRequest())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("members[0]")));
		}
		mvc.perform(get(committee).with(httpBasic("admin", "demo")))
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].members[0].username").value("committee1"));
	}

	@Test
	void anErasureIsConfirmedByTheBooleanTrueOnly() throws Exception {
		for (var body : new String[] { "{\"confirm\": 3}", "{\"confirm\": \"true\"}", "{\"confirm\": 1.0}",
				"{\"confirm\": \"\"}" }) {
			mvc.perform(post("/api/me/data/erasure").with(httpBasic(AGENT, "demo"))
							.contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isBadRequest())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void aNumberWhereTextIsExpectedIsRefused() throws Exception {
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901231").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": -346, \"kind\": \"COMMUNE\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(put("/api/admin/organisations/{siren}/verification", "216901231").with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"name\": true, \"kind\": \"COMMUNE\"}"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void pagesAreDecimalAndSizesOverTheMaximumAreRefusedEverywhere() throws Exception {
		mvc.perform(get("/api/campaigns").param("page", "0x10")).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/campaigns").param("page", "010")).andExpect(status().isOk());
		mvc.perform(get("/api/collectivites").param("page", "#10")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/collectivites").param("size", "100000")).andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/collectivites").param("size", "0")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/campaigns").param("size", String.valueOf(ListPage.MAX_SIZE + 1)))
				.andExpect(status().isBadRequest());
	}

	@Test
	void aClientLeavingADownloadIsNoIncident(CapturedOutput output) throws Exception {
		var request = new MockHttpServletRequest("GET", "/api/open-data/campaigns/x/soutiens.csv");
		var abort = new UncheckedIOException(new ClientAbortException(new java.io.IOException("Broken pipe")));
		var answer = advice.unexpected(abort, new ServletWebRequest(request, new MockHttpServletResponse()));
		assertThat(answer).isNull();
		assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("ClientAbortException");
	}

	@Test
	void anInvalidProposalIdIsRefusedBeforeTheSupportsLimitIsTaken() throws Exception {
		for (int i = 0; i < 70; i++) { // the limit is 60 a minute per identity
			mvc.perform(put("/api/proposals/{id}/support", "pas-un-identifiant").with(httpBasic(AGENT, "demo")))
					.andExpect(status().isBadRequest());
		}
	}

	@Test
	void aCallerWithoutTheRoleIsRefusedBeforeTheSupportsLimitIsTaken() throws Exception {
		for (int i = 0; i < 70; i++) { // the limit is 60 a minute per identity: a curator is no collectivité's agent
			mvc.perform(put("/api/proposals/{id}/support", java.util.UUID.randomUUID()).with(httpBasic("curator", "demo")))
					.andExpect(status().isForbidden());
		}
	}
}
