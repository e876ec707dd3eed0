package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.shared.CampaignId;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

@GovernanceTest
class CampaignApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetClock() {
		clock.set("2021-01-10T10:00:00+01:00");
	}

	String schedule(String title) throws Exception {
		var body = mvc.perform(post("/api/campaigns").with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content(CampaignFixtures.campaign2021(title)))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/campaigns/")))
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	@Test
	void anAdministratorSchedulesACampaignThatEveryoneCanRead() throws Exception {
		var id = schedule("Coconstruction 2021 — lecture");

		mvc.perform(get("/api/campaigns/" + id))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.id").value(id))
				.andExpect(jsonPath("$.title").value("Coconstruction 2021 — lecture"))
				.andExpect(jsonPath("$.envelopeEuros").value(30000000))
				.andExpect(jsonPath("$.themes[1]").value("Mobilités"))
				.andExpect(jsonPath("$.supportKinds.length()").value(4))
				.andExpect(jsonPath("$.workingGroupKinds.length()").value(5))
				.andExpect(jsonPath("$.calendar.contributions.opens").value("2021-01-25T00:00:00+01:00"))
				.andExpect(jsonPath("$.calendar.supports.closes").value("2021-04-30T23:59:59+02:00"))
				.andExpect(jsonPath("$.calendar.shortlistDecision").value("2021-05-03"))
				.andExpect(jsonPath("$.phase").value("ANNOUNCED"));
		mvc.perform(get("/api/campaigns"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + id + "')].phase").value("ANNOUNCED"));
	}

	@Test
	void schedulingPublishesCampaignScheduled(Scenario scenario) {
		scenario.stimulate(() -> {
			try {
				return schedule("Campagne annoncée aux modules");
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		})
				.andWaitForEventOfType(CampaignScheduled.class)
				.matching(e -> e.campaign().title().equals("Campagne annoncée aux modules"))
				.toArriveAndVerify((event, id) -> {
					assertThat(event.campaign().id()).isEqualTo(CampaignId.of(id));
					assertThat(event.campaign().envelopeEuros()).isEqualTo(30_000_000L);
					assertThat(event.campaign().themes()).contains("Dématérialisation");
				});
	}

	@Test
	void thePhaseFollowsTheClock() throws Exception {
		var id = schedule("Campagne qui avance");
		clock.set("2021-02-01T12:00:00+01:00");
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.phase").value("CONTRIBUTIONS"));
		clock.set("2021-03-20T12:00:00+01:00");
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.phase").value("CURATION"));
		clock.set("2021-04-15T12:00:00+02:00");
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.phase").value("SUPPORTS"));
		clock.set("2021-05-15T12:00:00+02:00");
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.phase").value("REFERENT_APPLICATIONS"));
		clock.set("2021-07-06T12:00:00+02:00");
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.phase").value("FUNDING"));
	}

	@Test
	void refusesACalendarInTheWrongOrderWithTheReason() throws Exception {
		var body = CampaignFixtures.campaign2021("Mauvais calendrier")
				.replace("\"supports\": {\"opens\": \"2021-04-01T00:00:00+02:00\"",
						"\"supports\": {\"opens\": \"2021-03-01T00:00:00+01:00\"");
		mvc.perform(post("/api/campaigns").with(as(Identities.admin())).contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("calendar"))
				.andExpect(jsonPath("$.detail").value("La période de soutien doit commencer après la clôture des contributions."));
	}

	@Test
	void refusesAnInvalidBodyWithTheFieldsAtFault() throws Exception {
		mvc.perform(post("/api/campaigns").with(as(Identities.admin())).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title": "", "envelopeEuros": -1, "themes": ["A", "a"], "supportKinds": ["VILLAGE"],
						 "calendar": {"contributions": {"opens": "hier", "closes": "2021-03-15T23:59:59+01:00"}}}"""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'envelopeEuros')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'themes[1]')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'supportKinds')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'calendar.contributions.opens')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'calendar.supports')]").exists());
	}

	@Test
	void onlyAnAdministratorSchedulesOrChangesACalendar() throws Exception {
		mvc.perform(post("/api/campaigns").with(as(Identities.curator())).contentType(MediaType.APPLICATION_JSON)
				.content(CampaignFixtures.campaign2021("Interdit"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
				.content(CampaignFixtures.campaign2021("Anonyme"))).andExpect(status().isUnauthorized());
		var id = schedule("Calendrier protégé");
		mvc.perform(put("/api/campaigns/" + id + "/calendar").with(as(Identities.lyon()))
				.contentType(MediaType.APPLICATION_JSON).content(CampaignFixtures.CALENDAR_2021))
				.andExpect(status().isForbidden());
	}

	@Test
	void unknownCampaignIsNotFound() throws Exception {
		mvc.perform(get("/api/campaigns/" + UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(put("/api/campaigns/" + UUID.randomUUID() + "/calendar").with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content(CampaignFixtures.CALENDAR_2021))
				.andExpect(status().isNotFound());
	}

	@Test
	void changingTheCalendarPublishesCalendarChangedAndKeepsTheAudit(Scenario scenario) throws Exception {
		var id = schedule("Calendrier prolongé");
		var extended = CampaignFixtures.CALENDAR_2021.replace("2021-03-15T23:59:59+01:00", "2021-03-22T23:59:59+01:00");

		scenario.stimulate(() -> {
			try {
				mvc.perform(put("/api/campaigns/" + id + "/calendar").with(as(Identities.admin()))
						.contentType(MediaType.APPLICATION_JSON).content(extended))
						.andExpect(status().isOk())
						.andExpect(jsonPath("$.calendar.contributions.closes").value("2021-03-22T23:59:59+01:00"));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		})
				.andWaitForEventOfType(CalendarChanged.class)
				.matchingMappedValue(event -> event.campaign().id(), CampaignId.of(id))
				.toArriveAndVerify(event -> {
					assertThat(event.changedBy()).isEqualTo("admin");
					assertThat(event.campaign().calendar().contributions().closes())
							.isEqualTo(java.time.Instant.parse("2021-03-22T22:59:59Z"));
				});

		mvc.perform(get("/api/campaigns/" + id + "/calendar-changes").with(as(Identities.admin())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].changedBy").value("admin"))
				.andExpect(jsonPath("$[0].oldCalendar.contributions.closes").value("2021-03-15T23:59:59+01:00"))
				.andExpect(jsonPath("$[0].newCalendar.contributions.closes").value("2021-03-22T23:59:59+01:00"));
	}

	@Test
	void refusesABadCalendarChangeWithTheReasonAndKeepsTheOldOne() throws Exception {
		var id = schedule("Calendrier inchangé");
		var bad = CampaignFixtures.CALENDAR_2021.replace("\"fundingDecision\": \"2021-07-05\"",
				"\"fundingDecision\": \"2021-05-01\"");
		mvc.perform(put("/api/campaigns/" + id + "/calendar").with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content(bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("Le financement doit être décidé après la présélection."));
		mvc.perform(get("/api/campaigns/" + id)).andExpect(jsonPath("$.calendar.fundingDecision").value("2021-07-05"));
	}
}
