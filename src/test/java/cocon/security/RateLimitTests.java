package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rate limits against robots (ADR 0012) with their default settings: wrong passwords per identity and per
 * address, over HTTP Basic and the sign-in form; supports per identity, over the API and the page. Each test comes
 * from an address of its own (documentation ranges), so that none exhausts another's allowance.
 */
class RateLimitTests extends SecurityTest {

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64SoThatChangingAddressInsideItDodgesNothing() throws Exception {
		// 50 wrong passwords per address and 15 minutes: each from another address of the same /64, another identity
		for (int i = 1; i <= 50; i++) {
			assertThat(perform(get("/api/me").with(httpBasic("agent-" + SecurityFixtures.freshSiren(), "pas-le-bon"))
					.with(from("2001:db8:64:1::" + Integer.toHexString(i)))).getStatus()).as("essai %d", i).isEqualTo(401);
		}
		assertThat(perform(get("/api/me").with(httpBasic("agent-" + SecurityFixtures.freshSiren(), "pas-le-bon"))
				.with(from("2001:db8:64:1:ffff:ffff:ffff:fffe"))).getStatus()).isEqualTo(429);
		// the next /64 is somebody else
		assertThat(perform(get("/api/me").with(httpBasic("agent-" + SecurityFixtures.freshSiren(), "pas-le-bon"))
				.with(from("2001:db8:64:2::1"))).getStatus()).isEqualTo(401);
	}

