package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Outside the demo profile, nothing of the demo sign-in exists: the demo identities are refused. */
@SpringBootTest(properties = "cocon.test.demo-profile=false")
@AutoConfigureMockMvc
class DemoProfileOffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void refusesTheDemoIdentitiesOverHttpBasic() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("agent-216901231", "demo")))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().doesNotExist("WWW-Authenticate"));
		mvc.perform(get("/api/admin/roles").with(httpBasic("admin", "demo")))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void offersNoDemoPersonaAndNoPasswordSignIn() throws Exception {
		assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");
		assertThat(context.getBeansOfType(DemoPersonas.class)).isEmpty();
		assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
		mvc.perform(get("/connexion"))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("Identités de démonstration"))))
				.andExpect(content().string(not(containsString("committee1"))))
				.andExpect(content().string(containsString("Connexion indisponible")));
	}
}
