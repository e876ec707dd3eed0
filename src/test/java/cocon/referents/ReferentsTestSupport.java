package cocon.referents;

import static cocon.referents.ReferentFixtures.DURING_APPLICATIONS;
import static cocon.referents.ReferentFixtures.campaign;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import cocon.shared.CampaignId;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * One Spring context for the referent territories tests over HTTP (API and pages) against the real PostgreSQL.
 * Events of the other modules are handed to this module's listeners directly, so that each test starts from a known
 * state: a fresh 2021 campaign, during the referent applications.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
abstract class ReferentsTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReferentTerritories territories;

	/** The listeners without their asynchronous proxy: each test's events are handled before it goes on. */
	ReferentListeners listeners;

	@Autowired
	void listeners(CampaignCopies campaigns, ProposalTitles titles, ReferentCalls calls, Invitations invitations,
			ReferentTerritoriesService service, java.time.Clock clock) {
		this.listeners = new ReferentListeners(campaigns, titles, calls, invitations, service, clock);
	}

	CampaignId campaign;

	@BeforeEach
	void aCampaignDuringTheApplications() {
		clock.set(DURING_APPLICATIONS);
		campaign = CampaignId.random();
		listeners.on(campaign(campaign));
	}
}
