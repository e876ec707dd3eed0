package cocon.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;

import cocon.curation.events.ProposalPublished;
import cocon.demo.Consultation2021;
import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CollectiviteKind;
import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.voting.events.SupportsClosed;

/**
 * Replays 2021 from the close of supports on: the 67 proposals of the story ({@link Consultation2021}, the one the
 * demonstration replays) published and 531 supports, the committee of 3 May retains 17 (one member stepping out of
 * the item they are in conflict on), then funds 44 projects within 30 M€; a 45th project that would exceed the
 * envelope is refused and changes nothing.
 */
@GovernanceTest
class Replay2021GovernanceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	@Test
	void replaysTheShortlistAndFundingOf2021(Scenario scenario, AssertablePublishedEvents events) throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var story = Consultation2021.story();
		var campaign = steps.campaignWithCommittee(story.title());

		var proposals = new ArrayList<ProposalPublished>();
		for (var proposal : story.proposals()) {
			proposals.add(CommitteeSteps.published(campaign, proposal.title()));
		}
		assertThat(proposals).hasSize(67);
		steps.publish(scenario, campaign, proposals);

		// 531 supports: proposal i gets 14 - i / 5 supports for the first 60 (510), the last 7 share the other 21.
		var tallies = new ArrayList<SupportsClosed.Tally>();
		int total = 0;
		for (int i = 0; i < 67; i++) {
			int count = i < 60 ? 14 - i / 5 : 0;
			tallies.add(new SupportsClosed.Tally(proposals.get(i).proposalId(), count,
					Map.of(CollectiviteKind.COMMUNE, count), count * 1000L));
			total += count;
		}
		var rest = 531 - total;
		assertThat(rest).isPositive();
		for (int i = 60; i < 67; i++) {
			int count = rest / 7 + (i - 60 < rest % 7 ? 1 : 0);
			tallies.set(i, new SupportsClosed.Tally(proposals.get(i).proposalId(), count,
					Map.of(CollectiviteKind.COMMUNE, count), count * 1000L));
		}
		assertThat(tallies.stream().mapToInt(SupportsClosed.Tally::supportCount).sum()).isEqualTo(531);
		scenario.stimulate((BiConsumer<TransactionOperations, ApplicationEventPublisher>) (tx, publisher) -> tx
				.executeWithoutResult(s -> publisher.publishEvent(new SupportsClosed(campaign, tallies, 531,
						Instant.parse("2021-04-30T21:59:59Z")))))
				.andWaitForStateChange(() -> book.supportsClosed(campaign))
				.andVerify(closed -> assertThat(closed).isTrue());

		// committee2 (ADF) is in conflict on the first proposal
		var first = proposals.get(0);
		steps.json(post("/api/proposals/" + first.proposalId() + "/conflicts"), Identities.committee(2),
				"{\"reason\": \"Élu du département porteur\"}").andExpect(status().isCreated());
		steps.json(put("/api/proposals/" + first.proposalId() + "/maturity"), Identities.committee(2),
				"{\"level\": 4}").andExpect(status().isConflict());
		steps.json(put("/api/proposals/" + first.proposalId() + "/maturity"), Identities.committee(1),
				"{\"level\": 3, \"note\": \"Solution existante à adapter\"}").andExpect(status().isOk());

		// the ranking puts the most supported first; the committee retains the 17 first
		var inputs = mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs")
				.with(cocon.testing.Identities.as(Identities.committee(3))))
				.andExpect(jsonPath("$.supportsSource").value("FINAL"))
				.andExpect(jsonPath("$.proposals.length()").value(67))
				.andExpect(jsonPath("$.proposals[0].title").value(story.proposals().get(0).title()))
				.andReturn().getResponse().getContentAsString();
		List<String> ranked = com.jayway.jsonpath.JsonPath.read(inputs, "$.proposals[*].proposalId");
		var retained = ranked.subList(0, 17);

		clock.set("2021-05-03T14:00:00+02:00");
		var body = "{\"proposalIds\": [" + String.join(", ", retained.stream().map(id -> "\"" + id + "\"").toList())
				+ "], \"rationale\": \"Propositions les plus soutenues, besoins partagés par de nombreux territoires\"}";
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1), body)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.steppedOut.length()").value(1))
				.andExpect(jsonPath("$.steppedOut[0].username").value("committee2"));
		assertThat(events.ofType(ProposalsShortlisted.class).matching(e -> e.campaignId().equals(campaign)))
				.singleElement().satisfies(e -> assertThat(e.proposals()).hasSize(17));

		// 5 July: 44 projects answering the 17 proposals, 29 940 000 € in all
		clock.set("2021-07-05T15:00:00+02:00");
		for (int i = 0; i < 44; i++) {
			var proposalId = retained.get(i % 17);
			long budget = i == 43 ? 700_000 : 680_000;
			steps.json(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(i % 2 == 0 ? 1 : 3),
					"""
							{"proposalId": "%s", "provider": "Porteur %d", "title": "Projet %d", "budgetEuros": %d,
							 "milestones": [{"label": "Feuille de route", "due": "2021-09-30"}]}"""
							.formatted(proposalId, i + 1, i + 1, budget))
					.andExpect(status().isCreated());
		}
		assertThat(events.ofType(ProjectsFunded.class).matching(e -> e.campaignId().equals(campaign))).hasSize(44);

		steps.json(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(3), """
				{"proposalId": "%s", "provider": "Porteur 45", "title": "Projet de trop", "budgetEuros": 100000,
				 "milestones": []}""".formatted(retained.get(5)))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.remainingEuros").value(60_000));

		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(jsonPath("$.envelopeEuros").value(30_000_000))
				.andExpect(jsonPath("$.shortlist.length()").value(17))
				.andExpect(jsonPath("$.fundedProjects.length()").value(44))
				.andExpect(jsonPath("$.totalFundedEuros").value(29_940_000))
				.andExpect(jsonPath("$.remainingEuros").value(60_000))
				.andExpect(jsonPath("$.shortlistDecisions[0].steppedOut[0].title").value(story.proposals().get(0).title()));
		assertThat(events.ofType(ProjectsFunded.class).matching(e -> e.campaignId().equals(campaign))).hasSize(44);
	}
}
