package cocon.deployment;

import static cocon.deployment.DeploymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cocon.journeys.TableSchemaCheck;
import cocon.testing.Identities;
import tools.jackson.databind.json.JsonMapper;

/** The {@code services} and {@code adoptions} datasets: valid against their Table Schema, and nothing personal. */
class DeploymentOpenDataTests extends DeploymentTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	byte[] download(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theDatasetsOfACampaignHoldTheServicesAndAdoptionsButNoPerson() throws Exception {
		var admin = Identities.admin();
		var agent = commune("Grenoble", "38", 158_000);
		deployment.declare(service(), agent, "EN_SERVICE", "Note interne de la ville");
		deployment.declare(service(), commune("Échirolles", "38", 36_000), "ABANDONNEE", "Trop cher pour nous");
		deployment.nameTeamMember(service(), admin, "curator");
		deployment.payTranche(service(), admin, 80_000, java.time.LocalDate.parse("2022-01-15"), "Tranche 1");
		var milestone = deployment.addMilestone(service(), admin, "Bêta", java.time.LocalDate.parse("2022-06-30"));
		deployment.addMilestone(service(), admin, "Version 1", java.time.LocalDate.parse("2023-01-31"));
		deployment.milestoneDone(service(), milestone, admin, java.time.LocalDate.parse("2022-06-20"));
		var base = "/api/open-data/campaigns/" + campaign.id();

		var servicesSchema = new TableSchemaCheck(JSON.readTree(download(base + "/services/schema.json")));
		var services = servicesSchema.validateCsv(download(base + "/services.csv"));
		assertThat(services).hasSize(1);
		var row = services.get(0);
		assertThat(row.get("id").asString()).isEqualTo(project.projectId().toString());
		assertThat(row.get("budget_finance").asLong()).isEqualTo(200_000);
		assertThat(row.get("budget_verse").asLong()).isEqualTo(80_000);
		assertThat(row.get("jalons_atteints").asLong()).isEqualTo(1);
		assertThat(row.get("jalons_en_retard").asLong()).as("due in January 2023, it is March 2023").isEqualTo(1);
		assertThat(row.get("adoptions_en_service").asLong()).isEqualTo(1);
		assertThat(row.get("adoptions_abandonnees").asLong()).isEqualTo(1);
		assertThat(row.get("population_couverte").asLong()).isEqualTo(158_000);
		servicesSchema.validateJson(download(base + "/services.json"));

		var adoptionsSchema = new TableSchemaCheck(JSON.readTree(download(base + "/adoptions/schema.json")));
		var adoptions = adoptionsSchema.validateCsv(download(base + "/adoptions.csv"));
		assertThat(adoptions).hasSize(2);
		assertThat(adoptions).extracting(a -> a.get("siren").asString())
				.contains(agent.organisation().siren().value());
		adoptionsSchema.validateJson(download(base + "/adoptions.json"));

		for (var dataset : new String[] { "services.csv", "adoptions.csv", "services.json", "adoptions.json" }) {
			var text = new String(download(base + "/" + dataset), StandardCharsets.UTF_8);
			assertThat(text).as(dataset).doesNotContain("@").doesNotContain("curator").doesNotContain("admin")
					.doesNotContain(agent.username()).doesNotContain("Note interne").doesNotContain("Trop cher");
		}
	}
}
