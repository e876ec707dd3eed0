package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * A burst of supports sent over HTTP by many clients at once to running instances of the application, killed
 * ({@code kill -9}) in its middle (the crash and many-instance tests), and what those tests read afterwards in the
 * database: the supports voting stored, and the copies of governance and referents catching up with them.
 */
public final class SupportsBurst {

	private SupportsBurst() {
	}

	/** A support to send: a proposal, and the SIREN of the commune whose agent supports it. */
	public record Pair(String proposal, String siren) {
	}

	/** Sends the support {@code index} of the burst ({@code killed}: after the kill); answers its HTTP status. */
	public interface Sender {
		int send(int index, Pair pair, boolean killed) throws IOException, InterruptedException;
	}

	/**
	 * What the clients saw: the status of every support answered, the supports sent and never answered (in flight to
	 * the process killed), whether the kill happened and when ({@link System#nanoTime()}).
	 */
	public record Result(Map<Pair, Integer> answers, Set<Pair> unanswered, boolean killed, long killedAt) {

		/** The supports answered 201 or 200. */
		public Set<Pair> acknowledged() {
			return answers.entrySet().stream().filter(e -> e.getValue() == 201 || e.getValue() == 200)
					.map(Map.Entry::getKey).collect(Collectors.toSet());
		}
	}

	/** Every commune supports every proposal, the proposals in turn so that each round spreads over all of them. */
	public static List<Pair> pairs(List<String> proposals, List<String> sirens) {
		var pairs = new ArrayList<Pair>();
		for (int round = 0; round < proposals.size(); round++) {
			for (int i = 0; i < sirens.size(); i++) {
				pairs.add(new Pair(proposals.get((round + i) % proposals.size()), sirens.get(i)));
			}
		}
		return pairs;
	}

	/**
	 * Sends the supports with {@code clients} threads, each taking the next one; once {@code killAfter} were
	 * acknowledged (201 or 200), runs {@code kill}. With {@code stopAtKill} the clients then stop, otherwise they send
	 * the rest. Every client is done within {@code within}.
	 */
	public static Result send(List<Pair> pairs, int clients, int killAfter, Runnable kill, boolean stopAtKill,
			Duration within, Sender sender) throws Exception {
		var answers = new ConcurrentHashMap<Pair, Integer>();
		var unanswered = ConcurrentHashMap.<Pair>newKeySet();
		var acknowledged = new AtomicInteger();
		var killed = new AtomicBoolean();
		var killedAt = new AtomicLong();
		var next = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(clients);
		try {
			var running = new ArrayList<Future<?>>();
			for (int t = 0; t < clients; t++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < pairs.size() && !(stopAtKill && killed.get());
							i = next.getAndIncrement()) {
						var pair = pairs.get(i);
						try {
							var status = sender.send(i, pair, killed.get());
							answers.put(pair, status);
							if ((status == 201 || status == 200) && acknowledged.incrementAndGet() == killAfter) {
								killedAt.set(System.nanoTime());
								killed.set(true);
								kill.run();
							}
						}
						catch (IOException e) {
							// sent but never answered: the process died with the request in flight
							unanswered.add(pair);
						}
					}
					return null;
				}));
			}
			for (var client : running) {
				client.get(within.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Result(Map.copyOf(answers), Set.copyOf(unanswered), killed.get(), killedAt.get());
	}

	/** The supports voting stored for the campaign, read from the database at {@code jdbcUrl}. */
	public static Set<Pair> stored(String jdbcUrl, String campaign) throws Exception {
		var stored = new HashSet<Pair>();
		try (var connection = DriverManager.getConnection(jdbcUrl); var query = connection.prepareStatement(
				"select proposal_id, siren from voting.support where campaign_id = ?")) {
			query.setObject(1, UUID.fromString(campaign));
			var rows = query.executeQuery();
			while (rows.next()) {
				stored.add(new Pair(rows.getString(1), rows.getString(2)));
			}
		}
		return stored;
	}

	/** The supports counted per proposal. */
	public static Map<String, Long> perProposal(Set<Pair> supports) {
		var counts = new HashMap<String, Long>();
		supports.forEach(pair -> counts.merge(pair.proposal(), 1L, Long::sum));
		return counts;
	}

	/** A number the query gives for a proposal (its one parameter). */
	public static long count(String jdbcUrl, String query, String proposal) throws Exception {
		try (var connection = DriverManager.getConnection(jdbcUrl); var statement = connection.prepareStatement(query)) {
			statement.setObject(1, UUID.fromString(proposal));
			var rows = statement.executeQuery();
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * Waits until governance's live count (one count per proposal, told by voting: ADR 19) and the supporters referents
	 * keep of each proposal equal the supports voting stored ({@code expected}, none when absent).
	 */
	public static void awaitCopiesCounted(String jdbcUrl, List<String> proposals, Map<String, Long> expected,
			Duration atMost) {
		Awaitility.await("la gouvernance et les territoires référents rejoignent le vote").atMost(atMost)
				.pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					for (var proposal : proposals) {
						long count = expected.getOrDefault(proposal, 0L);
						assertThat(count(jdbcUrl, "select coalesce(sum(support_count), 0) from governance.live_tally "
								+ "where proposal_id = ?", proposal)).as("gouvernance, %s", proposal).isEqualTo(count);
						assertThat(count(jdbcUrl, "select count(*) from referents.supports where proposal_id = ? and "
								+ "supported_at is not null and (withdrawn_at is null or withdrawn_at < supported_at)",
								proposal)).as("territoires référents, %s", proposal).isEqualTo(count);
					}
				});
	}
}
