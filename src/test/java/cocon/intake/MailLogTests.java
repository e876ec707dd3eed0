package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;

import com.jayway.jsonpath.JsonPath;

import cocon.curation.events.ContributionRejected;
import cocon.shared.ContributionId;

/**
 * Issue 20, finding 7: no personal data in the logs. A mail to a contributor is logged by its number, never with the
 * address, the name or the contents (the title of the contribution among them); the outbox keeps the mail.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailLogTests extends IntakeTestSupport {

	@Test
	void aMailIsLoggedByItsNumberWithoutAddressNameOrContents(Scenario scenario, CapturedOutput output) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var author = PersonalDataTests.someone();
		var title = "Un besoin au titre reconnaissable " + UUID.randomUUID();
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(author))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(title, "Un besoin décrit avec nos mots.", "Mobilités", "ELU", "Adjointe au maire")))
				.andExpect(status().isCreated()).andReturn();
		var id = ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));

		scenario.publish(new ContributionRejected(id, campaign, "Hors du champ de la consultation.", "curator",
						PersonalDataTests.DECIDED))
				.andWaitForStateChange(() -> jdbc.sql("select id from intake.outbox where contribution_id = ?")
						.param(id.id()).query(UUID.class).optional(), java.util.Optional::isPresent);
		var mail = jdbc.sql("select id from intake.outbox where contribution_id = ?").param(id.id()).query(UUID.class).single();

		// the line is written before the mail's transaction commits
		assertThat(output.getAll()).doesNotContain(author.email()).doesNotContain(author.displayName())
				.doesNotContain(title).contains("Courriel " + mail);
	}

	@Test
	void aMailServersRefusalIsLoggedWithoutTheAddressItQuotes() {
		assertThat(ContributorNotifier.withoutAddresses(
				"org.springframework.mail.MailSendException: Invalid Addresses: <camille.martin@lyon.fr>, a.b@c.fr; 550 5.1.1"))
				.isEqualTo("org.springframework.mail.MailSendException: Invalid Addresses: <<adresse>>, <adresse>; 550 5.1.1");
	}
}
