package cocon.identity;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.Identities;

/** The administrator's pages: staff roles and the verification of organisations, in the browser. */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anAdministratorGrantsARoleThenRevokesItAfterConfirmingAndSeesTheHistory() throws Exception {
		var admin = as(Identities.admin());
		var person = "agent-" + TestSirens.fresh();

		mvc.perform(post("/admin/roles").with(admin).with(csrf()).param("username", " ").param("role", "AGENT"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Le formulaire contient des erreurs")))
				.andExpect(content().string(containsString("Indiquez l&#39;identifiant de la personne.")))
				.andExpect(content().string(containsString("Choisissez le rôle à attribuer")));

		mvc.perform(post("/admin/roles").with(admin).with(csrf()).param("username", person).param("role", "CURATOR"))
				.andExpect(redirectedUrl("/admin/roles"))
				.andExpect(flash().attribute("success", "Le rôle « Curateur (ANCT) » est attribué à " + person + "."));
		mvc.perform(get("/admin/roles").with(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(person)))
				.andExpect(content().string(containsString("/admin/roles/retrait?username=" + person + "&amp;role=CURATOR")));
		mvc.perform(get("/api/me").with(httpBasic(person, "demo")))
				.andExpect(jsonPath("$.roles", Matchers.hasItem("CURATOR")));

		mvc.perform(get("/admin/roles/retrait").with(admin).param("username", person).param("role", "CURATOR"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Je confirme le retrait du rôle Curateur (ANCT) de " + person)));
		mvc.perform(post("/admin/roles/retrait").with(admin).with(csrf()).param("username", person).param("role", "CURATOR"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Cochez la case de confirmation pour retirer ce rôle.")));
		mvc.perform(get("/api/me").with(httpBasic(person, "demo")))
				.andExpect(jsonPath("$.roles", Matchers.hasItem("CURATOR")));

		mvc.perform(post("/admin/roles/retrait").with(admin).with(csrf()).param("username", person).param("role", "CURATOR")
						.param("confirmation", "oui"))
				.andExpect(redirectedUrl("/admin/roles"))
				.andExpect(flash().attribute("success", "Le rôle « Curateur (ANCT) » de " + person + " est retiré."));
		mvc.perform(get("/api/me").with(httpBasic(person, "demo")))
				.andExpect(jsonPath("$.roles", not(Matchers.hasItem("CURATOR"))));
		mvc.perform(get("/admin/roles").with(admin).param("historique", person))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Historique des rôles de " + person)))
				.andExpect(content().string(not(containsString("en vigueur</td>"))));
		mvc.perform(get("/admin/roles/retrait").with(admin).param("username", person).param("role", "CURATOR"))
				.andExpect(status().isNotFound());
	}

	@Test
	void anAdministratorCannotRevokeTheirOwnAdministratorRole() throws Exception {
		mvc.perform(post("/admin/roles/retrait").with(as(Identities.admin())).with(csrf()).param("username", "admin")
						.param("role", "ADMINISTRATOR").param("confirmation", "oui").accept(MediaType.TEXT_HTML))
				.andExpect(status().isConflict());
	}

	@Test
	void anAdministratorVerifiesAPendingOrganisationAfterConfirming() throws Exception {
		var admin = as(Identities.admin());
		var siren = TestSirens.fresh();
		mvc.perform(get("/api/me").with(httpBasic("agent-" + siren, "demo"))).andExpect(status().isOk());

		mvc.perform(get("/admin/organisations").with(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/admin/organisations/" + siren)))
				.andExpect(content().string(containsString("agent-" + siren)));
		mvc.perform(get("/admin/organisations/{siren}", siren).with(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<label class=\"fr-label\" for=\"kind\">Nature</label>")))
				.andExpect(content().string(containsString("Groupement (EPCI)")));

		mvc.perform(post("/admin/organisations/{siren}", siren).with(admin).with(csrf()).param("name", "Syndicat des eaux")
						.param("kind", "OTHER"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Cochez la case de confirmation pour vérifier l&#39;organisation.")))
				.andExpect(content().string(containsString("value=\"Syndicat des eaux\"")));
		mvc.perform(post("/admin/organisations/{siren}", siren).with(admin).with(csrf()).param("name", "Syndicat des eaux")
						.param("kind", "OTHER").param("confirmation", "oui"))
				.andExpect(redirectedUrl("/admin/organisations"))
				.andExpect(flash().attribute("success", containsString("« Syndicat des eaux » (SIREN " + siren + ") est vérifiée")));

		mvc.perform(get("/admin/organisations").with(admin))
				.andExpect(content().string(not(containsString("/admin/organisations/" + siren))));
		mvc.perform(get("/api/me").with(httpBasic("agent-" + siren, "demo")))
				.andExpect(jsonPath("$.organisation.name").value("Syndicat des eaux"))
				.andExpect(jsonPath("$.organisation.verified").value(true));
	}

	@Test
	void onlyAdministratorsSeeTheAdministrationPagesAndLinks() throws Exception {
		mvc.perform(get("/admin/roles").with(as(Identities.curator()))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/organisations").with(as(Identities.lyon()))).andExpect(status().isForbidden());
		mvc.perform(get("/mon-compte").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/admin/roles"))))
				.andExpect(content().string(not(containsString("/admin/organisations"))));
		mvc.perform(get("/mon-compte").with(as(Identities.admin())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Rôles du personnel : attribuer, retirer, historique")))
				.andExpect(content().string(containsString("class=\"fr-nav__link\" href=\"/admin/organisations\"")));
	}
}
