package cocon.security;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cocon.shared.Siren;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the security tests act on, made once per test JVM through the real API with the demo identities, the way
 * users would: campaign A (contributions by a contributor and by Lyon, one proposal published, committee1 and
 * committee2 on its committee, supports open now) and campaign B (committee5 only).
 */
final class SecurityFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String PASSWORD = "demo";

	/** An agent of Grenoble-Alpes-Métropole (an EPCI: may contribute, may not support by default). */
	static final String CONTRIBUTOR = "agent-200040715";
	/** An agent of the commune of Lyon. */
	static final String ELIGIBLE_AGENT = "agent-216901231";
	static final String LYON = "216901231";

	final String unverifiedSiren = freshSiren();
	final String unverifiedAgent = "agent-" + unverifiedSiren;
	/** A username an administrator may grant a role to and revoke it from without changing any other identity. */
	final String grantee = "agent-" + freshSiren();
	String campaign;
	String otherCampaign;
	String proposal;
	String contribution;
	String lyonContribution;

	private static SecurityFixtures made;

	static synchronized SecurityFixtures of(MockMvc mvc) throws Exception {
		if (made == null) {
			var fixtures = new SecurityFixtures();
			fixtures.make(mvc);
			made = fixtures;
		}
		return made;
	}

	private void make(MockMvc mvc) throws Exception {
		var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		var contributionsOpen = now.minusHours(1);
		campaign = id(expect(mvc, send(post("/api/campaigns"), "admin",
				campaignBody("Campagne des tests de sécurité " + now, calendar(contributionsOpen, now.plusDays(1),
						now.plusDays(2), now.plusDays(9)))), 201));
		otherCampaign = id(expect(mvc, send(post("/api/campaigns"), "admin",
				campaignBody("Autre campagne des tests de sécurité " + now, calendar(contributionsOpen, now.plusDays(1),
						now.plusDays(2), now.plusDays(9)))), 201));

		contribution = id(until(mvc, () -> send(post("/api/campaigns/" + campaign + "/contributions"), CONTRIBUTOR,
				contributionBody("Un guichet unique des aides", "Anne Contributrice")), 201));
		lyonContribution = id(until(mvc, () -> send(post("/api/campaigns/" + campaign + "/contributions"), ELIGIBLE_AGENT,
				contributionBody("Signaler un incident de voirie", "Bruno Agent")), 201));

		var proposalBody = JSON.createObjectNode()
				.put("title", "Guichet unique des aides aux collectivités")
				.put("summary", "Une proposition des tests de sécurité.")
				.put("theme", "Dématérialisation");
		proposalBody.putArray("contributionIds").add(contribution);
		proposal = id(until(mvc, () -> send(post("/api/campaigns/" + campaign + "/proposals"), "curator",
				proposalBody.toString()), 201));
		until(mvc, () -> send(post("/api/proposals/" + proposal + "/publication"), "curator", null), 204);

		expect(mvc, send(put("/api/campaigns/" + campaign + "/committee"), "admin", """
				{"members": [{"username": "committee1", "organisation": "AMF"},
				             {"username": "committee2", "organisation": "ADF"}]}"""), 200);
		expect(mvc, send(put("/api/campaigns/" + otherCampaign + "/committee"), "admin", """
				{"members": [{"username": "committee5", "organisation": "ANCT"}]}"""), 200);

		var moved = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		expect(mvc, send(put("/api/campaigns/" + campaign + "/calendar"), "admin",
				calendar(contributionsOpen, moved.minusSeconds(2), moved.minusSeconds(1), moved.plusDays(7)).toString()), 200);

		// voting and governance learn of the proposal and the calendar from events
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var listed = mvc.perform(get("/api/campaigns/" + campaign + "/proposals")).andReturn().getResponse();
			return listed.getStatus() == 200 && JSON.readTree(listed.getContentAsString()).size() == 1;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(
				send(put("/api/proposals/" + proposal + "/support"), ELIGIBLE_AGENT, null)).andReturn().getResponse()
				.getStatus() / 100 == 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(
				send(get("/api/campaigns/" + campaign + "/decision-inputs"), "committee1", null)).andReturn().getResponse()
				.getStatus() == 200);
	}

	/** The values that stand for the placeholders of the matrix's requests. */
	Map<String, String> placeholders() {
		var values = new LinkedHashMap<String, String>();
		values.put("campaign", campaign);
		values.put("otherCampaign", otherCampaign);
		values.put("proposal", proposal);
		values.put("contribution", contribution);
		values.put("lyonContribution", lyonContribution);
		values.put("siren", unverifiedSiren);
		values.put("collectivite", LYON);
		values.put("application", "7d1f5c2a-4b8e-4c1e-9a57-2f4b8c0d9e11");
		values.put("username", grantee);
		values.put("role", "CURATOR");
		return values;
	}

	static MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, String username, String json) {
		if (username != null) {
			request.with(httpBasic(username, PASSWORD));
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return request;
	}

	private static MvcResult expect(MockMvc mvc, MockHttpServletRequestBuilder request, int status) throws Exception {
		var result = mvc.perform(request).andReturn();
		if (result.getResponse().getStatus() != status) {
			throw new AssertionError("attendu " + status + ", reçu " + result.getResponse().getStatus() + " : "
					+ result.getResponse().getContentAsString());
		}
		return result;
	}

	interface Request {
		MockHttpServletRequestBuilder build();
	}

	/** Retries while the module has not yet learnt what it needs from another one's events (404, 409). */
	private static MvcResult until(MockMvc mvc, Request request, int status) throws Exception {
		var last = new MvcResult[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			last[0] = mvc.perform(request.build()).andReturn();
			int got = last[0].getResponse().getStatus();
			if (got != status && got != 404 && got != 409) {
				throw new AssertionError("attendu " + status + ", reçu " + got + " : " + last[0].getResponse().getContentAsString());
			}
			return got == status;
		});
		return last[0];
	}

	private static String id(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString()).get("id").asString();
	}

	private static String campaignBody(String title, JsonNode calendar) {
		var body = JSON.createObjectNode()
				.put("title", title)
				.put("description", "Campagne préparée par les tests de sécurité.")
				.put("envelopeEuros", 30_000_000L)
				.put("targetShortlistSize", 17);
		body.putArray("themes").add("Dématérialisation").add("Mobilités");
		body.putArray("supportKinds").add("COMMUNE").add("DEPARTEMENT").add("REGION").add("COLLECTIVITE_PARTICULIERE");
		body.set("calendar", calendar);
		return body.toString();
	}

	private static String contributionBody(String title, String function) {
		return JSON.createObjectNode()
				.put("title", title)
				.put("need", "Un besoin déposé par les tests de sécurité.")
				.put("theme", "Dématérialisation")
				.put("authorRole", "AGENT")
				.put("authorFunction", function)
				.toString();
	}

	private static JsonNode calendar(OffsetDateTime contributionsOpen, OffsetDateTime contributionsClose,
			OffsetDateTime supportsOpen, OffsetDateTime supportsClose) {
		var iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		var paris = ZoneId.of("Europe/Paris");
		var shortlist = supportsClose.atZoneSameInstant(paris).toLocalDate().plusDays(2);
		var referentsOpen = shortlist.plusDays(1).atStartOfDay(paris).toOffsetDateTime();
		var calendar = JSON.createObjectNode();
		calendar.putObject("contributions").put("opens", iso.format(contributionsOpen)).put("closes", iso.format(contributionsClose));
		calendar.putObject("supports").put("opens", iso.format(supportsOpen)).put("closes", iso.format(supportsClose));
		calendar.putObject("referentApplications").put("opens", iso.format(referentsOpen))
				.put("closes", iso.format(referentsOpen.plusDays(20)));
		calendar.put("shortlistDecision", shortlist.toString());
		calendar.put("fundingDecision", shortlist.plusDays(60).toString());
		return calendar;
	}

	/** A valid SIREN no collectivité of the directory has (none starts with 9). */
	static String freshSiren() {
		while (true) {
			String prefix = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
			for (int check = 0; check < 10; check++) {
				if (Siren.isValid(prefix + check)) {
					return prefix + check;
				}
			}
		}
	}
}
