package cocon.notifications;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cocon.shared.identity.CurrentUser;

/**
 * Each person's choice of what they receive: the one-click unsubscribe of RFC 8058 (a POST with the token of the
 * link, no sign-in, no CSRF token), the preferences page linked from « Mon espace », the weekly digest, and the
 * person's rights on what the module keeps.
 */
class PreferencesTests extends NotificationsTestSupport {

	@Autowired
	Outbox outbox;

	@Autowired
	WeeklyDigest weeklyDigest;

	@Autowired
	NotificationsPersonalData personalData;

	String token(CurrentUser user) {
		return jdbc.sql("select token from notifications.recipient where recipient_key = ?").param(user.username())
				.query(String.class).single();
	}

	int results(String notification, CurrentUser... people) {
		return outbox.queue(notification, Kind.RESULTS, Mail.of("[Cocon] Résultats", List.of("Les résultats."), null, null),
				"r.recipient_key = any(:keys)",
				Map.of("keys", java.util.Arrays.stream(people).map(CurrentUser::username).toArray(String[]::new)));
	}

	@Test
	void aOneClickUnsubscribeWithoutSignInTurnsTheKindOffForTheNextNotifications() throws Exception {
		var leaving = agentOfANewCommune();
		var staying = agentOfANewCommune();

		// as a mail client posts it (RFC 8058): no session, no CSRF token
		mvc.perform(post(Preferences.UNSUBSCRIBE + token(leaving)).param("type", "RESULTS")
						.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Vous ne recevrez plus de courriels de ce type")));
		mvc.perform(post(Preferences.UNSUBSCRIBE + "pas-un-jeton").param("type", "RESULTS"))
				.andExpect(status().isNotFound());
		mvc.perform(get(Preferences.UNSUBSCRIBE + token(staying)).param("type", "RESULTS"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Confirmer le désabonnement")));

		assertThat(results("test-results:" + UUID.randomUUID(), leaving, staying)).isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(staying.email()).size() == 1);
		assertThat(queuedTo(leaving.username())).isZero();
		// other kinds still reach them
		assertThat(outbox.queueTo(leaving.username(), "test-decision:" + UUID.randomUUID(), Kind.DECISIONS,
				Mail.of("[Cocon] Décision", List.of("Une décision."), null, null))).isTrue();
	}

	/** An unknown or erased token: 404 both ways, a French page to a browser, a problem to a mail client. */
	@Test
	void anUnknownUnsubscribeLinkAnswersNotFoundWhicheverWayItIsFollowed() throws Exception {
		var unknown = Preferences.UNSUBSCRIBE + "jeton-inconnu-" + UUID.randomUUID();
		mvc.perform(get(unknown).param("type", "RESULTS"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(content().string(containsString("Lien invalide")))
				.andExpect(content().string(not(containsString("Confirmer le désabonnement"))));
		mvc.perform(post(unknown).param("type", "RESULTS").contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.content("List-Unsubscribe=One-Click"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.title").value("Lien de désabonnement inconnu"));
		mvc.perform(post(unknown).accept(MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Lien invalide")));

		// a person erased: their former link is unknown the same way
		var erased = agentOfANewCommune();
		var token = token(erased);
		personalData.erase(erased);
		mvc.perform(get(Preferences.UNSUBSCRIBE + token)).andExpect(status().isNotFound());
		mvc.perform(post(Preferences.UNSUBSCRIBE + token)).andExpect(status().isNotFound());
	}

	@Test
	void thePreferencesAreFoundFromMySpaceAndAKindGoesToTheWeeklyDigest() throws Exception {
		var agent = agentOfANewCommune();
		mvc.perform(get("/mon-espace").with(as(agent)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/mes-notifications\"")));
		mvc.perform(get(Preferences.PATH).with(as(agent)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Les rappels avant la clôture des soutiens")))
				.andExpect(content().string(not(containsString("Le point quotidien des contributions à trier"))));

		mvc.perform(post(Preferences.PATH).with(as(agent)).with(csrf()).param("RESULTS", "JAMAIS")
						.param("DECISIONS", "RESUME"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get(Preferences.PATH).with(as(agent)))
				.andExpect(content().string(containsString("id=\"RESULTS-JAMAIS\" name=\"RESULTS\" value=\"JAMAIS\" checked")));

		assertThat(results("test-results:" + UUID.randomUUID(), agent)).isZero();
		assertThat(outbox.queueTo(agent.username(), "test-decision:" + UUID.randomUUID(), Kind.DECISIONS,
				Mail.of("[Cocon] Une proposition soutenue est présélectionnée", List.of("Décision."), null, null))).isTrue();
		assertThat(jdbc.sql("select digest and sent_at is null from notifications.outbox where recipient_key = ?")
				.param(agent.username()).query(Boolean.class).single()).as("kept for the weekly digest").isTrue();

		assertThat(weeklyDigest.gather(java.time.Instant.parse("2021-06-07T07:00:00Z"))).isPositive();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(agent.email()).size() == 1);
		assertThat(ContributorMailTests.part(mailsTo(agent.email()).get(0), "text/plain"))
				.contains("• Une proposition soutenue est présélectionnée");
	}

	@Test
	void whatTheModuleKeepsIsInTheDownloadAndGoneAfterTheErasure() throws Exception {
		var agent = agentOfANewCommune();
		mvc.perform(post(Preferences.PATH).with(as(agent)).with(csrf()).param("RESULTS", "JAMAIS"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/me/data").with(as(agent)))
				.andExpect(jsonPath("$.notifications.adresses[0]").value(agent.email()))
				.andExpect(jsonPath("$.notifications.preferences[0].choix").value("jamais"));

		mvc.perform(post("/api/me/data/erasure").with(as(agent)).contentType(MediaType.APPLICATION_JSON)
						.content("{\"confirm\": true}"))
				.andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from notifications.recipient where email = ?").param(agent.email())
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from notifications.preference where recipient_key = ?")
				.param(agent.username()).query(Long.class).single()).isZero();
	}
}
