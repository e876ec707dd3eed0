package cocon.web;

import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

import cocon.testing.Identities;

/**
 * Issue 9: the pages of the shell (footer, legal notice, site map, French API page, accessibility statement),
 * the role-aware menu and "Mon espace", the sign-in and error pages that say what went wrong, and roles granted
 * only to identities that exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShellPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageFooterLinksTheLegalPagesAndTheFrenchApiPage() throws Exception {
		var home = mvc.perform(get("/")).andExpect(status().isOk());
		for (var link : new String[] { "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/plan-du-site",
				"/donnees-ouvertes", "/api-documentation" }) {
			home.andExpect(content().string(containsString("class=\"fr-footer__bottom-link\" href=\"" + link + "\"")));
		}
		home.andExpect(content().string(not(containsString("href=\"/swagger-ui.html\">API"))));
		mvc.perform(get("/mentions-legales")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Directeur de la publication")));
		mvc.perform(get("/plan-du-site")).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"/collectivites\"")));
		mvc.perform(get("/api-documentation")).andExpect(status().isOk())
				.andExpect(content().string(containsString("<html lang=\"fr\"")))
				.andExpect(content().string(containsString("href=\"/v3/api-docs\"")))
				.andExpect(content().string(containsString("RFC 9457")))
				.andExpect(content().string(containsString("<code>/api/proposals/{id}/support</code>")));
	}

	@Test
	void theAccessibilityStatementFollowsTheRgaaModel() throws Exception {
		mvc.perform(get("/accessibilite")).andExpect(status().isOk())
				.andExpect(content().string(containsString("État de conformité")))
				.andExpect(content().string(containsString("Non-conformités")))
				.andExpect(content().string(containsString("Retour d’information et contact")))
				.andExpect(content().string(containsString("mailto:")))
				.andExpect(content().string(containsString("Voies de recours")))
				.andExpect(content().string(containsString("Défenseur des droits")));
	}

	@Test
	void theMenuFollowsTheRoleAndMonEspaceNeedsASignIn() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(not(containsString("href=\"/mon-espace\""))));
		mvc.perform(get("/").with(as(Identities.lyon())))
				.andExpect(content().string(containsString("href=\"/mon-espace\"")))
				.andExpect(content().string(containsString("href=\"/ma-collectivite\"")))
				.andExpect(content().string(not(containsString("id=\"menu-administration\""))));
		mvc.perform(get("/").with(as(Identities.admin())))
				.andExpect(content().string(containsString("id=\"menu-administration\"")))
				.andExpect(content().string(not(containsString("href=\"/ma-collectivite\""))));
		mvc.perform(get("/mon-espace")).andExpect(status().isUnauthorized());
		mvc.perform(get("/mon-espace").with(as(Identities.admin()))).andExpect(status().isOk())
				.andExpect(content().string(containsString("À faire maintenant")))
				.andExpect(content().string(containsString("href=\"/admin/campagnes/nouvelle\"")));
	}

	@Test
	void theHeaderNamesThePersonAndTheirOrganisationNeverAUserName() throws Exception {
		var agent = new cocon.shared.identity.CurrentUser("agent-212902498", "Camille Martin", "camille@demo.cocon.fr",
				java.util.Set.of(cocon.shared.identity.Role.AGENT), new cocon.shared.identity.Organisation(
						cocon.shared.Siren.of("212902498"), "Saint-Goazec", cocon.shared.CollectiviteKind.COMMUNE, true,
						"29", "53", 700));
		mvc.perform(get("/").with(as(agent)))
				.andExpect(content().string(allOf(containsString(">Camille Martin · Saint-Goazec</span>"),
						not(containsString("agent-212902498")))));
		mvc.perform(get("/").with(as(Identities.curator())))
				.andExpect(content().string(allOf(containsString(">Curateur démo</span>"), not(containsString(">curator<")))));
		// the demo sign-in (HTTP Basic here) too
		mvc.perform(get("/").with(httpBasic("admin", "demo")))
				.andExpect(content().string(allOf(containsString(">Administratrice démo</span>"), not(containsString(">admin<")))));
	}

	@Test
	void aSignedInPersonRefusedAPageIsOfferedMonEspaceNotASignIn() throws Exception {
		// MockMvc does not forward to the error page as the servlet container does: ask the page itself
		mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 403)
						.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/admin/roles")
						.with(as(Identities.lyon())).accept("text/html"))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("réservée à un autre rôle")))
				.andExpect(content().string(containsString("href=\"/mon-espace\">Mon espace</a>")))
				.andExpect(content().string(not(containsString("class=\"fr-btn fr-btn--secondary\" href=\"/connexion\""))));
	}

	@Test
	void anAnonymousVisitorRefusedAPageIsOfferedTheSignIn() throws Exception {
		mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 401)
						.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/mon-espace").accept("text/html"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().string(containsString("class=\"fr-btn fr-btn--secondary\" href=\"/connexion\"")));
	}

	@Test
	void aWrongPasswordIsToldApartFromAnInvalidSiren() throws Exception {
		// the session is Spring Session's (ADR 23), found again by its cookie: opened by the sign-in page's form
		var session = sessionCookie(mvc.perform(get("/connexion")).andReturn().getResponse(), null);
		session = sessionCookie(mvc.perform(post("/connexion").cookie(session).with(csrf()).param("persona", "curator")
				.param("password", "nope"))
				.andExpect(redirectedUrl("/connexion?erreur")).andReturn().getResponse(), session);
		mvc.perform(get("/connexion").param("erreur", "").cookie(session))
				.andExpect(content().string(containsString("Mot de passe incorrect")));
		session = sessionCookie(mvc.perform(post("/connexion").cookie(session).with(csrf()).param("persona", "agent")
				.param("siren", "123").param("password", "demo"))
				.andExpect(redirectedUrl("/connexion?erreur")).andReturn().getResponse(), session);
		mvc.perform(get("/connexion").param("erreur", "").cookie(session))
				.andExpect(content().string(containsString("SIREN invalide")))
				.andExpect(content().string(not(containsString("Mot de passe incorrect"))));
	}

	/**
	 * The session cookie the response sets, else the one the request carried. Without an embedded server (MockMvc),
	 * Spring Session's cookie keeps its own name ({@code SESSION}); the running application names it
	 * {@code JSESSIONID}.
	 */
	private static Cookie sessionCookie(MockHttpServletResponse response, Cookie carried) {
		return response.getHeaders("Set-Cookie").stream()
				.filter(header -> header.startsWith("JSESSIONID=") || header.startsWith("SESSION="))
				.map(header -> header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
				.map(pair -> new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)))
				.findFirst().or(() -> java.util.Optional.ofNullable(carried))
				.orElseThrow(() -> new AssertionError("pas de cookie de session : " + response.getHeaders("Set-Cookie")));
	}

	@Test
	void aRoleIsGrantedOnlyToAnIdentityThatExists() throws Exception {
		mvc.perform(post("/admin/roles").with(as(Identities.admin())).with(csrf())
				.param("username", "jean-dupont-inexistant").param("role", "CURATOR"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Aucune personne d&#39;identifiant « jean-dupont-inexistant »")));
		mvc.perform(put("/api/admin/roles/{username}/CURATOR", "agent-123").with(httpBasic("admin", "demo")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", containsString("« agent-123 »")));
		mvc.perform(put("/api/admin/roles/{username}/CURATOR", "committee4").with(httpBasic("admin", "demo")))
				.andExpect(status().isOk());
		mvc.perform(delete("/api/admin/roles/{username}/CURATOR", "committee4").with(httpBasic("admin", "demo")))
				.andExpect(status().isNoContent());
	}

	/**
	 * ADR 0062: the shell's model (current path, the person's name, the feeds of the head) is given to every page —
	 * pages, error pages, a form re-rendered after an error — and to nothing else: not to a redirect, whose model would
	 * become query parameters, nor to the API (no {@code @ControllerAdvice} with {@code @ModelAttribute} or
	 * {@code @InitBinder} any more: Spring MVC built their handler methods for every handler, {@code @RestController}s
	 * included).
	 */
	@Test
	void theShellModelIsGivenToEveryPageAndOnlyToPages(@Autowired org.springframework.context.ApplicationContext context)
			throws Exception {
		var feed = "rel=\"alternate\" type=\"application/atom+xml\" href=\"/actualites.atom\"";
		mvc.perform(get("/").with(httpBasic("admin", "demo")))
				.andExpect(content().string(allOf(containsString(feed), containsString(">Administratrice démo</span>"),
						containsString("href=\"/\" aria-current=\"page\">Accueil</a>"))));
		mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
						.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/nulle-part")
						.with(as(Identities.curator())).accept("text/html"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(allOf(containsString(feed), containsString(">Curateur démo</span>"))));
		// a form re-rendered with its errors, then the same form accepted: a redirect with nothing appended
		mvc.perform(post("/admin/roles").with(httpBasic("admin", "demo")).with(csrf()).param("username", " ")
						.param("role", "AGENT"))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Le formulaire contient des erreurs"),
						containsString(feed), containsString(">Administratrice démo</span>"),
						containsString("aria-current=\"page\">Rôles</a>"))));
		mvc.perform(post("/admin/roles").with(httpBasic("admin", "demo")).with(csrf())
						.param("username", "agent-" + freshSiren()).param("role", "CURATOR"))
				.andExpect(redirectedUrl("/admin/roles"));
		for (var advice : org.springframework.web.method.ControllerAdviceBean.findAnnotatedBeans(context)) {
			var modelMethods = org.springframework.core.MethodIntrospector.selectMethods(advice.getBeanType(),
					(org.springframework.util.ReflectionUtils.MethodFilter) method -> method.isAnnotationPresent(
							org.springframework.web.bind.annotation.ModelAttribute.class)
							|| method.isAnnotationPresent(org.springframework.web.bind.annotation.InitBinder.class));
			org.assertj.core.api.Assertions.assertThat(modelMethods).as(advice.getBeanType().getName()).isEmpty();
		}
	}

	/** A valid SIREN starting with 9, which no collectivité of the directory has. */
	private static String freshSiren() {
		while (true) {
			var prefix = "9" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
			for (int check = 0; check < 10; check++) {
				if (cocon.shared.Siren.isValid(prefix + check)) {
					return prefix + check;
				}
			}
		}
	}
}
