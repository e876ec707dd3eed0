package cocon.identity.proconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cocon.identity.proconnect.ProConnectProvider.Account;
import cocon.testing.BrowserTest;
import cocon.testing.SupportsOpen;

/**
 * Sign-in with ProConnect as it really is (issue 21, issue 20 points 2 and 9), in headless Chromium, through a real
 * OpenID provider configured like ProConnect ({@link ProConnectProvider}: ES256 ID tokens and signed userinfo,
 * {@code client_secret_post}, an end of session that goes through the identity provider's page on another origin).
 * One Spring context and one provider process for every journey; Cocon starts while the provider is down, which the
 * first journey checks before starting it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "cocon.test.demo-profile=false")
@ExtendWith(OutputCaptureExtension.class)
class ProConnectBrowserTests extends BrowserTest {

	static final String LYON_SIRET = "21690123100011";
	static final String ANCT_SIRET = "13002603200016";
	static final String COMPANY_SIRET = "55210055400013";
	static final String MFA = "https://proconnect.gouv.fr/assurance/self-asserted-2fa";
	/** The time allowed to each call to ProConnect in these tests (5 s by default). */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	static final ProConnectProvider PROVIDER = new ProConnectProvider();
	static final int COCON_PORT = ProConnectProvider.freePort();

	static final List<Account> ACCOUNTS = List.of(
			account("camille", "sub-camille-mairie", "eidas1", "idp-mairie", "Camille", "Durand",
					"camille.durand@mairie-lyon.fr", LYON_SIRET),
			// the same agent through another identity provider: another subject, the same professional e-mail
			account("camille-autre-fi", "sub-camille-autre", "eidas1", "idp-autre", "Camille", "Durand",
					"Camille.Durand@mairie-lyon.fr", LYON_SIRET),
			account("admin-sans-2fa", "sub-admin-anct", "eidas1", "idp-anct", "Alex", "Martin", "alex.martin@anct.gouv.fr",
					ANCT_SIRET),
			account("admin", "sub-admin-anct", MFA, "idp-anct", "Alex", "Martin", "alex.martin@anct.gouv.fr", ANCT_SIRET),
			account("curatrice", "sub-curatrice", MFA, "idp-anct", "Claude", "Bernard", "claude.bernard@anct.gouv.fr",
					ANCT_SIRET),
			account("entreprise", "sub-entreprise", "eidas1", "idp-pci", "Dominique", "Petit", "d.petit@entreprise.fr",
					COMPANY_SIRET),
			account("sans-siret", "sub-sans-siret", "eidas1", "idp-pci", "Sacha", "Leroy", "sacha.leroy@exemple.fr", null));

	@DynamicPropertySource
	static void proConnect(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> COCON_PORT);
		properties.add("cocon.base-url", () -> "http://localhost:" + COCON_PORT);
		properties.add("proconnect.issuer-uri", PROVIDER::issuer);
		properties.add("proconnect.client-id", () -> ProConnectProvider.CLIENT_ID);
		properties.add("proconnect.client-secret", () -> ProConnectProvider.CLIENT_SECRET);
		properties.add("proconnect.timeout", TIMEOUT::toString);
		properties.add("proconnect.discovery-retry", () -> "500ms");
		properties.add("cocon.administrators", () -> "ALEX.MARTIN@anct.gouv.fr");
	}

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void stopProvider() {
		PROVIDER.close();
	}

	@Test
	@Order(1)
	void coconStartsWhileProConnectIsDownAndSignsInOnceItIsBack() throws Exception {
		var http = HttpClient.newHttpClient();
		var readiness = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).as("readiness: the instance stays in the load balancer").isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
		var signInHealth = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/connexion"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signInHealth.statusCode()).as("the sign-in's own group tells monitoring").isEqualTo(503);
		assertThat(signInHealth.body()).contains("DEGRADED");

		open("/");
		assertThat(driver.getTitle()).isEqualTo("Accueil — Cocon");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/donnees-ouvertes"))).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		var catalogue = http.send(HttpRequest.newBuilder(URI.create(url("/donnees-ouvertes/catalogue.jsonld"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(catalogue.statusCode()).isEqualTo(200);
		open("/connexion");
		assertThat(find(By.cssSelector("[data-proconnect-indisponible]")).getText())
				.contains("ProConnect est momentanément indisponible");
		assertThat(absent(By.cssSelector("a.fr-connect"))).as("no ProConnect button").isTrue();

		startProvider();
		Awaitility.await("la connexion revient sans redémarrage").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(600)).until(() -> {
					open("/connexion");
					return !driver.findElements(By.cssSelector("a.fr-connect")).isEmpty();
				});
		signIn("camille");
		assertThat(headerName()).startsWith("Camille Durand");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/connexion"))).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void anAgentOfACommuneSignsInSupportsAProposalAndIsReallySignedOutAfterwards() throws Exception {
		startProvider();
		var proposal = proposalOpenForSupports();
		signOutEverywhere();
		open("/connexion");
		var button = find(By.cssSelector("a.fr-connect"));
		assertThat(button.getAttribute("class")).contains("fr-connect--pro");
		signIn("camille");
		assertThat(headerName()).as("the header shows the person's name, not the subject").startsWith("Camille Durand");

		var support = By.xpath("//li[@id='proposition-" + proposal + "']//button[normalize-space()='Soutenir']");
		Awaitility.await("la proposition est ouverte aux soutiens").atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(500)).until(() -> {
					open("/ma-collectivite?campagne=" + campaignOpenForSupports);
					return !driver.findElements(support).isEmpty();
				});
		driver.findElement(support).click();
		waitForText(By.id("proposition-" + proposal), "1 collectivité la soutient.");

		find(By.cssSelector("header form[action$='/deconnexion'] button")).click();
		assertThat(find(By.cssSelector("[data-deconnecte]")).getText())
				.as("back from ProConnect's end of session, through the identity provider's, with the state given")
				.contains("Vous êtes déconnecté de Cocon et de ProConnect");
		assertThat(absent(By.cssSelector("header form[action$='/deconnexion']"))).as("no sign-out form").isTrue();

		// the next person at this computer is asked for credentials, and is not signed in as the agent
		open("/connexion");
		find(By.cssSelector("a.fr-connect")).click();
		assertThat(find(By.id("login")).isDisplayed()).isTrue();
		// the same agent through another identity provider is the same Cocon user
		typeLogin("camille-autre-fi");
		waitForHeaderName("Camille Durand");
		assertThat(jdbc.sql("select count(distinct username) from platform.proconnect_account where lower(email) = :e")
				.param("e", "camille.durand@mairie-lyon.fr").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from platform.proconnect_account where username = 'sub-camille-mairie'")
				.query(Long.class).single()).isEqualTo(2);
		// this database has seen a real sign-in: the demonstration's reset will refuse to empty it (issue 20, finding 1)
		assertThat(jdbc.sql("select method from platform.sign_in_method_seen").query(String.class).list())
				.contains("proconnect");
	}

	@Test
	@Order(3)
	void anAdministratorFromCoconAdministratorsSignsInWithASecondFactorAndFindsTheAdministration(CapturedOutput output)
			throws Exception {
		startProvider();
		signOutEverywhere();
		signIn("admin-sans-2fa");
		assertThat(failure("double-authentification")).contains("double authentification");
		assertThat(output).contains("Connexion ProConnect refusée [double-authentification] sub=sub-admin-anct");

		find(By.cssSelector("[data-erreur] a.fr-btn")).click();
		typeLogin("admin");
		// ANCT is no collectivité: told first, then the administration
		assertThat(find(By.cssSelector("[data-organisation-a-verifier]")).getText()).contains("130026032");
		waitForHeaderName("Alex Martin");
		open("/mon-compte");
		assertThat(find(By.id("titre-administration")).getText()).isNotBlank();
		open("/admin/roles");
		assertThat(driver.getTitle()).doesNotContain("Erreur");
		assertThat(jdbc.sql("""
				select count(*) from platform.role_grant where username = 'sub-admin-anct' and role = 'ADMINISTRATOR'
				and granted_by = 'COCON_ADMINISTRATORS' and revoked_at is null""").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Order(4)
	void aCompanyAgentAndAPersonWithoutSiretAreToldWhatHappensAndWhy(CapturedOutput output) throws Exception {
		startProvider();
		signOutEverywhere();
		signIn("entreprise");
		assertThat(find(By.cssSelector("[data-organisation-a-verifier]")).getText())
				.contains("à vérifier").contains("552100554").contains("pas une collectivité");
		waitForHeaderName("Dominique Petit");

		signOutEverywhere();
		signIn("sans-siret");
		assertThat(failure("sans-siret")).contains("SIRET").contains("fournisseur d’identité");
		assertThat(output).contains("Connexion ProConnect refusée [sans-siret] sub=sub-sans-siret");
		assertThat(output.getAll()).doesNotContain("eyJ");
	}

	@Test
	@Order(5)
	void aProConnectThatDoesNotAnswerFailsTheSignInWithinTheTimeout(CapturedOutput output) throws Exception {
		startProvider();
		signOutEverywhere();
		PROVIDER.hang("token", "userinfo");
		try {
			open("/connexion");
			find(By.cssSelector("a.fr-connect")).click();
			var login = find(By.id("login"));
			login.sendKeys("camille");
			long started = System.nanoTime();
			driver.findElement(By.cssSelector("form button[type=submit]")).click();
			assertThat(failure("indisponible")).contains("ProConnect ne répond pas");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(4));
			assertThat(output).contains("Connexion ProConnect refusée [indisponible]");
		}
		finally {
			PROVIDER.hang();
		}
	}

	/**
	 * A campaign whose supports are open with one published proposal, prepared through the API by people signed in
	 * with ProConnect: the administrator (a first administrator), a curator the administrator grants the role, an
	 * agent of a commune who contributes the need. Returns the proposal's id.
	 */
	/** The campaign of {@link #proposalOpenForSupports()}: « Ma collectivité » lists it on a page of its own. */
	private String campaignOpenForSupports;

	private String proposalOpenForSupports() throws Exception {
		var api = new ProConnectApi("http://localhost:" + COCON_PORT);
		assertThat(api.send("GET", "/api/me", "curator", null).statusCode()).isEqualTo(200);
		assertThat(api.send("PUT", "/api/admin/roles/sub-curatrice/CURATOR", "admin", null).statusCode()).isBetween(200, 201);
		api.forget("curator");
		var campaign = SupportsOpen.prepare("Parcours ProConnect " + Long.toHexString(System.nanoTime()),
				"Une campagne préparée par des personnes connectées avec ProConnect.", 1, List.of(api));
		campaignOpenForSupports = campaign;
		var proposals = api.send("GET", "/api/campaigns/" + campaign + "/proposals", null, null);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(proposals.body()).get(0).get("id").asString();
	}

	private void startProvider() throws Exception {
		PROVIDER.start("http://localhost:" + COCON_PORT, ACCOUNTS);
	}

	/** No session left with Cocon, ProConnect or the identity provider (all on localhost: cookies ignore ports). */
	private void signOutEverywhere() {
		open("/");
		driver.manage().deleteAllCookies();
	}

	/** Clicks the ProConnect button and signs in on the provider's form with this login. */
	private void signIn(String login) {
		open("/connexion");
		find(By.cssSelector("a.fr-connect")).click();
		typeLogin(login);
	}

	private void typeLogin(String login) {
		var field = find(By.id("login"));
		field.clear();
		field.sendKeys(login);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private String failure(String code) {
		WebElement alert = find(By.cssSelector("[data-erreur='" + code + "']"));
		return alert.getText();
	}

	private String headerName() {
		return find(By.cssSelector("header a[href$='/mon-compte'] span")).getText().strip();
	}

	private void waitForHeaderName(String name) {
		open("/");
		waitForText(By.cssSelector("header a[href$='/mon-compte']"), name);
	}

	static Account account(String login, String sub, String acr, String idp, String givenName, String usualName,
			String email, String siret) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("given_name", givenName);
		claims.put("usual_name", usualName);
		claims.put("email", email);
		claims.put("uid", login);
		claims.put("idp_id", idp);
		if (siret != null) {
			claims.put("siret", siret);
		}
		return new Account(login, sub, acr, claims);
	}
}