	@Test
	void thirtyWrongPasswordsOverHttpBasicAreThrottledAndTheRightOneWaitsUntilTheWindowHasPassed() throws Exception {
		String agent = "agent-" + SecurityFixtures.freshSiren();
		var statuses = new HashMap<Integer, Integer>();
		MockHttpServletResponse last = null;
		for (int i = 0; i < 30; i++) {
			last = perform(get("/api/me").with(httpBasic(agent, "pas-le-bon")).with(from("192.0.2.10")));
			statuses.merge(last.getStatus(), 1, Integer::sum);
		}
		assertThat(statuses).isEqualTo(Map.of(401, 10, 429, 20));
		assertThat(last.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(last.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
				.contains("\"title\":\"Trop de requêtes\"")
				.contains("Trop de tentatives de connexion échouées")
				.contains("réessayez dans 15 minutes");
		assertThat(Long.parseLong(last.getHeader("Retry-After"))).isBetween(800L, 900L);

		// the right password is refused too, without being checked, until the window has passed
		var right = perform(get("/api/me").with(httpBasic(agent, "demo")).with(from("192.0.2.10")));
		assertThat(right.getStatus()).isEqualTo(429);
		time.advance(Duration.ofMinutes(14));
		assertThat(perform(get("/api/me").with(httpBasic(agent, "demo")).with(from("192.0.2.10"))).getStatus())
				.isEqualTo(429);
		time.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(perform(get("/api/me").with(httpBasic(agent, "demo")).with(from("192.0.2.10"))).getStatus())
				.isEqualTo(200);
	}

	@Test
	void thirtyWrongPasswordsOnTheSignInFormShowTheWaitOnThePage() throws Exception {
		// over the real server, behind a « proxy » on 127.0.0.1 that names the client: Tomcat gives the limits the
		// client's address (forwarded headers honoured)
		var http = new Http(port);
		String[] client = { "X-Forwarded-For", "192.0.2.11", "Accept", "text/html" };
		var page = http.get("/connexion", client);
		String session = Http.sessionCookie(page);
		String token = Http.csrfToken(page);
		String siren = SecurityFixtures.freshSiren();
		var statuses = new HashMap<Integer, Integer>();
		java.net.http.HttpResponse<String> last = null;
		for (int i = 0; i < 30; i++) {
			last = http.postForm("/connexion", "persona=agent&siren=" + siren + "&password=faux&_csrf=" + token,
					"X-Forwarded-For", "192.0.2.11", "Accept", "text/html", "Cookie", "JSESSIONID=" + session);
			statuses.merge(last.statusCode(), 1, Integer::sum);
		}
		// 10 failures sent back to the form with its error, then 429 and the page says how long to wait
		assertThat(statuses).isEqualTo(Map.of(302, 10, 429, 20));
		assertThat(last.body()).contains("Connexion momentanément bloquée").contains("réessayez dans 15 minutes")
				.contains("name=\"password\"");
		assertThat(last.headers().firstValue("Retry-After")).isPresent();

		var right = http.postForm("/connexion", "persona=agent&siren=" + siren + "&password=demo&_csrf=" + token,
				"X-Forwarded-For", "192.0.2.11", "Accept", "text/html", "Cookie", "JSESSIONID=" + session);
		assertThat(right.statusCode()).isEqualTo(429);
		time.advance(Duration.ofMinutes(16));
		right = http.postForm("/connexion", "persona=agent&siren=" + siren + "&password=demo&_csrf=" + token,
				"X-Forwarded-For", "192.0.2.11", "Accept", "text/html", "Cookie", "JSESSIONID=" + session);
		assertThat(right.statusCode()).isEqualTo(302);
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("erreur"));
	}

	@Test
	void wrongPasswordsForManyIdentitiesFromOneAddressBlockThatAddressOnly() throws Exception {
		for (int i = 0; i < 50; i++) {
			assertThat(perform(get("/api/me").with(httpBasic("agent-" + SecurityFixtures.freshSiren(), "faux"))
					.with(from("192.0.2.12"))).getStatus()).isEqualTo(401);
		}
		String fresh = "agent-" + SecurityFixtures.freshSiren();
		assertThat(perform(get("/api/me").with(httpBasic(fresh, "demo")).with(from("192.0.2.12"))).getStatus())
				.isEqualTo(429);
		// the same identity from another address is not concerned
		assertThat(perform(get("/api/me").with(httpBasic(fresh, "demo")).with(from("192.0.2.13"))).getStatus())
				.isEqualTo(200);
	}

	@Test
	void aBurstOfTwoHundredSupportsFromOneIdentityIsCutAfterSixtyAndCountsOnce() throws Exception {
		String marseille = "agent-211300553";
		var http = new Http(port);
		String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((marseille + ":demo").getBytes());
		var own = http.get("/ma-collectivite", "Authorization", basic, "Accept", "text/html");
		// no refill during the burst, however slow the machine: the count is exact
		time.freeze();
		var statuses = new HashMap<Integer, Integer>();
		MockHttpServletResponse refused = null;
		for (int i = 0; i < 200; i++) {
			var response = perform(put("/api/proposals/" + fixtures.proposal + "/support").with(httpBasic(marseille, "demo"))
					.with(from("192.0.2.14")));
			statuses.merge(response.getStatus(), 1, Integer::sum);
			if (response.getStatus() == 429) {
				refused = response;
			}
		}
		// the allowance of 60, of which one creates the support and the others find it there, then refusals
		assertThat(statuses).isEqualTo(Map.of(201, 1, 200, 59, 429, 140));
		assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
				.contains("Trop de demandes en peu de temps : réessayez dans 1 seconde");
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

		// the page's one-click support is counted in the same allowance and answers with its inline message
		var page = http.postForm("/ma-collectivite/propositions/" + fixtures.proposal + "/retrait",
				"_csrf=" + Http.csrfToken(own), "Authorization", basic, "Cookie", "JSESSIONID=" + Http.sessionCookie(own),
				"X-Requested-With", "fetch", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(page.body()).contains("data-trop-de-requetes").contains("Trop de demandes en peu de temps");

		// another collectivité from the same address is not concerned
		assertThat(perform(put("/api/proposals/" + fixtures.proposal + "/support").with(httpBasic("agent-216902668", "demo"))
				.with(from("192.0.2.14"))).getStatus()).isIn(200, 201);
	}
}
