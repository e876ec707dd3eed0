package cocon.governance;

import static cocon.testing.Identities.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cocon.curation.events.ProposalPublished;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.testing.Identities;

/** The steps the committee tests share: a campaign with its committee, proposals published by curation. */
record CommitteeSteps(MockMvc mvc, ProposalBook book) {

	CampaignId campaignWithCommittee(String title) throws Exception {
		var body = mvc.perform(post("/api/campaigns").with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content(CampaignFixtures.campaign2021(title)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var id = CampaignId.of(JsonPath.read(body, "$.id"));
		mvc.perform(put("/api/campaigns/" + id + "/committee").with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"members": [{"username": "committee1", "organisation": "AMF"},
						             {"username": "committee2", "organisation": "ADF"},
						             {"username": "committee3", "organisation": "DINUM"}]}"""))
				.andExpect(status().isOk());
		return id;
	}

	static ProposalPublished published(CampaignId campaign, String title) {
		return new ProposalPublished(ProposalId.random(), campaign, title, "Résumé de " + title, "Mobilités",
				List.of(), Instant.parse("2021-03-30T10:00:00Z"));
	}

	/** Curation publishes the proposals; governance knows them once its listener ran. */
	void publish(Scenario scenario, CampaignId campaign, List<ProposalPublished> proposals) {
		scenario.stimulate((java.util.function.BiConsumer<org.springframework.transaction.support.TransactionOperations, org.springframework.context.ApplicationEventPublisher>) (tx, publisher) -> tx.executeWithoutResult(status -> proposals.forEach(publisher::publishEvent)))
				.andWaitForStateChange(() -> book.standing(campaign).size(), n -> n == proposals.size())
				.andVerify(n -> {
				});
	}

	ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			cocon.shared.identity.CurrentUser user, String body) throws Exception {
		return mvc.perform(request.with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static String ids(List<ProposalPublished> proposals) {
		return proposals.stream().map(p -> "\"" + p.proposalId() + "\"").reduce((a, b) -> a + ", " + b).orElse("");
	}

	static UUID id(ProposalPublished p) {
		return p.proposalId().id();
	}
}
