package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.curation.events.ProposalRevised;
import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportsRecorded;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsClosed;

@GovernanceTest
class CommitteeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cocon.shared.identity.CommitteeSeats seats;

	CommitteeSteps steps;

	@BeforeEach
	void setUp() {
		clock.set("2021-04-20T10:00:00+02:00");
		steps = new CommitteeSteps(mvc, book);
	}

	@Test
	void onlyAnAdministratorNamesTheCommitteeAndEveryNamingIsKept() throws Exception {
		var campaign = steps.campaignWithCommittee("Comité renommé");
		steps.json(put("/api/campaigns/" + campaign + "/committee"), Identities.committee(1),
				"{\"members\": [{\"username\": \"committee1\", \"organisation\": \"AMF\"}]}")
				.andExpect(status().isForbidden());
		steps.json(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(),
				"{\"members\": [{\"username\": \"committee4\", \"organisation\": \"France Urbaine\"}]}")
				.andExpect(status().isOk());
		mvc.perform(get("/api/campaigns/" + campaign + "/committee").with(as(Identities.admin())))
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].members[0].username").value("committee4"))
				.andExpect(jsonPath("$[1].members.length()").value(3));
		// the public sees the organisations represented, not who the members are nor who appointed them
		mvc.perform(get("/api/campaigns/" + campaign + "/committee"))
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].members[0].organisation").value("France Urbaine"))
				.andExpect(jsonPath("$[0].members[0].username").doesNotExist())
				.andExpect(jsonPath("$[0].appointedBy").doesNotExist());
		steps.json(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(), "{\"members\": []}")
				.andExpect(status().isBadRequest());
	}

	@Test
	void aSeatIsOneOnTheLatestNamingOfACommittee() throws Exception {
		var campaign = steps.campaignWithCommittee("Sièges du comité");
		var member = "agent-" + aSiren();
		steps.json(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(),
				"{\"members\": [{\"username\": \"" + member + "\", \"organisation\": \"AMRF\"}]}")
				.andExpect(status().isOk());
		assertThat(seats.seated(member)).isTrue();

		steps.json(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(),
				"{\"members\": [{\"username\": \"committee4\", \"organisation\": \"France Urbaine\"}]}")
				.andExpect(status().isOk());
		assertThat(seats.seated(member)).as("named by an earlier naming only").isFalse();
	}

	/** A SIREN no other test uses: eight random digits and the Luhn key. */
	private static String aSiren() {
		var base = String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		for (int key = 0; key <= 9; key++) {
			var siren = base + key;
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				int digit = siren.charAt(8 - i) - '0';
				if (i % 2 == 1) {
					digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
			}
			if (sum % 10 == 0) {
				return siren;
			}
		}
		throw new IllegalStateException();
	}

	@Test
	void publishedAndRevisedProposalsBecomeKnown(Scenario scenario) throws Exception {
		var campaign = steps.campaignWithCommittee("Propositions connues");
		var proposal = CommitteeSteps.published(campaign, "Faciliter le signalement d'incidents");
		steps.publish(scenario, campaign, List.of(proposal));

		scenario.publish(new ProposalRevised(proposal.proposalId(), campaign, "Signaler un incident", "Résumé",
				"Dématérialisation", Instant.now()))
				.andWaitForStateChange(() -> book.find(proposal.proposalId()).map(ProposalBook.KnownProposal::title),
						title -> title.filter("Signaler un incident"::equals).isPresent())
				.andVerify(title -> assertThat(book.standing(campaign)).hasSize(1));
	}

	@Test
	void supportsFeedTheDecisionInputsLiveThenFromTheFinalTally(Scenario scenario) throws Exception {
		var campaign = steps.campaignWithCommittee("Soutiens vers le comité");
		var a = CommitteeSteps.published(campaign, "A — relation usagers");
		var b = CommitteeSteps.published(campaign, "B — financements");
		steps.publish(scenario, campaign, List.of(a, b));
		var lyon = Siren.of("216901231");
		var rhone = Siren.of("226900017");

		scenario.stimulate((java.util.function.BiConsumer<org.springframework.transaction.support.TransactionOperations, org.springframework.context.ApplicationEventPublisher>) (tx, publisher) -> tx.executeWithoutResult(s -> {
			var now = Instant.now();
			var communeAndDepartement = Map.of(CollectiviteKind.COMMUNE, 1, CollectiviteKind.DEPARTEMENT, 1);
			var departement = Map.of(CollectiviteKind.DEPARTEMENT, 1);
			publisher.publishEvent(new SupportsRecorded(campaign, List.of(
					new SupportGiven(a.proposalId(), campaign, lyon, "Lyon", CollectiviteKind.COMMUNE, now),
					new SupportGiven(a.proposalId(), campaign, rhone, "Rhône", CollectiviteKind.DEPARTEMENT, now),
					new SupportGiven(b.proposalId(), campaign, rhone, "Rhône", CollectiviteKind.DEPARTEMENT, now)),
					List.of(), List.of(new SupportsRecorded.Count(a.proposalId(), 2, communeAndDepartement, 2_000_000),
							new SupportsRecorded.Count(b.proposalId(), 1, departement, 1_800_000)), 7, now));
			// the same support delivered again, and a withdrawal in a later batch
			publisher.publishEvent(new SupportsRecorded(campaign, List.of(
					new SupportGiven(a.proposalId(), campaign, lyon, "Lyon", CollectiviteKind.COMMUNE, now)),
					List.of(new SupportWithdrawn(b.proposalId(), campaign, rhone, now.plusSeconds(1))),
					List.of(new SupportsRecorded.Count(a.proposalId(), 2, communeAndDepartement, 2_000_000),
							new SupportsRecorded.Count(b.proposalId(), 0, Map.of(), 0)), 8, now.plusSeconds(1)));
			// the first batch delivered again, late: its counts are older than those kept
			publisher.publishEvent(new SupportsRecorded(campaign, List.of(), List.of(),
					List.of(new SupportsRecorded.Count(a.proposalId(), 1, Map.of(CollectiviteKind.COMMUNE, 1), 500_000),
							new SupportsRecorded.Count(b.proposalId(), 1, departement, 1_800_000)), 6, now));
		}))
				.andWaitForStateChange(() -> book.supports(campaign).get(a.proposalId().id()),
						tally -> tally != null && tally.count() == 2 && !book.supports(campaign).containsKey(b.proposalId().id()))
				.andVerify(tally -> assertThat(tally.byKind()).containsEntry(CollectiviteKind.DEPARTEMENT, 1));

		mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs").with(as(Identities.committee(2))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.supportsSource").value("LIVE"))
				.andExpect(jsonPath("$.proposals[0].title").value("A — relation usagers"))
				.andExpect(jsonPath("$.proposals[0].supports").value(2))
				.andExpect(jsonPath("$.proposals[0].rank").value(1));

		scenario.publish(new SupportsClosed(campaign, List.of(
				new SupportsClosed.Tally(a.proposalId(), 5, Map.of(CollectiviteKind.COMMUNE, 5), 1000),
				new SupportsClosed.Tally(b.proposalId(), 9, Map.of(CollectiviteKind.REGION, 2, CollectiviteKind.COMMUNE, 7), 5000)),
				14, Instant.now()))
				.andWaitForStateChange(() -> book.supportsClosed(campaign))
				.andVerify(closed -> assertThat(closed).isTrue());

		mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs").with(as(Identities.committee(2))))
				.andExpect(jsonPath("$.supportsSource").value("FINAL"))
				.andExpect(jsonPath("$.proposals[0].title").value("B — financements"))
				.andExpect(jsonPath("$.proposals[0].supports").value(9))
				.andExpect(jsonPath("$.proposals[0].byKind.REGION").value(2))
				.andExpect(jsonPath("$.proposals[0].score").value(60.0))
				.andExpect(jsonPath("$.proposals[1].supports").value(5));
		mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs").with(as(Identities.lyon())))
				.andExpect(status().isForbidden());
	}

	@Test
	void keepsTheNewestCountOfEachProposalWhateverTheOrderOfDelivery() throws Exception {
		var campaign = steps.campaignWithCommittee("Décomptes dans le désordre");
		var a = CommitteeSteps.published(campaign, "A — décompte");
		var newest = new ProposalBook.Tally(a.proposalId(), 3, Map.of(CollectiviteKind.COMMUNE, 3), 3000);
		var older = new ProposalBook.Tally(a.proposalId(), 5, Map.of(CollectiviteKind.COMMUNE, 5), 5000);

		book.counted(campaign, 41, List.of(newest));
		book.counted(campaign, 40, List.of(older)); // delivered late
		book.counted(campaign, 41, List.of(newest)); // delivered twice
		assertThat(book.supports(campaign).get(a.proposalId().id())).isEqualTo(newest);

		var withdrawn = new ProposalBook.Tally(a.proposalId(), 0, Map.of(), 0);
		book.counted(campaign, 42, List.of(withdrawn));
		assertThat(book.supports(campaign)).doesNotContainKey(a.proposalId().id());
		book.counted(campaign, 43, List.of(older));
		assertThat(book.supports(campaign).get(a.proposalId().id()).count()).isEqualTo(5);
	}

	/**
	 * Two batches of counts delivered at the same time (two instances publishing their feeds) share rows: each
	 * locks them in the order of their proposal, whatever the order of the batch, so that one waits for the other
	 * instead of both deadlocking. Batch A holds the first row; batch B, whose counts come in the other order, waits
	 * for it; then A takes the second row too. Written in the order of the batch, B would have held the second row.
	 */
	@Test
	void twoBatchesDeliveredAtTheSameTimeWaitForEachOtherInsteadOfDeadlocking() throws Exception {
		var campaign = steps.campaignWithCommittee("Deux lots en même temps");
		var ids = new ArrayList<>(List.of(ProposalId.random(), ProposalId.random()));
		ids.sort(Comparator.comparing(id -> id.id().toString())); // PostgreSQL's order of uuids (Java's is signed)
		var low = ids.get(0);
		var high = ids.get(1);
		var holds = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> transactions.executeWithoutResult(status -> {
				book.counted(campaign, 10, List.of(tally(low, 1)));
				holds.countDown();
				waitFor(release);
				book.counted(campaign, 10, List.of(tally(high, 1)));
			}));
			waitFor(holds);
			var b = pool.submit(() -> transactions.executeWithoutResult(
					status -> book.counted(campaign, 12, List.of(tally(high, 2), tally(low, 2)))));
			await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query like '%insert into governance.live_tally%'""")
					.query(Long.class).single() > 0);
			release.countDown();
			a.get(20, TimeUnit.SECONDS);
			b.get(20, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select support_count from governance.live_tally where proposal_id in (?, ?)")
				.params(low.id(), high.id()).query(Integer.class).list()).containsExactly(2, 2);
	}

	private static ProposalBook.Tally tally(ProposalId proposal, int count) {
		return new ProposalBook.Tally(proposal, count, Map.of(CollectiviteKind.COMMUNE, count), 1000L * count);
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("attente trop longue");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aMemberInConflictIsExcludedFromThatItemsMaturity(Scenario scenario) throws Exception {
		var campaign = steps.campaignWithCommittee("Conflit d'intérêts");
		var a = CommitteeSteps.published(campaign, "Diagnostic numérique");
		steps.publish(scenario, campaign, List.of(a));
		var maturity = "/api/proposals/" + a.proposalId() + "/maturity";

		steps.json(put(maturity), Identities.committee(1), "{\"level\": 4, \"note\": \"prêt\"}").andExpect(status().isOk());
		steps.json(put(maturity), Identities.committee(2), "{\"level\": 2, \"note\": \"besoin confirmé\"}").andExpect(status().isOk());
		steps.json(put(maturity), Identities.committee(2), "{\"level\": 5}").andExpect(status().isBadRequest());
		steps.json(put(maturity), Identities.lyon(), "{\"level\": 3}").andExpect(status().isForbidden());
		mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs").with(as(Identities.committee(3))))
				.andExpect(jsonPath("$.proposals[0].averageMaturity").value(3.0));

		steps.json(post("/api/proposals/" + a.proposalId() + "/conflicts"), Identities.committee(1),
				"{\"reason\": \"Mon association porte une solution concurrente\"}").andExpect(status().isCreated());
		steps.json(post("/api/proposals/" + a.proposalId() + "/conflicts"), Identities.committee(1),
				"{\"reason\": \"bis\"}").andExpect(status().isOk());

		steps.json(put(maturity), Identities.committee(1), "{\"level\": 4}").andExpect(status().isConflict());
		mvc.perform(get("/api/campaigns/" + campaign + "/decision-inputs").with(as(Identities.committee(3))))
				.andExpect(jsonPath("$.proposals[0].averageMaturity").value(2.0))
				.andExpect(jsonPath("$.proposals[0].maturityAssessments").value(1))
				.andExpect(jsonPath("$.proposals[0].membersInConflict[0]").value("committee1"));
	}

	@Test
	void theShortlistIsDecidedOnItsDatePublishedOnceAndCorrectedByALinkedDecision(Scenario scenario,
			AssertablePublishedEvents events) throws Exception {
		var campaign = steps.campaignWithCommittee("Présélection");
		var a = CommitteeSteps.published(campaign, "Relation usagers");
		var b = CommitteeSteps.published(campaign, "Signalement");
		var c = CommitteeSteps.published(campaign, "Financements");
		steps.publish(scenario, campaign, List.of(a, b, c));
		steps.json(post("/api/proposals/" + a.proposalId() + "/conflicts"), Identities.committee(2),
				"{\"reason\": \"Élue d'une collectivité porteuse\"}").andExpect(status().isCreated());
		var body = "{\"proposalIds\": [" + CommitteeSteps.ids(List.of(a, b)) + "], \"rationale\": \"Soutiens et maturité\"}";

		clock.set("2021-05-02T23:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1), body)
				.andExpect(status().isConflict());
		clock.set("2021-05-03T09:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.lyon(), body)
				.andExpect(status().isForbidden());
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1),
				"{\"proposalIds\": [\"" + java.util.UUID.randomUUID() + "\"], \"rationale\": \"x\"}")
				.andExpect(status().isBadRequest());

		var first = com.jayway.jsonpath.JsonPath.read(steps.json(post("/api/campaigns/" + campaign + "/shortlist"),
				Identities.committee(1), body)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.steppedOut[0].username").value("committee2"))
				.andReturn().getResponse().getContentAsString(), "$.id").toString();

		assertThat(events.ofType(ProposalsShortlisted.class).matching(e -> e.campaignId().equals(campaign)))
				.hasSize(1)
				.allSatisfy(e -> {
					assertThat(e.decisionId()).hasToString(first);
					assertThat(e.supersedes()).isNull();
					assertThat(e.proposals()).extracting(ProposalsShortlisted.ShortlistedProposal::title)
							.containsExactly("Relation usagers", "Signalement");
				});

		var correction = "{\"proposalIds\": [" + CommitteeSteps.ids(List.of(a, b, c))
				+ "], \"rationale\": \"Ajout des financements\", \"presentMembers\": [\"committee1\", \"committee3\"]}";
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(3), correction)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.supersedes").value(first))
				.andExpect(jsonPath("$.steppedOut.length()").value(0));
		assertThat(events.ofType(ProposalsShortlisted.class).matching(e -> e.campaignId().equals(campaign))).hasSize(2);

		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.shortlist.length()").value(3))
				.andExpect(jsonPath("$.shortlistDecisions.length()").value(2))
				.andExpect(jsonPath("$.shortlistDecisions[0].current").value(true))
				.andExpect(jsonPath("$.shortlistDecisions[0].supersedes").value(first))
				.andExpect(jsonPath("$.shortlistDecisions[0].presentMembers.length()").value(2))
				.andExpect(jsonPath("$.shortlistDecisions[1].current").value(false))
				.andExpect(jsonPath("$.shortlistDecisions[1].presentMembers.length()").value(3))
				// the public record names organisations, not usernames
				.andExpect(jsonPath("$.shortlistDecisions[1].steppedOut[0].organisation").value("ADF"))
				.andExpect(jsonPath("$.shortlistDecisions[1].steppedOut[0].username").doesNotExist())
				.andExpect(jsonPath("$.shortlistDecisions[1].presentMembers[0].username").doesNotExist())
				.andExpect(jsonPath("$.shortlistDecisions[1].decidedBy").value("AMF"))
				.andExpect(jsonPath("$.shortlistDecisions[1].steppedOut[0].title").value("Relation usagers"));
		mvc.perform(get("/api/campaigns/" + campaign + "/decisions").with(as(Identities.committee(3))))
				.andExpect(jsonPath("$.shortlistDecisions[1].steppedOut[0].username").value("committee2"));
	}

	@Test
	void fundingRequiresAShortlistedProposalAndStaysWithinTheEnvelope(Scenario scenario,
			AssertablePublishedEvents events) throws Exception {
		var campaign = steps.campaignWithCommittee("Financement");
		var a = CommitteeSteps.published(campaign, "Relation usagers");
		var b = CommitteeSteps.published(campaign, "Non retenue");
		steps.publish(scenario, campaign, List.of(a, b));
		clock.set("2021-05-03T09:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1),
				"{\"proposalIds\": [\"" + a.proposalId() + "\"], \"rationale\": \"La plus soutenue\"}")
				.andExpect(status().isCreated());
		clock.set("2021-07-05T10:00:00+02:00");
		var fund = post("/api/campaigns/" + campaign + "/funded-projects");

		steps.json(fund, Identities.committee(1), project(b, 1_000_000))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.remainingEuros").value(30_000_000));
		steps.json(fund, Identities.committee(1), project(a, 29_000_000))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.remainingEuros").value(1_000_000));
		assertThat(events.ofType(ProjectsFunded.class).matching(e -> e.campaignId().equals(campaign)))
				.singleElement()
				.satisfies(e -> assertThat(e.remainingEuros()).isEqualTo(1_000_000));
		steps.json(fund, Identities.committee(2), project(a, 1_000_001))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.remainingEuros").value(1_000_000));

		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(jsonPath("$.fundedProjects.length()").value(1))
				.andExpect(jsonPath("$.fundedProjects[0].milestones[1].due").value("2022-06-30"))
				.andExpect(jsonPath("$.totalFundedEuros").value(29_000_000))
				.andExpect(jsonPath("$.remainingEuros").value(1_000_000));
	}

	@Test
	void concurrentFundingNeverExceedsTheEnvelope(Scenario scenario) throws Exception {
		var campaign = steps.campaignWithCommittee("Financements simultanés");
		var a = CommitteeSteps.published(campaign, "Projet disputé");
		steps.publish(scenario, campaign, List.of(a));
		clock.set("2021-05-03T09:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1),
				"{\"proposalIds\": [\"" + a.proposalId() + "\"], \"rationale\": \"Seule\"}").andExpect(status().isCreated());

		var start = new CountDownLatch(1);
		Callable<Integer> attempt = () -> {
			start.await();
			return steps.json(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(1),
					project(a, 20_000_000)).andReturn().getResponse().getStatus();
		};
		var pool = Executors.newFixedThreadPool(4);
		try {
			var futures = List.of(pool.submit(attempt), pool.submit(attempt), pool.submit(attempt), pool.submit(attempt));
			start.countDown();
			var statuses = new ArrayList<Integer>();
			for (var f : futures) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
		}
		finally {
			pool.shutdownNow();
		}
		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(jsonPath("$.totalFundedEuros").value(20_000_000));
	}

	static String project(cocon.curation.events.ProposalPublished proposal, long budget) {
		return """
				{"proposalId": "%s", "provider": "Société coopérative Numérique", "title": "Offre pour %s",
				 "budgetEuros": %d,
				 "milestones": [{"label": "Prototype", "due": "2021-12-15"}, {"label": "Déploiement", "due": "2022-06-30"}]}"""
				.formatted(proposal.proposalId(), proposal.title(), budget);
	}

}
