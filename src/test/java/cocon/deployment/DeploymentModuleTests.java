package cocon.deployment;

import static cocon.deployment.DeploymentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import cocon.deployment.events.AdoptionDeclared;
import cocon.deployment.events.ServicePhaseChanged;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.identity.KnownIdentities;
import cocon.testing.TestClockConfiguration;

/** The module alone, driven by the events other modules publish. */
@ApplicationModuleTest
@Import({ TestClockConfiguration.class, DeploymentModuleTests.ModuleTestBeans.class })
class DeploymentModuleTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class ModuleTestBeans {

		/** A fresh thread per listener: the published events of a test are bound to the thread that runs it. */
		@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
		SimpleAsyncTaskExecutor applicationTaskExecutor() {
			return new SimpleAsyncTaskExecutor("deployment-listener-");
		}

		/** The identity module is not bootstrapped here: every name is known. */
		@Bean
		KnownIdentities knownIdentities() {
			return username -> true;
		}
	}

	@Autowired
	Deployment deployment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFundedProjectBecomesAServiceUnderConstruction(Scenario scenario) {
		var campaign = CampaignId.random();
		var proposal = ProposalId.random();
		var project = project(proposal, "Diagnostic numérique", 300_000);

		scenario.publish(funded(campaign, project))
				.andWaitForEventOfType(ServicePhaseChanged.class)
				.matchingMappedValue(ServicePhaseChanged::serviceId, project.projectId())
				.toArriveAndVerify(changed -> {
					assertThat(changed.phase()).isEqualTo("EN_CONSTRUCTION");
					assertThat(changed.previousPhase()).isNull();
					assertThat(changed.campaignId()).isEqualTo(campaign);
					assertThat(jdbc.sql("select budget_euros from deployment.service where id = :id")
							.param("id", project.projectId()).query(Long.class).single()).isEqualTo(300_000);
				});
	}

	@Test
	void aDeclarationPublishesAnAdoptionWithoutThePerson(Scenario scenario) {
		var campaign = CampaignId.random();
		var project = project(ProposalId.random(), "Gestion des financements", 100_000);
		deployment.fund(funded(campaign, project));
		var agent = commune("Die", "26", 4_500);

		scenario.stimulate(() -> deployment.declare(new Service.ServiceId(project.projectId()), agent, "EN_TEST", null))
				.andWaitForEventOfType(AdoptionDeclared.class)
				.matchingMappedValue(AdoptionDeclared::serviceId, project.projectId())
				.toArriveAndVerify(declared -> {
					assertThat(declared.siren()).isEqualTo(agent.organisation().siren());
					assertThat(declared.status()).isEqualTo("EN_TEST");
					assertThat(declared.previousStatus()).isNull();
					assertThat(declared.toString()).doesNotContain(agent.username()).doesNotContain("@");
				});
	}
}
