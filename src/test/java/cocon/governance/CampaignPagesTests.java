package cocon.governance;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

@GovernanceTest
class CampaignPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetClock() {
		clock.set("2021-02-01T10:00:00+01:00");
	}

	MockHttpServletRequestBuilder form(String title, String supportsOpens) {
		var calendar = Campaign2021.calendarForm();
		calendar.set("supportsOpens", supportsOpens);
		return post("/admin/campagnes/nouvelle").with(as(Identities.admin())).with(csrf())
				.param("title", title).param("description", "Consultation des territoires")
				.param("envelopeEuros", "30 000 000").param("themes", "Mobilités\nÉnergie")
				.param("supportKinds", "COMMUNE", "REGION").param("workingGroupKinds", "COMMUNE", "EPCI")
				.params(calendar);
	}

	@Test
	void anAdministratorCreatesACampaignInTheFormAndEveryoneSeesItsCalendarInParisTime() throws Exception {
		var location = mvc.perform(form("Campagne du formulaire", "2021-04-01T00:00"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrlPattern("/campagnes/*"))
				.andReturn().getResponse().getRedirectedUrl();

		mvc.perform(get(location))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Campagne du formulaire")))
				.andExpect(content().string(containsString("Appel à contributions")))
				.andExpect(content().string(containsString("jeudi 1er avril 2021 à 0 h 00")))
				.andExpect(content().string(containsString(cocon.shared.Euros.of(30_000_000).formatted())));
		mvc.perform(get("/campagnes")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Campagne du formulaire")));
	}

	@Test
	void theFormExplainsABadCalendar() throws Exception {
		mvc.perform(form("Campagne mal réglée", "2021-03-01T00:00"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("La période de soutien doit commencer après la clôture des contributions.")));
	}

	@Test
	void onlyAdministratorsSeeTheCampaignForm() throws Exception {
		mvc.perform(get("/admin/campagnes/nouvelle").with(as(Identities.admin()))).andExpect(status().isOk());
		mvc.perform(get("/admin/campagnes/nouvelle").with(as(Identities.lyon()))).andExpect(status().isForbidden());
	}
}
