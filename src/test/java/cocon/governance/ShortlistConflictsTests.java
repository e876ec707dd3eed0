package cocon.governance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import cocon.curation.events.ProposalPublished;
import cocon.shared.CampaignId;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

/**
 * Issue 20, finding 5 (design invariant 6): whoever records the shortlist is one of the members present, a
 * conflict of interest binds them as it binds the others, and every member present who steps out of an item the
 * committee examined is recorded with the decision.
 */
@GovernanceTest
class ShortlistConflictsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	CommitteeSteps steps;

	CampaignId campaign;

	ProposalPublished usagers;

	ProposalPublished signalement;

	private void aCampaignWithTwoProposals(Scenario scenario) throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		steps = new CommitteeSteps(mvc, book);
		campaign = steps.campaignWithCommittee("Conflits et présélection");
		usagers = CommitteeSteps.published(campaign, "Relation usagers");
		signalement = CommitteeSteps.published(campaign, "Signalement");
		steps.publish(scenario, campaign, List.of(usagers, signalement));
	}

	private void declareConflict(int member, ProposalPublished proposal) throws Exception {
		steps.json(post("/api/proposals/" + proposal.proposalId() + "/conflicts"), Identities.committee(member),
				"{\"reason\": \"Élu d'une collectivité porteuse\"}").andExpect(status().isCreated());
	}

	private org.springframework.test.web.servlet.ResultActions shortlist(int decider, List<ProposalPublished> retained,
			String presentMembers) throws Exception {
		clock.set("2021-05-03T10:00:00+02:00");
		return steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(decider),
				"{\"proposalIds\": [" + CommitteeSteps.ids(retained) + "], \"rationale\": \"Besoins partagés\""
						+ (presentMembers == null ? "" : ", \"presentMembers\": " + presentMembers) + "}");
	}

	@Test
	void theMemberWhoRecordsTheShortlistMustBeAmongTheMembersPresent(Scenario scenario) throws Exception {
		aCampaignWithTwoProposals(scenario);
		shortlist(1, List.of(usagers), "[\"committee2\", \"committee3\"]")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("presentMembers"))
				.andExpect(jsonPath("$.detail").value("Vous enregistrez la décision : cochez-vous parmi les membres présents."));

		shortlist(1, List.of(usagers), "[\"committee1\", \"committee3\"]").andExpect(status().isCreated());
	}

	@Test
	void aMemberInConflictOnARetainedProposalCannotRecordTheShortlist(Scenario scenario) throws Exception {
		aCampaignWithTwoProposals(scenario);
		declareConflict(2, usagers);

		shortlist(2, List.of(usagers, signalement), null)
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("Vous avez déclaré un conflit d'intérêts sur « Relation usagers » : "
						+ "vous ne pouvez pas enregistrer une décision qui la retient. Un autre membre présent l'enregistre."));

		shortlist(1, List.of(usagers, signalement), null)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.steppedOut.length()").value(1))
				.andExpect(jsonPath("$.steppedOut[0].username").value("committee2"));
	}

	@Test
	void theDeciderStepsOutOfAnExaminedProposalTheyAreInConflictOnAndItIsRecorded(Scenario scenario) throws Exception {
		aCampaignWithTwoProposals(scenario);
		declareConflict(1, signalement);

		shortlist(1, List.of(usagers), "[\"committee1\", \"committee2\"]")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.steppedOut.length()").value(1))
				.andExpect(jsonPath("$.steppedOut[0].username").value("committee1"))
				.andExpect(jsonPath("$.steppedOut[0].proposalId").value(signalement.proposalId().id().toString()));

		// the public record names the organisation that stepped out of the proposal it did not retain
		mvcGetDecisions()
				.andExpect(jsonPath("$.shortlistDecisions[0].steppedOut[0].organisation").value("AMF"))
				.andExpect(jsonPath("$.shortlistDecisions[0].steppedOut[0].title").value("Signalement"));
	}

	@Test
	void aMemberPresentInConflictOnAProposalNotRetainedStepsOutOfItToo(Scenario scenario) throws Exception {
		aCampaignWithTwoProposals(scenario);
		declareConflict(3, signalement);

		shortlist(1, List.of(usagers), null)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.steppedOut.length()").value(1))
				.andExpect(jsonPath("$.steppedOut[0].username").value("committee3"));
	}

	private org.springframework.test.web.servlet.ResultActions mvcGetDecisions() throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/campaigns/" + campaign + "/decisions"));
	}
}
