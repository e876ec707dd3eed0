package cocon.voting;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Identities;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The acceptance criteria of issue 4 that need volume: concurrency and the replay of the 2021 supports. */
class SupportsAcceptanceTests extends VotingTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static List<Organisation> collectivites;
	static ExecutorService threads;

	@Autowired
	SupportsClosing closing;

	@BeforeAll
	static void loadRealCollectivites() throws Exception {
		collectivites = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				SupportsAcceptanceTests.class.getResourceAsStream("collectivites-replay.psv"), StandardCharsets.UTF_8))) {
			reader.lines().skip(1).map(line -> line.split("\\|", -1))
					.map(f -> new Organisation(Siren.of(f[0]), f[1], CollectiviteKind.valueOf(f[2]), true,
							f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4], Long.parseLong(f[5])))
					.forEach(collectivites::add);
		}
		threads = Executors.newFixedThreadPool(200);
	}

	@AfterAll
	static void stopThreads() {
		threads.shutdownNow();
	}

	@BeforeEach
	void duringTheSupportWindow() {
		clock.set(DURING_SUPPORTS);
	}

	@Test
	void countsOneSupportWhenTheSameCollectiviteSupportsTwoHundredTimesAtOnce(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		var lyon = Identities.lyon().organisation();
		// five people of Lyon whom no other test of the context names: the per-identity limit of supports (60 a minute,
		// ADR 0012) is kept by the cached context, and the other tests support as Identities.lyon() moments before
		var agents = List.of(Identities.agent("agent-lyon-rafale", lyon), Identities.agent("elu-lyon-1", lyon),
				Identities.agent("elu-lyon-2", lyon), Identities.agent("agent-lyon-dsi", lyon),
				Identities.agent("agent-lyon-cabinet", lyon));

		var statuses = fireAtOnce(200, i -> agents.get(i % agents.size()), i -> proposal);

		assertThat(statuses.keySet()).isSubsetOf(200, 201);
		assertThat(statuses.get(201)).isEqualTo(1);
		assertThat(statuses.get(200)).isEqualTo(199);
		assertThat(activeSupports(proposal)).isEqualTo(1);
		assertThat(tally(proposal)).isEqualTo(1);
		assertThat(count(campaign.id(), proposal)).isEqualTo(1);
	}

	@Test
	void keepsTheTallyExactWhenManyCollectivitesSupportTheSameProposalAtOnce(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		var eligible = collectivites.stream().filter(c -> c.kind() != CollectiviteKind.EPCI).limit(150).toList();

		// every eligible collectivité twice, the two requests racing each other
		var statuses = fireAtOnce(eligible.size() * 2, i -> Identities.agent("agent-" + i, eligible.get(i / 2)),
				i -> proposal);

		assertThat(statuses).containsEntry(201, eligible.size()).containsEntry(200, eligible.size());
		assertThat(activeSupports(proposal)).isEqualTo(eligible.size());
		assertThat(tally(proposal)).isEqualTo(eligible.size());
		assertThat(count(campaign.id(), proposal)).isEqualTo(eligible.size());

		// each new support is published once, a duplicate never, and in far fewer publications than supports
		recorded.awaitGiven(proposal, eligible.size());
		awaitFeedPublished(proposal);
		assertThat(recorded.given(proposal)).extracting(SupportGiven::siren)
				.containsExactlyInAnyOrderElementsOf(eligible.stream().map(Organisation::siren).toList());
		assertThat(recorded.batches().stream()
				.filter(batch -> batch.given().stream().anyMatch(given -> given.proposalId().equals(proposal))))
				.hasSizeLessThan(eligible.size() / 2);

		// voting publishes the count with each batch: a higher position never counts fewer (no withdrawal here), and
		// the newest is the exact count
		var newest = recorded.awaitNewestCount(proposal, eligible.size());
		assertThat(recorded.counts(proposal)).extracting(SupportsRecorded.Count::supportCount).isSorted();
		assertThat(newest.byKind().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(eligible.size());
		assertThat(newest.populationCovered()).isEqualTo(eligible.stream().mapToLong(Organisation::population).sum());
	}

	/** 531 supports over 67 proposals, with duplicates, groupements and attempts outside the window mixed in. */
	@Test
	void replaysThe2021SupportsAndEveryCountAgrees(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 67);
		var random = new Random(2021);
		var eligible = collectivites.stream().filter(c -> c.kind().isCollectiviteTerritoriale()).toList();
		var groupements = collectivites.stream().filter(c -> c.kind() == CollectiviteKind.EPCI).toList();

		// the supports that must count: a few proposals gather most of them, as in 2021
		record Pair(ProposalId proposal, Organisation organisation) {
		}
		var accepted = new LinkedHashSet<Pair>();
		while (accepted.size() < 531) {
			int rank = (int) Math.min(66, Math.floor(Math.pow(random.nextDouble(), 2.2) * 67));
			accepted.add(new Pair(proposals.get(rank), eligible.get(random.nextInt(eligible.size()))));
		}
		var acceptedList = new ArrayList<>(accepted);
		record Attempt(Pair pair, CurrentUser user, int expectedStatus) {
		}
		var inWindow = new ArrayList<Attempt>();
		for (var pair : acceptedList) {
			inWindow.add(new Attempt(pair, Identities.agent("agent-" + pair.organisation().siren(), pair.organisation()), 201));
		}
		for (int i = 0; i < 60; i++) {
			var pair = acceptedList.get(random.nextInt(acceptedList.size()));
			inWindow.add(new Attempt(pair, Identities.agent("elu-" + i + "-" + pair.organisation().siren(), pair.organisation()), 200));
		}
		for (int i = 0; i < 30; i++) {
			var epci = groupements.get(random.nextInt(groupements.size()));
			inWindow.add(new Attempt(new Pair(proposals.get(random.nextInt(67)), epci),
					Identities.agent("agent-" + epci.siren(), epci), 403));
		}
		Collections.shuffle(inWindow, random);
		// a duplicate must come after the support it repeats: the first attempt of a pair is the one that creates it
		var seen = new HashMap<Pair, Boolean>();
		var ordered = new ArrayList<Attempt>();
		for (var attempt : inWindow) {
			if (attempt.expectedStatus() == 403) {
				ordered.add(attempt);
			}
			else {
				boolean first = seen.putIfAbsent(attempt.pair(), true) == null;
				ordered.add(new Attempt(attempt.pair(), attempt.user(), first ? 201 : 200));
			}
		}
		var late = new ArrayList<Attempt>();
		while (late.size() < 25) {
			var pair = new Pair(proposals.get(random.nextInt(67)), eligible.get(random.nextInt(eligible.size())));
			if (!accepted.contains(pair)) {
				late.add(new Attempt(pair, Identities.agent("agent-" + pair.organisation().siren(), pair.organisation()), 409));
			}
		}

		var start = Instant.parse("2021-03-31T22:00:00Z");
		var step = Duration.ofDays(30).minusMinutes(1).dividedBy(ordered.size());
		clock.set(start.minusSeconds(60));
		for (var attempt : late.subList(0, 5)) { // too early
			assertThat(statusOf(attempt.pair().proposal(), attempt.user())).isEqualTo(409);
		}
		for (int i = 0; i < ordered.size(); i++) {
			clock.set(start.plus(step.multipliedBy(i)));
			var attempt = ordered.get(i);
			assertThat(statusOf(attempt.pair().proposal(), attempt.user())).as("attempt %d", i)
					.isEqualTo(attempt.expectedStatus());
		}
		clock.set(Instant.parse("2021-04-30T22:00:00Z"));
		for (var attempt : late.subList(5, late.size())) { // too late
			assertThat(statusOf(attempt.pair().proposal(), attempt.user())).isEqualTo(409);
		}

		// what the public sees
		var expectedCount = new HashMap<ProposalId, Integer>();
		var expectedByKind = new HashMap<ProposalId, Map<CollectiviteKind, Integer>>();
		var expectedPopulation = new HashMap<ProposalId, Long>();
		for (var pair : accepted) {
			expectedCount.merge(pair.proposal(), 1, Integer::sum);
			expectedByKind.computeIfAbsent(pair.proposal(), p -> new EnumMap<>(CollectiviteKind.class))
					.merge(pair.organisation().kind(), 1, Integer::sum);
			expectedPopulation.merge(pair.proposal(), pair.organisation().population(), Long::sum);
		}
		var listed = json(get("/api/campaigns/{id}/proposals", campaign.id()));
		assertThat(listed.size()).isEqualTo(67);
		long listedTotal = 0;
		for (var proposal : listed) {
			var id = ProposalId.of(proposal.get("id").asString());
			assertThat(proposal.get("supportCount").asInt()).isEqualTo(expectedCount.getOrDefault(id, 0));
			listedTotal += proposal.get("supportCount").asLong();
		}
		assertThat(listedTotal).isEqualTo(531);

		var ranking = json(get("/api/campaigns/{id}/ranking", campaign.id()));
		assertThat(ranking.size()).isEqualTo(67);
		int previous = Integer.MAX_VALUE;
		for (var ranked : ranking) {
			var id = ProposalId.of(ranked.get("id").asString());
			int supports = ranked.get("supportCount").asInt();
			assertThat(supports).isEqualTo(expectedCount.getOrDefault(id, 0)).isLessThanOrEqualTo(previous);
			previous = supports;
			assertThat(ranked.get("populationCovered").asLong()).isEqualTo(expectedPopulation.getOrDefault(id, 0L));
			var byKind = new EnumMap<CollectiviteKind, Integer>(CollectiviteKind.class);
			ranked.get("byKind").properties().forEach(e -> byKind.put(CollectiviteKind.valueOf(e.getKey()), e.getValue().asInt()));
			assertThat(byKind).isEqualTo(expectedByKind.getOrDefault(id, Map.of()));
			int regions = 0;
			for (var region : ranked.get("byRegion")) {
				regions += region.get("supportCount").asInt();
			}
			assertThat(regions).isEqualTo(supports);
		}

		// the final tally governance receives
		clock.set(AFTER_SUPPORTS);
		scenario.stimulate(() -> closing.closeDueCampaigns())
				.andWaitForEventOfType(SupportsClosed.class)
				.matchingMappedValue(SupportsClosed::campaignId, campaign)
				.toArriveAndVerify(closed -> {
					assertThat(closed.totalSupports()).isEqualTo(531);
					assertThat(closed.tallies()).hasSize(67);
					for (var tally : closed.tallies()) {
						assertThat(tally.supportCount()).isEqualTo(expectedCount.getOrDefault(tally.proposalId(), 0));
						assertThat(tally.byKind()).isEqualTo(expectedByKind.getOrDefault(tally.proposalId(), Map.of()));
						assertThat(tally.populationCovered()).isEqualTo(expectedPopulation.getOrDefault(tally.proposalId(), 0L));
					}
				});
	}

	private int statusOf(ProposalId proposal, CurrentUser user) throws Exception {
		return support(proposal, user).andReturn().getResponse().getStatus();
	}

	private JsonNode json(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return JSON.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private long count(java.util.UUID campaign, ProposalId proposal) throws Exception {
		for (var listed : json(get("/api/campaigns/{id}/proposals", campaign))) {
			if (listed.get("id").asString().equals(proposal.id().toString())) {
				return listed.get("supportCount").asLong();
			}
		}
		throw new AssertionError("proposition absente de la liste publique");
	}

	/** Fires the requests from as many threads, released together, and counts the responses by status. */
	private Map<Integer, Integer> fireAtOnce(int requests, java.util.function.IntFunction<CurrentUser> user,
			java.util.function.IntFunction<ProposalId> proposal) throws Exception {
		var ready = new CountDownLatch(Math.min(requests, 200));
		var go = new CountDownLatch(1);
		var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
		var futures = new ArrayList<Future<?>>();
		for (int i = 0; i < requests; i++) {
			int index = i;
			futures.add(threads.submit(() -> {
				ready.countDown();
				go.await();
				int status = mvc.perform(put("/api/proposals/{id}/support", proposal.apply(index).id())
						.with(as(user.apply(index)))).andReturn().getResponse().getStatus();
				statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
				return null;
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		for (var future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		var counts = new HashMap<Integer, Integer>();
		statuses.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}
}
