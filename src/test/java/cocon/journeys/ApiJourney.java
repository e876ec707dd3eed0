package cocon.journeys;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign walked through the HTTP API only, as its users would (the 2021 replay, the open data fixture): one way
 * to find real collectivités in the directory, to act as one of their agents, and to send a request expecting a
 * status. Each journey says only its own steps and data.
 */
abstract class ApiJourney {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long the modules may take to learn of each other's events. */
	static final Duration PROPAGATION = Duration.ofSeconds(60);

	/** A collectivité of the directory, as the API lists it. */
	record Collectivite(String siren, String name, CollectiviteKind kind, String departement, String region,
			long population) {

		CurrentUser agent() {
			return Identities.agentOf(siren, name, kind, departement, region, population);
		}

		/** Another person of the same collectivité (an élu). */
		CurrentUser elu() {
			return Identities.agent("elu-" + siren, organisation());
		}

		Organisation organisation() {
			return new Organisation(Siren.of(siren), name, kind, true, departement, region, population);
		}
	}

	/** The application the journey walks. */
	abstract MockMvc mvc();

	/** The 2021 calendar ({@link Campaign2021#CALENDAR}) as the {@code calendar} of {@code POST /api/campaigns}. */
	static JsonNode calendar2021() {
		return JSON.readTree(Campaign2021.calendarJson());
	}

	/** The first pages of the directory's collectivités of one kind (most populated first). */
	List<Collectivite> directory(CollectiviteKind kind, int pages) throws Exception {
		var found = new ArrayList<Collectivite>();
		for (int page = 0; page < pages; page++) {
			var result = call(get("/api/collectivites?kind=" + kind + "&size=100&page=" + page), null, null, 200);
			for (var c : result.get("content")) {
				found.add(new Collectivite(c.get("siren").asString(), c.get("name").asString(),
						CollectiviteKind.valueOf(c.get("kind").asString()), text(c.get("departement")),
						text(c.get("region")), c.get("population").asLong()));
			}
		}
		return found;
	}

	static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

	int status(MockHttpServletRequestBuilder request, CurrentUser user, Object body) throws Exception {
		return perform(request, user, body).getStatus();
	}

	/** Sends the request as the user (anonymous when null) with the body as JSON; the answer, once its status checked. */
	JsonNode call(MockHttpServletRequestBuilder request, CurrentUser user, Object body, int expectedStatus)
			throws Exception {
		var response = perform(request, user, body);
		var content = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as("%s %s → %s", request.buildRequest(null).getMethod(),
				request.buildRequest(null).getRequestURI(), content).isEqualTo(expectedStatus);
		return content.isEmpty() ? JSON.nullNode() : JSON.readTree(content);
	}

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request, CurrentUser user, Object body)
			throws Exception {
		if (user != null) {
			request.with(as(user));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
		}
		return mvc().perform(request).andReturn().getResponse();
	}
}
