package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * What the application shows and to whom: no personal data of contributors, agents or élus in any public answer, a
 * contributor's contributions to that contributor only, the committee's composition by organisation for the public,
 * an OpenAPI document without the resolved signed-in user as a parameter, and operations information in UTF-8.
 */
class ExposureTests extends SecurityTest {

	private String body(String path, String username) throws Exception {
		boolean json = path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
		var request = get(path).accept(json ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		if (username != null) {
			request.with(httpBasic(username, SecurityFixtures.PASSWORD));
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private JsonNode json(String path, String username) throws Exception {
		return SecurityFixtures.JSON.readTree(body(path, username));
	}

	@Test
	void noPublicAnswerCarriesTheNameOrAddressOfAContributorAnAgentOrACommitteeMember() throws Exception {
		// every read the matrix opens to anonymous visitors
		var publicReads = new ArrayList<String>();
		var values = fixtures.placeholders();
		for (var row : AuthorizationMatrixTests.read()) {
			if (row.method().equals("GET") && row.expected().get("anonyme").equals("2xx")
					&& !row.path().startsWith("/v3/") && !row.path().startsWith("/actuator")
					// the demo sign-in page lists the demo personas (fictitious, demo profile only) to pick from
					&& !row.path().equals("/connexion")) {
				String uri = row.request();
				for (var value : values.entrySet()) {
					uri = uri.replace("{" + value.getKey() + "}", value.getValue());
				}
				publicReads.add(uri);
			}
		}
		assertThat(publicReads).hasSizeGreaterThanOrEqualTo(24);
		var personal = List.of("@demo.cocon.fr", SecurityFixtures.CONTRIBUTOR, SecurityFixtures.ELIGIBLE_AGENT,
				"Agent · ", "committee1", "committee2", "committee5", "Anne Lefèvre", "Bruno Garnier");
		for (var uri : publicReads) {
			var content = body(uri, null);
			for (var datum : personal) {
				assertThat(content).as(uri).doesNotContain(datum);
			}
		}
	}

	@Test
	void aContributorSeesTheirOwnContributionsOnly() throws Exception {
		var mine = json("/api/me/contributions", SecurityFixtures.CONTRIBUTOR);
		var ids = new ArrayList<String>();
		mine.forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).contains(fixtures.contribution).doesNotContain(fixtures.lyonContribution);
		assertThat(mvc.perform(get("/api/contributions/" + fixtures.lyonContribution)
				.with(httpBasic(SecurityFixtures.CONTRIBUTOR, "demo"))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(body("/mes-contributions", SecurityFixtures.CONTRIBUTOR)).contains("Un guichet unique des aides")
				.doesNotContain("Signaler un incident de voirie");
	}

	@Test
	void committeeMembersSeeTheDecisionInputsButNoContributorsData() throws Exception {
		var inputs = body("/api/campaigns/" + fixtures.campaign + "/decision-inputs", "committee1");
		assertThat(inputs).contains(fixtures.proposal).doesNotContain("@demo.cocon.fr")
				.doesNotContain(SecurityFixtures.CONTRIBUTOR).doesNotContain(fixtures.contribution);
		for (var path : List.of("/api/contributions/" + fixtures.contribution, "/api/campaigns/" + fixtures.campaign + "/triage",
				"/api/proposals/" + fixtures.proposal + "/history")) {
			assertThat(mvc.perform(get(path).with(httpBasic("committee1", "demo"))).andReturn().getResponse().getStatus())
					.as(path).isEqualTo(403);
		}
	}

	@Test
	void thePublicSeesTheOrganisationsOfTheCommitteeAndItsMembersSeeWhoTheyAre() throws Exception {
		String path = "/api/campaigns/" + fixtures.campaign + "/committee";
		for (String outsider : new String[] { null, SecurityFixtures.ELIGIBLE_AGENT, "committee5", "curator" }) {
			var published = json(path, outsider).get(0);
			assertThat(published.has("appointedBy")).as(String.valueOf(outsider)).isFalse();
			assertThat(published.get("appointedAt").asString()).isNotBlank();
			var organisations = new ArrayList<String>();
			published.get("members").forEach(m -> {
				assertThat(m.has("username")).isFalse();
				organisations.add(m.get("organisation").asString());
			});
			assertThat(organisations).containsExactlyInAnyOrder("AMF", "ADF");
		}
		for (String insider : new String[] { "admin", "committee1" }) {
			var full = json(path, insider).get(0);
			assertThat(full.get("appointedBy").asString()).isEqualTo("admin");
			var usernames = new ArrayList<String>();
			full.get("members").forEach(m -> usernames.add(m.get("username").asString()));
			assertThat(usernames).containsExactlyInAnyOrder("committee1", "committee2");
		}
	}

	@Test
	void theOpenApiDocumentListsNoSignedInUserParameter() throws Exception {
		var document = json("/v3/api-docs", null);
		var parameters = new ArrayList<String>();
		document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			var listed = operation.getValue().get("parameters");
			if (listed != null) {
				listed.forEach(p -> parameters.add(operation.getKey() + " " + path.getKey() + " " + p.get("name").asString()));
			}
		}));
		assertThat(parameters).isNotEmpty().noneMatch(p -> p.endsWith(" user"));
		assertThat(parameters).contains("get /api/campaigns/{id}/decision-inputs supportsWeight");
	}

	@Test
	void operationsInformationIsInUtf8() throws Exception {
		var info = json("/actuator/info", null);
		assertThat(info.get("application").get("description").asString())
				.isEqualTo("Co-construction de services numériques entre l'État et les collectivités");
	}
}
