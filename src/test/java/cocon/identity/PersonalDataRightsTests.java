package cocon.identity;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.TestClockConfiguration;
import cocon.testing.TestPostgresEnvironmentPostProcessor;

/**
 * Issue 20, finding 7: every module that keeps personal data takes part in the download and the erasure, decisions
 * stay attributable, and the erasure log names the person by a keyed digest only. (The context of the curation and
 * referents tests: no context of its own.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class PersonalDataRightsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDownloadHoldsWhatEveryModuleKeepsAboutThePerson() throws Exception {
		var person = PersonalDataFixture.of(jdbc, 2021);
		var user = person.user();

		mvc.perform(get("/api/me/data").with(as(user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.account.knownIdentity.displayName").value(user.displayName()))
				.andExpect(jsonPath("$.account.organisationsFirstSignedInFor.length()").value(1))
				.andExpect(jsonPath("$.account.proConnectAccounts[0].identityProvider").value("idp-mairie"))
				.andExpect(jsonPath("$.account.proConnectAccounts[0].email").value(user.email()))
				.andExpect(jsonPath("$.contributions.length()").value(1))
				.andExpect(jsonPath("$.contributions[0].title").value("Un besoin importé"))
				.andExpect(jsonPath("$.contributions[0].importedFromFile").value(true))
				.andExpect(jsonPath("$.notifications.courriels[0].destinataire").value(user.email()))
				.andExpect(jsonPath("$.supports.length()").value(2))
				.andExpect(jsonPath("$.supports[0].collectivite.siren").value(person.siren()))
				.andExpect(jsonPath("$.referentApplications.length()").value(1))
				.andExpect(jsonPath("$.referentApplications[0].contactEmail").value(user.email()))
				.andExpect(jsonPath("$.referentApplications[0].appliedByYou").value(true))
				.andExpect(jsonPath("$.committee.seats[0].organisation").value("AMRF"))
				.andExpect(jsonPath("$.committee.conflictsOfInterest[0].reason").value("Mon conjoint dirige le prestataire pressenti."))
				.andExpect(jsonPath("$.committee.maturityAssessments[0].note").value("Vu avec la maire : prêt à expérimenter."));
	}

	@Test
	void erasureRemovesThePersonFromEveryModuleAndKeepsWhatIsTheirCollectivitesOrAttributable() throws Exception {
		var person = PersonalDataFixture.of(jdbc, 2021);
		var user = person.user();

		mvc.perform(post("/mes-donnees/effacement").with(as(user)).with(csrf()).param("confirmation", "oui"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Vos données personnelles sont effacées")))
				.andExpect(content().string(containsString("retirés de votre contribution")))
				.andExpect(content().string(containsString("2 soutiens donnés ou retirés")))
				.andExpect(content().string(containsString("1 motif de conflit d’intérêts effacé")));

		// identity: the known identity is gone, the first sign-in for an organisation names nobody
		assertThat(count("select count(*) from platform.known_identity where username = ?", user.username())).isZero();
		assertThat(count("select count(*) from platform.proconnect_account where username = ?", user.username())).isZero();
		assertThat(count("select count(*) from platform.unverified_organisation where first_username = ?", user.username())).isZero();
		// intake: the contribution imported at their address stays, without its author; the mail without address
		var contribution = jdbc.sql("select author_name, author_email, author_erased_at, outcome from intake.contribution where id = ?")
				.param(person.contribution()).query().singleRow();
		assertThat(contribution.get("author_name")).isNull();
		assertThat(contribution.get("author_email")).isNull();
		assertThat(contribution.get("author_erased_at")).isNotNull();
		assertThat(count("select count(*) from notifications.outbox where recipient = ?", user.email())).isZero();
		// voting: the supports stay the commune's, through an agent whose identifier is erased
		assertThat(count("select count(*) from voting.support where siren = ?", person.siren())).isEqualTo(1);
		assertThat(count("select count(*) from voting.support_history where siren = ?", person.siren())).isEqualTo(1);
		assertThat(count("""
				select count(*) from (select supported_by from voting.support where supported_by = :u
				union all select supported_by from voting.support_history where supported_by = :u or ended_by = :u) x""",
				user.username())).isZero();
		// referents: the application stays, without applicant nor contact
		var application = jdbc.sql("select contact_name, contact_email, applied_by from referents.referent_territory where siren = ?")
				.param(person.siren()).query().singleRow();
		assertThat(application.values()).doesNotContain(user.username(), user.email(), user.displayName());
		// governance: the declaration and the level stay (the member stays out of the decision), the texts go
		assertThat(jdbc.sql("select reason from governance.conflict_of_interest where username = ?").param(user.username())
				.query(String.class).single()).isEqualTo("Motif effacé");
		var assessment = jdbc.sql("select level, note from governance.maturity_assessment where username = ?")
				.param(user.username()).query().singleRow();
		assertThat(((Number) assessment.get("level")).intValue()).isEqualTo(3);
		assertThat(assessment.get("note")).isNull();
		assertThat(count("select count(*) from governance.committee_member where username = ?", user.username()))
				.as("the seat stays attributable").isEqualTo(1);

		mvc.perform(get("/api/me/data").with(as(user)))
				.andExpect(jsonPath("$.contributions.length()").value(0))
				.andExpect(jsonPath("$.supports.length()").value(0))
				.andExpect(jsonPath("$.referentApplications.length()").value(0));
	}

	@Test
	void theErasureLogNamesThePersonByAKeyedDigestOnly() throws Exception {
		var person = PersonalDataFixture.of(jdbc, 2021);
		var username = person.user().username();

		mvc.perform(post("/api/me/data/erasure").with(as(person.user())).contentType(MediaType.APPLICATION_JSON)
				.content("{\"confirm\": true}")).andExpect(status().isOk());

		assertThat(count("select count(*) from platform.personal_data_erasure where subject_hash = ?", sha256(username)))
				.as("a plain SHA-256 of the user name, which anyone can recompute").isZero();
		assertThat(count("select count(*) from platform.personal_data_erasure where subject_hash = ? and requested_by = 'SELF'",
				hmac(username))).isEqualTo(1);
	}

	private long count(String sql, String param) {
		return sql.contains(":u") ? jdbc.sql(sql).param("u", param).query(Long.class).single()
				: jdbc.sql(sql).param(param).query(Long.class).single();
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The digest with the key every test context is given. */
	static String hmac(String text) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(TestPostgresEnvironmentPostProcessor.PERSONAL_DATA_KEY.getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}
}
