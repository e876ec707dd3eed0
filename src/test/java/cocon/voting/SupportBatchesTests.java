package cocon.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.test.Scenario;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.voting.Support.SupportId;
import cocon.voting.Support.Supporter;

/**
 * The group commit of supports (ADR 0027): supports that wait together are stored in one transaction, each request
 * is answered only once its support is committed, a collectivité counts once even twice in the same batch, and a
 * support the database refuses fails alone.
 */
class SupportBatchesTests extends VotingTestSupport {

	@Autowired
	SupportBatches batches;

	@Autowired
	DataSource dataSource;

	@Autowired
	Supports store;

	@Autowired
	SupportFeed feed;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void duringTheSupportWindow() {
		clock.set(DURING_SUPPORTS);
	}

	@Test
	void storesTheSupportsThatWaitedTogetherInOneTransactionAndCountsACollectiviteOnce(Scenario scenario)
			throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 2);
		var supports = new ArrayList<Support>();
		for (int i = 0; i < 30; i++) {
			supports.add(support(proposals.get(i % 2), campaign, siren(i), "Commune " + i));
		}
		// the same collectivité twice for the same proposal, in the same batch
		supports.add(support(proposals.get(0), campaign, siren(0), "Commune 0"));

		var outcomes = storeWhileTheFirstWaits(supports);

		assertThat(outcomes.stream().filter(Boolean::booleanValue)).hasSize(30);
		assertThat(outcomes.get(0) ^ outcomes.get(30)).as("exactly one of the two requests says created").isTrue();
		assertThat(activeSupports(proposals.get(0)) + activeSupports(proposals.get(1))).isEqualTo(30);
		assertThat(tally(proposals.get(0))).isEqualTo(15);
		assertThat(tally(proposals.get(1))).isEqualTo(15);
		assertThat(transactionsThatStored(proposals))
				.as("the first support alone, then the 30 that waited for it in one transaction").isEqualTo(2);
		assertThat(recorded.awaitGiven(proposals.get(0), 15)).hasSize(15);
		assertThat(recorded.awaitGiven(proposals.get(1), 15)).hasSize(15);
	}

	@Test
	void theSupportsOfABatchMakeOneLineOfTheFeedWhosePublicationGivesEachOfThem(Scenario scenario) {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 2);
		var batch = List.of(support(proposals.get(0), campaign, siren(300), "Commune 300"),
				support(proposals.get(1), campaign, siren(301), "Commune 301"),
				support(proposals.get(0), campaign, siren(302), "Commune 302"));

		var lines = transactions.execute(status -> {
			store.storeAll(batch);
			return jdbc.sql("select cardinality(sirens) from voting.support_feed where campaign_id = ?")
					.param(campaign.id()).query(Integer.class).list();
		});
		assertThat(lines).as("one line of the feed for the batch, not one per support (ADR 0064)").containsExactly(3);

		feed.publishAll(Duration.ZERO);
		assertThat(recorded.awaitGiven(proposals.get(0), 2)).extracting(given -> given.siren().value())
				.containsExactlyInAnyOrder(siren(300).value(), siren(302).value());
		assertThat(recorded.awaitGiven(proposals.get(1), 1)).singleElement()
				.satisfies(given -> assertThat(given.collectiviteName()).isEqualTo("Commune 301"));
		assertThat(jdbc.sql("select count(*) from voting.support_feed where campaign_id = ?").param(campaign.id())
				.query(Long.class).single()).as("published once, then gone").isZero();
	}

	@Test
	void aSupportTheDatabaseRefusesFailsAloneAndTheOthersOfItsBatchAreStored(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		var supports = new ArrayList<Support>();
		for (int i = 100; i < 110; i++) {
			supports.add(support(proposal, campaign, siren(i), "Commune " + i));
		}
		// PostgreSQL refuses a NUL character in a text: the whole batch's statement fails
		supports.add(5, support(proposal, campaign, siren(200), "Commune\u0000 piégée"));

		var results = submitWhileTheFirstWaits(supports);

		for (int i = 0; i < results.size(); i++) {
			if (i == 5) {
				var refused = results.get(i);
				assertThatThrownBy(refused::get).hasCauseInstanceOf(DataIntegrityViolationException.class);
			}
			else {
				assertThat(results.get(i).get()).isTrue();
			}
		}
		assertThat(activeSupports(proposal)).isEqualTo(10);
		assertThat(tally(proposal)).isEqualTo(10);
	}

	/** Stores the supports from as many threads, the first alone while the others queue behind it. */
	private List<Boolean> storeWhileTheFirstWaits(List<Support> supports) throws Exception {
		var outcomes = new ArrayList<Boolean>();
		for (var result : submitWhileTheFirstWaits(supports)) {
			outcomes.add(result.get());
		}
		return outcomes;
	}

	/**
	 * Holds the lock a merge takes on the supports, so that the writer's first transaction waits; submits the first
	 * support, then the others, which queue; releases the lock once they all wait: they make the next batch.
	 */
	private List<Future<Boolean>> submitWhileTheFirstWaits(List<Support> supports) throws Exception {
		var pool = Executors.newFixedThreadPool(supports.size());
		try (var blocker = dataSource.getConnection()) { // a connection of its own, outside any transaction of the test
			blocker.setAutoCommit(false);
			blocker.createStatement().execute("lock table voting.support in share row exclusive mode");
			var results = new ArrayList<Future<Boolean>>();
			results.add(pool.submit(store(supports.get(0))));
			await().atMost(Duration.ofSeconds(10)).until(this::writerWaitsForTheLock);
			for (var support : supports.subList(1, supports.size())) {
				results.add(pool.submit(store(support)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == supports.size() - 1);
			blocker.commit();
			for (var result : results) {
				try {
					result.get();
				}
				catch (Exception refused) {
					// looked at by the caller
				}
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Callable<Boolean> store(Support support) {
		return () -> batches.store(support);
	}

	private boolean writerWaitsForTheLock() {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where wait_event_type = 'Lock' and query like '%insert into voting.support%'""")
				.query(Long.class).single() > 0;
	}

	/** How many transactions wrote the supports of these proposals (the rows of one share its id, {@code xmin}). */
	private long transactionsThatStored(List<ProposalId> proposals) {
		return jdbc.sql("select count(distinct xmin::text) from voting.support where proposal_id in (?, ?)")
				.params(proposals.get(0).id(), proposals.get(1).id()).query(Long.class).single();
	}

	private Support support(ProposalId proposal, CampaignId campaign, Siren siren, String name) {
		return new Support(new SupportId(proposal, siren), campaign,
				new Supporter(siren, name, CollectiviteKind.COMMUNE, "69", "84", 1_000), "agent-" + siren.value(),
				clock.instant());
	}

	/** The n-th of a series of Luhn-valid SIRENs of communes. */
	private static Siren siren(int n) {
		var digits = "2%07d".formatted(n);
		for (int check = 0; check < 10; check++) {
			if (Siren.isValid(digits + check)) {
				return Siren.of(digits + check);
			}
		}
		throw new IllegalStateException();
	}
}
