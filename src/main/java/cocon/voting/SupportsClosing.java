package cocon.voting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.voting.events.SupportsClosed;

/**
 * Publishes {@link SupportsClosed}, the final tally, once per campaign after its support window closed. Every
 * minute one instance (ShedLock's lock, ADR 0011) looks for campaigns to close; the row of
 * {@code voting.closed_campaign}, inserted in the same transaction as the event publication, makes sure it is
 * published once, even across restarts and should two instances ever run the check together.
 */
@Component
class SupportsClosing {

	private static final Logger LOG = LoggerFactory.getLogger(SupportsClosing.class);

	/**
	 * A support checked just before the close may still be committing: the tally is taken a little after the close
	 * (the support transactions time out well before).
	 */
	static final Duration GRACE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final SupportFeed feed;
	private final Clock clock;

	SupportsClosing(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
			SupportFeed feed, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.feed = feed;
		this.clock = clock;
	}

	/**
	 * Closes every campaign whose support window closed; returns the campaigns this call closed, or {@literal null}
	 * when another instance holds the lock (it is doing the work).
	 */
	@Scheduled(cron = "${cocon.voting.close-check.cron:0 * * * * *}")
	@SchedulerLock(name = "voting-supports-close", lockAtMostFor = "${cocon.voting.close-check.lock-at-most:PT10M}",
			lockAtLeastFor = "${cocon.voting.close-check.lock-at-least:PT30S}")
	List<CampaignId> closeDueCampaigns() {
		var now = clock.instant();
		var due = jdbc.sql("""
				select id from voting.campaign c
				where supports_close < ?
				  and not exists (select 1 from voting.closed_campaign k where k.campaign_id = c.id)
				order by supports_close""")
				.param(Supports.timestamp(now.minus(GRACE)))
				.query(UUID.class)
				.list();
		var closed = new ArrayList<CampaignId>();
		for (var id : due) {
			var campaign = new CampaignId(id);
			if (Boolean.TRUE.equals(transactions.execute(status -> close(campaign)))) {
				closed.add(campaign);
			}
		}
		return closed;
	}

	private boolean close(CampaignId campaign) {
		var now = clock.instant();
		var first = jdbc.sql("""
				insert into voting.closed_campaign (campaign_id, total_supports, closed_at) values (?, 0, ?)
				on conflict do nothing""")
				.params(campaign.id(), Supports.timestamp(now))
				.update() == 1;
		if (!first) {
			return false; // another instance, or an earlier run, published it
		}
		// no support or withdrawal of any campaign may commit while the final tally is read
		jdbc.sql("lock table voting.support in share mode").update();
		// the last supports and withdrawals are published before the final tally
		LOG.debug("{} changements du fil des soutiens publiés avant la clôture de la campagne {}",
				feed.publishEverything(), campaign);
		var tallies = new LinkedHashMap<ProposalId, Counting>();
		jdbc.sql("""
				select p.id, s.kind, count(s.siren) as supports, coalesce(sum(s.population), 0) as population
				from voting.proposal p left join voting.support s on s.proposal_id = p.id
				where p.campaign_id = ? and p.merged_into is null
				group by p.id, s.kind""")
				.param(campaign.id())
				.query(rs -> {
					var counting = tallies.computeIfAbsent(new ProposalId(rs.getObject("id", UUID.class)),
							id -> new Counting());
					var kind = rs.getString("kind");
					if (kind != null) {
						counting.byKind.merge(CollectiviteKind.valueOf(kind), rs.getInt("supports"), Integer::sum);
						counting.count += rs.getInt("supports");
						counting.population += rs.getLong("population");
					}
				});
		var list = tallies.entrySet().stream()
				.map(e -> new SupportsClosed.Tally(e.getKey(), e.getValue().count, Map.copyOf(e.getValue().byKind),
						e.getValue().population))
				.sorted((a, b) -> Integer.compare(b.supportCount(), a.supportCount()))
				.toList();
		long total = list.stream().mapToLong(SupportsClosed.Tally::supportCount).sum();
		jdbc.sql("update voting.closed_campaign set total_supports = ? where campaign_id = ?")
				.params(total, campaign.id())
				.update();
		events.publishEvent(new SupportsClosed(campaign, list, total, now));
		LOG.info("Soutiens clos pour la campagne {} : {} soutiens sur {} propositions", campaign, total, list.size());
		return true;
	}

	private static final class Counting {

		final Map<CollectiviteKind, Integer> byKind = new EnumMap<>(CollectiviteKind.class);
		int count;
		long population;
	}
}
