package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

/**
 * Issue 9: the administrator's pages of a campaign: the committee named in the pages (members checked against the
 * identities of the instance), calendar edits that close a window under way or move one into the past only once
 * confirmed, a campaign set in the past only once confirmed, errors on their field, and the hub.
 */
@GovernanceTest
class CampaignAdministrationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void duringTheSupports() {
		clock.set("2021-04-12T10:00:00+02:00");
	}

	private String campaign(String title) throws Exception {
		var body = mvc.perform(post("/api/campaigns").with(as(Identities.admin())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(CampaignFixtures.campaign2021(title)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private MockHttpServletRequestBuilder calendar(String id, String supportsCloses) {
		var calendar = Campaign2021.calendarForm();
		calendar.set("supportsCloses", supportsCloses);
		return post("/admin/campagnes/" + id + "/calendrier").with(as(Identities.admin())).with(csrf())
				.params(calendar);
	}

	@Test
	void closingTheOpenSupportWindowAsksForAConfirmationThatSaysWhatItCloses() throws Exception {
		var id = campaign("Calendrier à confirmer");

		mvc.perform(calendar(id, "2021-04-11T18:00"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("La période de soutien, ouverte, serait close aussitôt "
						+ "(clôture le dimanche 11 avril 2021 à 18 h 00, déjà passée, au lieu du vendredi 30 avril 2021 à 23 h 59).")))
				.andExpect(content().string(containsString("La campagne passe aussitôt de la phase « Soutiens des collectivités » "
						+ "à la phase « Présélection par le comité ».")))
				.andExpect(content().string(containsString("id=\"confirmed\"")));
		assertThat(changes(id)).as("nothing changes before the confirmation").isEqualTo("[]");

		mvc.perform(calendar(id, "2021-04-11T18:00").param("confirmed", "true"))
				.andExpect(redirectedUrl("/campagnes/" + id));
		assertThat(changes(id)).contains("2021-04-11T18:00:00+02:00").contains("\"changedBy\":\"admin\"");
	}

	@Test
	void movingAWindowThatStaysAheadNeedsNoConfirmation() throws Exception {
		var id = campaign("Calendrier sans effet immédiat");

		mvc.perform(calendar(id, "2021-04-29T23:59")).andExpect(redirectedUrl("/campagnes/" + id));
	}

	@Test
	void aCalendarErrorIsAttachedToTheFieldItIsAbout() throws Exception {
		var id = campaign("Calendrier en désordre");

		mvc.perform(calendar(id, "2021-05-05T23:59"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<a href=\"#shortlistDecision\">La présélection doit être décidée après la clôture des soutiens.</a>")))
				.andExpect(content().string(containsString("id=\"shortlistDecision-erreur\">La présélection doit être décidée après la clôture des soutiens.")))
				.andExpect(content().string(containsString("aria-describedby=\"shortlistDecision-erreur\"")));
	}

	@Test
	void aCampaignSetEntirelyInThePastIsCreatedOnlyOnceConfirmed() throws Exception {
		clock.set("2026-12-01T10:00:00+01:00");
		var form = post("/admin/campagnes/nouvelle").with(as(Identities.admin())).with(csrf())
				.param("title", "Campagne passée").param("description", "Saisie avec l'année précédente")
				.param("envelopeEuros", "1000000").param("themes", "Mobilités")
				.param("supportKinds", "COMMUNE").param("workingGroupKinds", "COMMUNE")
				.params(Campaign2021.calendarForm());

		mvc.perform(form)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tout le calendrier est déjà passé : la campagne commencerait "
						+ "directement en phase « Financement des projets »")));
		mvc.perform(form.param("confirmed", "true"))
				.andExpect(redirectedUrlPattern("/campagnes/*"));
	}

	@Test
	void anAdministratorNamesTheCommitteeInThePagesAndAnUnknownIdentityIsRefusedOnItsField() throws Exception {
		var id = campaign("Comité nommé dans les pages");
		var page = "/admin/campagnes/" + id + "/comite";
		mvc.perform(get(page).with(as(Identities.admin())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Aucun comité n’a encore été nommé pour cette campagne.")))
				.andExpect(content().string(containsString("name=\"lines[2].organisation\"")));

		mvc.perform(post(page).with(as(Identities.admin())).with(csrf())
				.param("lines[0].username", "committee1").param("lines[0].organisation", "AMF")
				.param("lines[1].username", "personne-inventee").param("lines[1].organisation", "ADF")
				.param("lines[2].username", "committee3").param("lines[2].organisation", ""))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"lines1.username-erreur\">Aucune personne d&#39;identifiant « personne-inventee »")))
				.andExpect(content().string(containsString("id=\"lines2.organisation-erreur\">Indiquez l&#39;organisation que représente « committee3 ».")));
		mvc.perform(get("/api/campaigns/" + id + "/committee")).andExpect(content().string("[]"));

		mvc.perform(post(page).with(as(Identities.admin())).with(csrf())
				.param("lines[0].username", "committee1").param("lines[0].organisation", "AMF")
				.param("lines[1].username", "committee2").param("lines[1].organisation", "ADF")
				.param("lines[3].username", "").param("lines[3].organisation", ""))
				.andExpect(redirectedUrl(page))
				.andExpect(flash().attribute("success", "Le comité de pilotage est composé de 2 membres."));
		mvc.perform(get(page).with(as(Identities.admin())))
				.andExpect(content().string(containsString("Bruno Garnier (ADF), identifiant committee2")))
				.andExpect(content().string(containsString("value=\"committee1\"")));
		// who named whom is for administrators and the committee; the public sees organisations (ADR 12)
		mvc.perform(get("/api/campaigns/" + id + "/committee").with(as(Identities.admin())))
				.andExpect(content().string(containsString("\"appointedBy\":\"admin\"")))
				.andExpect(content().string(containsString("\"username\":\"committee2\"")));
		mvc.perform(get(page).with(as(Identities.committee(1)))).andExpect(status().isForbidden());
	}

	@Test
	void theHubOffersTheOneActionOfThePhaseAndLinksToEverythingTheCampaignHas() throws Exception {
		var id = campaign("Campagne carrefour");

		mvc.perform(get("/campagnes/" + id))
				.andExpect(content().string(containsString("href=\"/campagnes/" + id + "/decisions\"")))
				.andExpect(content().string(containsString("href=\"/campagnes/" + id + "/budget\"")))
				.andExpect(content().string(containsString("href=\"/campagnes/" + id + "/donnees-ouvertes\"")))
				.andExpect(content().string(containsString("plus que 19 jours pour soutenir")))
				.andExpect(content().string(not(containsString("/admin/campagnes/" + id + "/comite"))));
		mvc.perform(get("/campagnes/" + id).with(as(Identities.admin())))
				.andExpect(content().string(containsString("id=\"action-de-la-phase\"")))
				.andExpect(content().string(containsString("href=\"/admin/campagnes/" + id + "/comite\">Composer le comité de pilotage</a>")));
	}

	private String changes(String id) throws Exception {
		return mvc.perform(get("/api/campaigns/" + id + "/calendar-changes").with(as(Identities.admin())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
