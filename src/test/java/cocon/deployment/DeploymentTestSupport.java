package cocon.deployment;

import static cocon.deployment.DeploymentFixtures.*;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cocon.governance.events.ProjectsFunded;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * One Spring context for the deployment tests over HTTP (API and pages) against the real PostgreSQL (the same
 * context as the other modules' HTTP tests). The other modules' events are handed to this module's listeners
 * directly, so that each test starts from a known state: a proposal, funded, its service under construction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
abstract class DeploymentTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Deployment deployment;

	/** The listeners without their asynchronous proxy: each test's events are handled before it goes on. */
	DeploymentListeners listeners;

	@Autowired
	void listeners(Deployment deployment, UpstreamCopies copies) {
		this.listeners = new DeploymentListeners(deployment, copies);
	}

	CampaignId campaign;
	ProposalId proposal;
	ProjectsFunded.FundedProject project;

	@BeforeEach
	void aFundedProject() {
		clock.set(LATER);
		campaign = CampaignId.random();
		proposal = ProposalId.random();
		listeners.on(proposal(campaign, proposal, "Faciliter le signalement d'incidents par les usagers", "Relation usagers"));
		project = project(proposal, "Signalements citoyens " + proposal.id().toString().substring(0, 6), 200_000);
		listeners.on(funded(campaign, project));
	}

	Service.ServiceId service() {
		return new Service.ServiceId(project.projectId());
	}
}
