package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;

import com.jayway.jsonpath.JsonPath;

import cocon.curation.events.ContributionRejected;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Identities;

/**
 * The contributor's rights over their data (RGPD): the public page that explains them, the download of everything
 * kept about them, and the erasure of their personal data after a confirmation — the contributions stay, anonymised,
 * with their outcome, and the erasure is logged.
 */
class PersonalDataTests extends IntakeTestSupport {

	static final Instant DECIDED = OffsetDateTime.parse("2021-03-22T14:00:00+01:00").toInstant();
	static final AtomicInteger PEOPLE = new AtomicInteger();

	/** A person of their own for each test: an erasure never touches another test's contributions. */
	static CurrentUser someone() {
		var lyon = Identities.lyon();
		int n = PEOPLE.incrementAndGet();
		return new CurrentUser("agent-rgpd-" + n, "Camille Martin " + n, "camille.martin" + n + "@lyon.fr",
				lyon.roles(), lyon.organisation());
	}

	ContributionId submit(CampaignId campaign, CurrentUser author, String title) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(author))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(title, "Un besoin décrit avec nos mots.", "Mobilités", "ELU", "Adjointe au maire")))
				.andExpect(status().isCreated())
				.andReturn();
		return ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
	}

	@Test
	void thePersonalDataPageIsPublicAndSaysWhatIsKeptWhyHowLongAndTheRights() throws Exception {
		mvc.perform(get("/donnees-personnelles"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<h1>Données personnelles</h1>")))
				.andExpect(content().string(containsString("Pourquoi")))
				.andExpect(content().string(containsString("Durée")))
				.andExpect(content().string(containsString("Qui la voit")))
				.andExpect(content().string(containsString("Vos droits")))
				.andExpect(content().string(containsString("CNIL")));
	}

	@Test
	void aContributorDownloadsEverythingKeptAboutThemAsJson(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var author = someone();
		submit(campaign, author, "Signaler un incident de voirie");

		mvc.perform(get("/api/me/data").with(as(author)))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(header().string("Content-Disposition", containsString("mes-donnees-cocon.json")))
				.andExpect(jsonPath("$.identity.username").value(author.username()))
				.andExpect(jsonPath("$.identity.email").value(author.email()))
				.andExpect(jsonPath("$.contributions.length()").value(1))
				.andExpect(jsonPath("$.contributions[0].title").value("Signaler un incident de voirie"))
				.andExpect(jsonPath("$.contributions[0].authorName").value(author.displayName()))
				.andExpect(jsonPath("$.contributions[0].authorEmail").value(author.email()))
				.andExpect(jsonPath("$.contributions[0].authorFunction").value("Adjointe au maire"));
		// the page's button downloads the same file
		mvc.perform(get("/mes-donnees/telechargement").with(as(author)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.contributions[0].title").value("Signaler un incident de voirie"));
		mvc.perform(get("/mes-contributions").with(as(author)))
				.andExpect(content().string(containsString("Télécharger mes données")))
				.andExpect(content().string(containsString("Effacer mes")));
	}

	@Test
	void erasureKeepsTheContributionsAnonymisedWithTheirOutcomeAndIsLogged(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var author = someone();
		var rejected = submit(campaign, author, "Un besoin hors du champ");
		var pending = submit(campaign, author, "Un besoin à regrouper");
		scenario.publish(new ContributionRejected(rejected, campaign, "Hors du champ de la consultation.", "curator", DECIDED))
				.andWaitForStateChange(() -> outcome(rejected), "REJECTED"::equals);
		long before = contributionsOf(campaign);

		// the API asks for a confirmation: without it nothing is erased
		mvc.perform(post("/api/me/data/erasure").with(as(author)).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(authorOf(rejected)).isEqualTo(author.username());

		mvc.perform(post("/api/me/data/erasure").with(as(author)).contentType(MediaType.APPLICATION_JSON)
						.content("{\"confirm\": true}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.erased['contributions.contributions']").value(2));

		for (var id : new ContributionId[] { rejected, pending }) {
			var row = jdbc.sql("""
					select author_username, author_name, author_email, author_function, author_erased_at, title, outcome
					from intake.contribution where id = ?""").param(id.id()).query().singleRow();
			assertThat(row.get("author_username")).isNull();
			assertThat(row.get("author_name")).isNull();
			assertThat(row.get("author_email")).isNull();
			assertThat(row.get("author_function")).isEqualTo(ContributorData.ERASED);
			assertThat(row.get("author_erased_at")).isNotNull();
		}
		assertThat(outcome(rejected)).as("the outcome stays").isEqualTo("REJECTED");
		assertThat(outcome(pending)).isEqualTo("PENDING");
		assertThat(contributionsOf(campaign)).as("the funnel still adds up").isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from notifications.outbox where recipient = ?")
				.param(author.email()).query(Long.class).single()).as("no mail keeps the address").isZero();
		assertThat(jdbc.sql("select count(*) from platform.personal_data_erasure where subject_hash = ?")
				.param(keyedDigest(author.username())).query(Long.class).single()).as("the erasure is logged").isEqualTo(1);

		mvc.perform(get("/api/me/contributions").with(as(author)))
				.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/me/data").with(as(author)))
				.andExpect(jsonPath("$.contributions.length()").value(0));
		// curators still read the contribution, without its author
		mvc.perform(get("/api/contributions/{id}", rejected.id()).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(author.email()))))
				.andExpect(content().string(not(containsString(author.displayName()))));
	}

	@Test
	void thePageAsksForAConfirmationBeforeErasing(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var author = someone();
		var id = submit(campaign, author, "Un besoin à effacer");

		mvc.perform(get("/mes-donnees/effacement").with(as(author)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("définitif")));
		mvc.perform(post("/mes-donnees/effacement").with(as(author)).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("fr-message--error")))
				.andExpect(content().string(containsString("Cochez la case pour confirmer")));
		assertThat(authorOf(id)).as("nothing erased without the confirmation").isEqualTo(author.username());

		mvc.perform(post("/mes-donnees/effacement").with(as(author)).with(csrf()).param("confirmation", "oui"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Vos données personnelles sont effacées")))
				.andExpect(content().string(containsString("retirés de votre contribution")));
		assertThat(authorOf(id)).isNull();
	}

	String outcome(ContributionId id) {
		return jdbc.sql("select outcome from intake.contribution where id = ?").param(id.id()).query(String.class).single();
	}

	String authorOf(ContributionId id) {
		return jdbc.sql("select author_username from intake.contribution where id = ?").param(id.id())
				.query(String.class).optional().orElse(null);
	}

	/** The erasure log's digest (ADR 39): an HMAC-SHA256 with the key of the test contexts. */
	static String keyedDigest(String text) throws Exception {
		var mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(
				cocon.testing.TestPostgresEnvironmentPostProcessor.PERSONAL_DATA_KEY.getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}
}
