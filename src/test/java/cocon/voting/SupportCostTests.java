package cocon.voting;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.curation.events.ProposalPublished;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.Organisation;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a support costs PostgreSQL in the whole application (issue 14): rows written per table and transactions, from
 * {@code pg_stat_user_tables} and {@code pg_stat_database} around a run of supports, until every module received
 * them. Printed for the ADR; the assertions hold the shape ADR 0019 decided: governance writes one row per
 * proposal a batch touched, never one per support, and referents one per support and batch.
 */
@SpringBootTest(properties = "cocon.voting.close-check.cron=-")
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, RecordedSupports.class })
@DirtiesContext
class SupportCostTests {

	static final int SUPPORTS = 200;
	static final int PROPOSALS = 5;
	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	RecordedSupports recorded;

	@Test
	void aSupportWritesItsRowsInVotingAndOnlyCountsInGovernance() throws Exception {
		// the campaign through governance's API (its events reach every module), the proposals as curation publishes them
		clock.set(Instant.parse("2021-01-10T09:00:00Z"));
		var created = mvc.perform(post("/api/campaigns").with(as(Identities.admin())).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of(
						"title", "Coût d'un soutien",
						"description", "Combien de lignes PostgreSQL écrit un soutien.",
						"envelopeEuros", 30_000_000,
						"themes", List.of("Mobilités"),
						"calendar", JSON.readTree(Campaign2021.calendarJson())))))
				.andReturn().getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		var campaign = new CampaignId(UUID.fromString(JSON.readTree(created.getContentAsString()).get("id").asString()));
		var proposals = new ArrayList<ProposalId>();
		for (int i = 0; i < PROPOSALS; i++) {
			proposals.add(ProposalId.random());
		}
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < PROPOSALS; i++) {
				events.publishEvent(new ProposalPublished(proposals.get(i), campaign, "Proposition " + (i + 1),
						"Résumé " + (i + 1), "Mobilités", List.of(), Instant.parse("2021-03-30T10:00:00Z")));
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from voting.proposal p join voting.campaign c on c.id = p.campaign_id
				where c.id = ?""").param(campaign.id()).query(Long.class).single() == PROPOSALS);
		clock.set(VotingTestSupport.DURING_SUPPORTS);
		awaitQuiet();
		// the directory's load at start-up (its last write is its dataset rows) and the first events are over:
		// nothing is written for a while
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc
				.sql("select count(*) from directory.dataset").query(Long.class).single() >= 2);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(new java.util.concurrent.Callable<Boolean>() {
			Map<String, Long> previous = Map.of();

			@Override
			public Boolean call() {
				var now = tables();
				var same = now.equals(previous);
				previous = now;
				return same;
			}
		});
		var collectivites = collectivites();
		var before = tables();
		long commitsBefore = commits();

		for (int i = 0; i < SUPPORTS; i++) {
			var status = mvc.perform(put("/api/proposals/{id}/support", proposals.get(i % PROPOSALS).id())
					.with(as(Identities.agent("agent-cout-" + i, collectivites.get(i))))).andReturn().getResponse()
					.getStatus();
			assertThat(status).isEqualTo(201);
		}
		awaitQuiet();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
				"select coalesce(sum(support_count), 0) from governance.live_tally where campaign_id = ?")
				.param(campaign.id()).query(Long.class).single() == SUPPORTS);
		// an idle backend reports its statistics to pg_stat within ten seconds: wait until they show every support
		// stored by voting and referents, and stay the same for a second
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(new java.util.concurrent.Callable<Boolean>() {
			Map<String, Long> previous = Map.of();

			@Override
			public Boolean call() {
				var now = tables();
				var complete = now.getOrDefault("voting.support", 0L) - before.getOrDefault("voting.support", 0L) >= SUPPORTS
						&& now.getOrDefault("referents.supports", 0L) - before.getOrDefault("referents.supports", 0L) >= SUPPORTS
						&& now.getOrDefault("governance.live_tally", 0L) > before.getOrDefault("governance.live_tally", 0L);
				var same = now.equals(previous);
				previous = now;
				return complete && same;
			}
		});
		var written = new TreeMap<String, Long>();
		tables().forEach((table, rows) -> {
			long delta = rows - before.getOrDefault(table, 0L);
			if (delta > 0) {
				written.put(table, delta);
			}
		});
		long commits = commits() - commitsBefore;
		var batches = recorded.batches().stream().filter(batch -> batch.campaignId().equals(campaign)).toList();
		System.out.printf(Locale.ROOT, "Coût de %d soutiens (%d propositions, %d lots publiés) : %.2f transactions "
				+ "et %.2f lignes écrites par soutien%n", SUPPORTS, PROPOSALS, batches.size(),
				(double) commits / SUPPORTS, written.values().stream().mapToLong(Long::longValue).sum() / (double) SUPPORTS);
		written.forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-45s %6d lignes, %.2f par soutien%n", table,
				rows, (double) rows / SUPPORTS));

		long countsPublished = batches.stream().mapToLong(batch -> batch.counts().size()).sum();
		assertThat(written.getOrDefault("governance.live_tally", 0L))
				.as("governance writes at most one row per proposal of a batch, never one per support")
				.isLessThanOrEqualTo(countsPublished);
		assertThat(written.getOrDefault("referents.supports", 0L)).as("referents record each support once")
				.isEqualTo(SUPPORTS);
		assertThat(written.getOrDefault("voting.support", 0L)).isEqualTo(SUPPORTS);
	}

	/** Waits until every event publication completed and voting's feed is empty. */
	private void awaitQuiet() {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql("""
				select (select count(*) from event_publication where completion_date is null)
				     + (select count(*) from voting.support_feed)""").query(Long.class).single() == 0);
	}

	/** Rows inserted, updated and deleted so far, per table. */
	private Map<String, Long> tables() {
		jdbc.sql("select pg_stat_clear_snapshot()").query(Object.class).list();
		var rows = new TreeMap<String, Long>();
		jdbc.sql("select schemaname || '.' || relname as t, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables")
				.query(rs -> {
					rows.put(rs.getString("t"), rs.getLong("n"));
				});
		return rows;
	}

	private long commits() {
		jdbc.sql("select pg_stat_clear_snapshot()").query(Object.class).list();
		return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
				.query(Long.class).single();
	}

	private static List<Organisation> collectivites() throws Exception {
		var list = new ArrayList<Organisation>();
		try (var reader = new BufferedReader(new InputStreamReader(
				SupportCostTests.class.getResourceAsStream("collectivites-replay.psv"), StandardCharsets.UTF_8))) {
			reader.lines().skip(1).map(line -> line.split("\\|", -1))
					.map(f -> new Organisation(Siren.of(f[0]), f[1], CollectiviteKind.valueOf(f[2]), true,
							f[3].isEmpty() ? null : f[3], f[4].isEmpty() ? null : f[4], Long.parseLong(f[5])))
					.filter(o -> o.kind().isCollectiviteTerritoriale())
					.limit(SUPPORTS)
					.forEach(list::add);
		}
		assertThat(list).hasSize(SUPPORTS);
		return list;
	}
}
