package cocon.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cocon.shared.Siren;
import cocon.shared.directory.Directory;

/** The demo identities over HTTP Basic and the sign-in form, roles granted by an administrator, verifications. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoSignInTests {

	static final String LYON = "216901231";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectProvider<Directory> directory;

	@Test
	void anAgentOfLyonSignsInOverHttpBasicWithTheDemoPassword() throws Exception {
		var me = mvc.perform(get("/api/me").with(httpBasic("agent-" + LYON, "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value("agent-" + LYON))
				.andExpect(jsonPath("$.roles[0]").value("AGENT"))
				.andExpect(jsonPath("$.organisation.siren").value(LYON));
		if (directory.getIfAvailable() != null && directory.getObject().find(Siren.of(LYON)).isPresent()) {
			me.andExpect(jsonPath("$.organisation.name").value("Lyon"))
					.andExpect(jsonPath("$.organisation.kind").value("COMMUNE"))
					.andExpect(jsonPath("$.organisation.verified").value(true))
					.andExpect(jsonPath("$.organisation.departement").value("69"))
					.andExpect(jsonPath("$.organisation.region").value("84"));
		}
		else {
			me.andExpect(jsonPath("$.organisation.name").value("Organisation " + LYON))
					.andExpect(jsonPath("$.organisation.verified").value(false));
		}
	}

	@Test
	void staffAndCommitteePersonasHaveTheirRolesAndNames() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("admin", "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.roles[0]").value("ADMINISTRATOR"))
				.andExpect(jsonPath("$.organisation").doesNotExist());
		mvc.perform(get("/api/me").with(httpBasic("curator", "demo")))
				.andExpect(jsonPath("$.roles[0]").value("CURATOR"));
		mvc.perform(get("/api/me").with(httpBasic("committee3", "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.displayName").value("Chloé Moreau (France urbaine)"))
				.andExpect(jsonPath("$.roles").isEmpty());
	}

	@Test
	void refusesAWrongPasswordAnUnknownPersonaAndAnInvalidSiren() throws Exception {
		for (var credentials : new String[][] { { "agent-" + LYON, "secret" }, { "somebody", "demo" },
				{ "agent-216901232", "demo" }, { "agent-12345", "demo" } }) {
			mvc.perform(get("/api/me").with(httpBasic(credentials[0], credentials[1])))
					.andExpect(status().isUnauthorized())
					.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
					.andExpect(jsonPath("$.title").value("Authentification requise"))
					.andExpect(jsonPath("$.detail").value("Identifiant ou mot de passe incorrect."));
		}
	}

	@Test
	void anUnknownSirenSignsInAsAnUnverifiedOrganisationThatAnAdministratorVerifies() throws Exception {
		String siren = TestSirens.fresh();
		String agent = "agent-" + siren;
		mvc.perform(get("/api/me").with(httpBasic(agent, "demo")))
				.andExpect(jsonPath("$.organisation.name").value("Organisation " + siren))
				.andExpect(jsonPath("$.organisation.kind").value("OTHER"))
				.andExpect(jsonPath("$.organisation.verified").value(false));
		mvc.perform(get("/api/admin/organisations/pending").with(httpBasic("admin", "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].siren", hasItem(siren)));

		mvc.perform(put("/api/admin/organisations/{siren}/verification", siren).with(httpBasic("admin", "demo"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"name\": \"Syndicat mixte des eaux\", \"kind\": \"OTHER\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.verifiedBy").value("admin"))
				.andExpect(jsonPath("$.verifiedAt").exists());

		mvc.perform(get("/api/me").with(httpBasic(agent, "demo")))
				.andExpect(jsonPath("$.organisation.name").value("Syndicat mixte des eaux"))
				.andExpect(jsonPath("$.organisation.verified").value(true));
		mvc.perform(get("/api/admin/organisations/pending").with(httpBasic("admin", "demo")))
				.andExpect(jsonPath("$[*].siren", not(hasItem(siren))));
	}

	@Test
	void rolesGrantedByAnAdministratorAreAddedAtSignInAndTheirHistoryIsKept() throws Exception {
		String agent = "agent-" + TestSirens.fresh();
		// signed in just before: the identity kept in memory must not hide the grant
		mvc.perform(get("/api/me").with(httpBasic(agent, "demo")))
				.andExpect(jsonPath("$.roles", not(hasItem("CURATOR"))));
		mvc.perform(put("/api/admin/roles/{username}/CURATOR", agent).with(httpBasic("admin", "demo")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.grantedBy").value("admin"));
		mvc.perform(get("/api/me").with(httpBasic(agent, "demo")))
				.andExpect(jsonPath("$.roles", hasItem("CURATOR")))
				.andExpect(jsonPath("$.roles", hasItem("AGENT")));
		mvc.perform(get("/api/admin/roles").with(httpBasic("admin", "demo")))
				.andExpect(jsonPath("$[?(@.username == '" + agent + "')].role", hasItem("CURATOR")));

		mvc.perform(delete("/api/admin/roles/{username}/CURATOR", agent).with(httpBasic("admin", "demo")))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/me").with(httpBasic(agent, "demo")))
				.andExpect(jsonPath("$.roles", not(hasItem("CURATOR"))));
		mvc.perform(get("/api/admin/roles").param("username", agent).with(httpBasic("admin", "demo")))
				.andExpect(jsonPath("$[0].role").value("CURATOR"))
				.andExpect(jsonPath("$[0].grantedBy").value("admin"))
				.andExpect(jsonPath("$[0].revokedBy").value("admin"))
				.andExpect(jsonPath("$[0].revokedAt").exists());
		mvc.perform(delete("/api/admin/roles/{username}/CURATOR", agent).with(httpBasic("admin", "demo")))
				.andExpect(status().isNotFound())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void onlyAdministratorsManageRolesAndOnlyStaffRolesAreGrantedThere() throws Exception {
		mvc.perform(put("/api/admin/roles/{username}/CURATOR", "committee1").with(httpBasic("curator", "demo")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Accès refusé"));
		mvc.perform(put("/api/admin/roles/{username}/AGENT", "committee1").with(httpBasic("admin", "demo")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail", containsString("ADMINISTRATOR et CURATOR")));
		mvc.perform(delete("/api/admin/roles/{username}/ADMINISTRATOR", "admin").with(httpBasic("admin", "demo")))
				.andExpect(status().isConflict());
	}

	@Test
	void theSignInFormOffersThePersonasAndSignsInAnAgentBySiren() throws Exception {
		mvc.perform(get("/connexion"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Identités de démonstration")))
				.andExpect(content().string(containsString("value=\"committee5\"")))
				.andExpect(content().string(containsString("name=\"siren\"")))
				.andExpect(content().string(containsString("_csrf")));

		mvc.perform(post("/connexion").with(csrf()).param("persona", "agent").param("siren", "216 901 231")
						.param("password", "demo"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/"))
				.andExpect(authenticated().withUsername("agent-" + LYON).withRoles("AGENT"));
		mvc.perform(post("/connexion").with(csrf()).param("persona", "curator").param("password", "demo"))
				.andExpect(authenticated().withUsername("curator").withRoles("CURATOR"));
		mvc.perform(post("/connexion").with(csrf()).param("persona", "agent").param("siren", "123")
						.param("password", "demo"))
				.andExpect(redirectedUrl("/connexion?erreur"))
				.andExpect(unauthenticated());
	}

	@Test
	void theSignInFormNeedsItsCsrfToken() throws Exception {
		mvc.perform(post("/connexion").param("persona", "admin").param("password", "demo"))
				.andExpect(status().isForbidden())
				.andExpect(unauthenticated());
	}

	@Test
	void anAnonymousVisitorOfAPageThatNeedsASignedInUserIsSentToTheSignInPage() throws Exception {
		mvc.perform(get("/mon-compte").accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/connexion"));
		mvc.perform(get("/mon-compte").accept(MediaType.TEXT_HTML).with(httpBasic("agent-" + LYON, "demo")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("agent-" + LYON)))
				.andExpect(content().string(containsString(LYON)));
	}
}
