package cocon.voting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cocon.shared.AfterCommit;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsRecorded;

/**
 * Publishes supports given and withdrawn in batches, as {@link SupportsRecorded} (ADR 0008). The transaction that
 * stores supports writes a line of {@code voting.support_feed} per campaign of its batch, their keys as arrays
 * ({@link Supports#storeAll}, ADR 0064); a withdrawal writes a line of its own;
 * once it committed, the feed is published at most every {@code cocon.voting.feed.interval}, so that thousands of
 * supports a second cost a few publications a second instead of one per support and per listening module. The
 * transaction that publishes a batch deletes its lines: what is published is never published again, what is not
 * yet published stays in the table. Lines left by a stopped instance are published by the sweep of any instance.
 */
@Component
class SupportFeed implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(SupportFeed.class);

	/** About the largest number of changes one transaction publishes (at least one line, whatever its size). */
	static final int BATCH = 2_000;

	/** The most lines one transaction looks at: a line holds up to {@link SupportBatches#MOST} supports. */
	private static final int LINES = 256;

	private enum Change {
		GIVEN, WITHDRAWN
	}

	private final JdbcClient jdbc;
	private final Supports supports;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final long intervalNanos;
	private final Duration sweep;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "support-feed");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean scheduled = new AtomicBoolean();
	private volatile long lastPublication;

	SupportFeed(JdbcClient jdbc, Supports supports, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${cocon.voting.feed.interval:200ms}") Duration interval,
			@Value("${cocon.voting.feed.sweep:10s}") Duration sweep) {
		this.jdbc = jdbc;
		this.supports = supports;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.intervalNanos = interval.toNanos();
		this.sweep = sweep;
		this.lastPublication = System.nanoTime() - intervalNanos;
	}

	/** Publishes the feed soon after the caller's transaction commits (at once without a transaction). */
	void publishAfterCommit() {
		AfterCommit.run(this::wakeUp);
	}

	/**
	 * Publishes the feed soon: at once if the last publication is older than the interval, otherwise when the
	 * interval has passed. Calls made meanwhile join the same publication.
	 */
	void wakeUp() {
		if (!scheduled.compareAndSet(false, true)) {
			return;
		}
		var wait = Math.max(0, intervalNanos - (System.nanoTime() - lastPublication));
		try {
			executor.schedule(() -> {
				scheduled.set(false);
				lastPublication = System.nanoTime();
				publishAll(Duration.ZERO);
			}, wait, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException stopping) {
			scheduled.set(false); // the lines stay in the feed: the sweep of the next start publishes them
		}
	}

	/**
	 * Every sweep period, on one instance at a time (ShedLock, ADR 0011): publishes the lines older than that period,
	 * left by a stopped instance. Two sweeps at once would still publish each line once (rows locked, skipped).
	 */
	@Scheduled(fixedDelayString = "${cocon.voting.feed.sweep:10s}")
	@SchedulerLock(name = "voting-feed-sweep", lockAtMostFor = "${cocon.voting.feed.sweep-lock-at-most:PT5M}",
			lockAtLeastFor = "${cocon.voting.feed.sweep-lock-at-least:PT5S}")
	void sweep() {
		publishAll(sweep);
	}

	/**
	 * Publishes, batch after batch, each in a transaction of its own, every line of the feed at least
	 * {@code minimumAge} old.
	 */
	void publishAll(Duration minimumAge) {
		try {
			publishRepeatedly(minimumAge, transactions);
		}
		catch (RuntimeException e) {
			// nothing was removed from the feed by the failed transaction: the next wake-up or sweep publishes it
			LOG.warn("Publication du fil des soutiens reportée : {}", e.toString());
		}
	}

	/**
	 * Removes lines from the feed, about {@link #BATCH} changes (a line holds a batch of supports stored together, or
	 * a withdrawal), and publishes them, one event per campaign with the counts of the proposals they touched, in the
	 * caller's transaction. Lines another transaction is publishing are skipped.
	 *
	 * @return how many changes were published
	 */
	int publishBatch(Duration minimumAge) {
		return publishLines(minimumAge).changes();
	}

	/**
	 * Publishes every line of the feed in the caller's transaction, batch after batch (the close of a campaign),
	 * but those another transaction is publishing.
	 *
	 * @return how many changes were published
	 */
	int publishEverything() {
		return publishRepeatedly(Duration.ZERO, TransactionOperations.withoutTransaction());
	}

	/** Publishes batches, each in {@code each}, until no line at least {@code minimumAge} old is left to take. */
	private int publishRepeatedly(Duration minimumAge, TransactionOperations each) {
		var total = 0;
		Published published;
		do {
			published = each.execute(status -> publishLines(minimumAge));
			total += published.changes();
		}
		while (published.more());
		return total;
	}

	/** How many changes a transaction published, and whether it left lines to publish. */
	private record Published(int changes, boolean more) {
	}

	private Published publishLines(Duration minimumAge) {
		var sizes = jdbc.sql("""
				select id, coalesce(cardinality(sirens), 1) as changes from voting.support_feed
				where recorded_at <= clock_timestamp() - make_interval(secs => ?)
				order by id limit ? for update skip locked""")
				.params(minimumAge.toMillis() / 1000.0, LINES)
				.query((rs, n) -> new long[] { rs.getLong("id"), rs.getInt("changes") })
				.list();
		if (sizes.isEmpty()) {
			return new Published(0, false);
		}
		// the lines locked beyond the batch stay for the next transaction of this publication
		var taken = new ArrayList<Long>();
		var changes = 0L;
		for (var line : sizes) {
			if (!taken.isEmpty() && changes + line[1] > BATCH) {
				break;
			}
			taken.add(line[0]);
			changes += line[1];
		}
		var more = taken.size() < sizes.size() || sizes.size() == LINES;
		var lines = jdbc.sql("""
				with taken as (
				  delete from voting.support_feed where id = any(cast(? as bigint[])) returning *
				)
				select t.campaign_id, t.change, u.proposal_id, u.siren, u.name, u.kind, u.changed_at
				from taken t cross join lateral unnest(coalesce(t.proposal_ids, array[t.proposal_id]),
				    coalesce(t.sirens, array[t.siren]), coalesce(t.names, array[t.name]),
				    coalesce(t.kinds, array[t.kind]), coalesce(t.changed_ats, array[t.changed_at]))
				  with ordinality as u(proposal_id, siren, name, kind, changed_at, n)
				order by t.id, u.n""")
				.param(new SqlArrayValue("bigint", taken.toArray()))
				.query((rs, n) -> new Line(new CampaignId(rs.getObject("campaign_id", UUID.class)),
						new ProposalId(rs.getObject("proposal_id", UUID.class)), Siren.of(rs.getString("siren")),
						rs.getString("name"), CollectiviteKind.valueOf(rs.getString("kind")),
						Change.valueOf(rs.getString("change")), Supports.instant(rs, "changed_at")))
				.list();
		var byCampaign = new LinkedHashMap<CampaignId, Batch>();
		lines.forEach(line -> {
			var batch = byCampaign.computeIfAbsent(line.campaign(), campaign -> new Batch());
			if (line.change() == Change.GIVEN) {
				batch.given.add(new SupportGiven(line.proposal(), line.campaign(), line.siren(), line.name(),
						line.kind(), line.at()));
			}
			else {
				batch.withdrawn.add(new SupportWithdrawn(line.proposal(), line.campaign(), line.siren(), line.at()));
			}
		});
		// the position first, then the counts: a later position always comes with counts read later (ADR 0019)
		var position = supports.nextCountPosition();
		var counts = supports.counts(lines.stream().map(Line::proposal).distinct().toList()).stream()
				.collect(Collectors.toMap(SupportsRecorded.Count::proposalId, count -> count));
		var now = clock.instant();
		byCampaign.forEach((campaign, batch) -> events.publishEvent(new SupportsRecorded(campaign, batch.given,
				batch.withdrawn, batch.proposals().stream().map(counts::get).toList(), position, now)));
		return new Published(lines.size(), more);
	}

	/**
	 * Publishes, in the caller's transaction, the counts of proposals that changed without a support given or
	 * withdrawn (the two proposals of a merge), in a batch without changes.
	 */
	void publishCounts(CampaignId campaign, List<ProposalId> proposals) {
		var position = supports.nextCountPosition();
		events.publishEvent(new SupportsRecorded(campaign, List.of(), List.of(), supports.counts(proposals), position,
				clock.instant()));
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdownNow();
		executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	private record Line(CampaignId campaign, ProposalId proposal, Siren siren, String name,
			CollectiviteKind kind, Change change, Instant at) {
	}

	private static final class Batch {

		final List<SupportGiven> given = new ArrayList<>();
		final List<SupportWithdrawn> withdrawn = new ArrayList<>();

		/** The proposals the batch touched, in the order of their first change. */
		List<ProposalId> proposals() {
			var proposals = new LinkedHashSet<ProposalId>();
			given.forEach(change -> proposals.add(change.proposalId()));
			withdrawn.forEach(change -> proposals.add(change.proposalId()));
			return List.copyOf(proposals);
		}
	}
}
