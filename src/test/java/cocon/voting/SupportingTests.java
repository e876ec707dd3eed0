package cocon.voting;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.governance.events.CalendarChanged;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.shared.identity.Organisation;
import cocon.testing.Identities;
import cocon.voting.events.SupportsClosed;

class SupportingTests extends VotingTestSupport {

	static final Organisation LYON = Identities.lyon().organisation();
	static final Organisation GRAND_LYON_EPCI = new Organisation(Siren.of("200046977"), "Métropole de Lyon",
			CollectiviteKind.EPCI, true, "69", "84", 1_411_571);

	@Autowired
	SupportsClosing closing;

	@Autowired
	SupportFeed feed;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void duringTheSupportWindow() {
		clock.set(DURING_SUPPORTS);
	}

	@Test
	void recordsASupportWithWhoGaveItAndWhen(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);

		support(proposal, Identities.lyon()).andExpect(status().isCreated())
				.andExpect(jsonPath("$.alreadySupported").value(false))
				.andExpect(jsonPath("$.siren").value("216901231"));
		var published = recorded.awaitGiven(proposal, 1);
		assertThat(published).singleElement().satisfies(given -> {
			assertThat(given.siren()).isEqualTo(LYON.siren());
			assertThat(given.campaignId()).isEqualTo(campaign);
			assertThat(given.collectiviteName()).isEqualTo("Lyon");
			assertThat(given.kind()).isEqualTo(CollectiviteKind.COMMUNE);
			assertThat(given.supportedAt()).isEqualTo(DURING_SUPPORTS);
		});
		awaitFeedPublished(proposal);

		var row = jdbc.sql("select supported_by, supported_at from voting.support where proposal_id = ?")
				.param(proposal.id()).query().singleRow();
		assertThat(row.get("supported_by")).isEqualTo("agent-216901231");
		assertThat(((java.sql.Timestamp) row.get("supported_at")).toInstant()).isEqualTo(DURING_SUPPORTS);
		mvc.perform(get("/api/campaigns/{id}/proposals", campaign.id()))
				.andExpect(jsonPath("$[0].supportCount").value(1))
				.andExpect(jsonPath("$[0].title").value("Proposition 01"))
				.andExpect(jsonPath("$[0].theme").value("Dématérialisation"));
	}

	@Test
	void publishesTheChangesAStoppedInstanceLeftInTheFeed() {
		var campaign = CampaignId.random();
		var proposal = ProposalId.random();
		var at = DURING_SUPPORTS;
		// what an instance stopped between a support's commit and its publication leaves behind, a minute ago
		var published = transactions.execute(status -> {
			jdbc.sql("""
					insert into voting.support_feed (campaign_id, proposal_id, siren, name, kind, change, changed_at, recorded_at)
					values (:c, :p, '216901231', 'Lyon', 'COMMUNE', 'GIVEN', :at, now() - interval '1 minute'),
					       (:c, :p, '213105554', 'Toulouse', 'COMMUNE', 'GIVEN', :at, now() - interval '1 minute'),
					       (:c, :p, '216901231', 'Lyon', 'COMMUNE', 'WITHDRAWN', :later, now() - interval '1 minute'),
					       (:c, :p, '213300635', 'Bordeaux', 'COMMUNE', 'GIVEN', :at, now())""")
					.param("c", campaign.id()).param("p", proposal.id())
					.param("at", Supports.timestamp(at))
					.param("later", Supports.timestamp(at.plusSeconds(60)))
					.update();
			return feed.publishBatch(Duration.ofSeconds(10));
		});

		assertThat(published).isGreaterThanOrEqualTo(3);
		var batches = recorded.batches().stream().filter(batch -> batch.campaignId().equals(campaign)).toList();
		assertThat(batches).as("one publication for the campaign").singleElement().satisfies(batch -> {
			assertThat(batch.given()).extracting(given -> given.siren().value()).containsExactly("216901231", "213105554");
			assertThat(batch.withdrawn()).singleElement()
					.satisfies(withdrawn -> assertThat(withdrawn.withdrawnAt()).isEqualTo(at.plusSeconds(60)));
		});
		assertThat(jdbc.sql("select siren from voting.support_feed where campaign_id = ?").param(campaign.id())
				.query(String.class).list()).as("the recent line is left to the instance that wrote it")
				.containsExactly("213300635");
		jdbc.sql("delete from voting.support_feed where campaign_id = ?").param(campaign.id()).update();
	}

	@Test
	void answersTheInstantItStoredWhenTheSameSupportComesAgain(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		clock.set(DURING_SUPPORTS.plusNanos(123_456_789));

		var first = support(proposal, Identities.lyon()).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		var again = support(proposal, Identities.lyon()).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();

		var supportedAt = JsonPath.<String>read(first, "$.supportedAt");
		assertThat(Instant.parse(supportedAt)).isEqualTo(DURING_SUPPORTS.plusNanos(123_456_000));
		assertThat(JsonPath.<String>read(again, "$.supportedAt")).isEqualTo(supportedAt);
	}

	@Test
	void rejectsASecondSupportFromTheSameCollectivite(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);

		support(proposal, Identities.lyon()).andExpect(status().isCreated());
		support(proposal, Identities.agent("elu-lyon", LYON)).andExpect(status().isOk())
				.andExpect(jsonPath("$.alreadySupported").value(true))
				.andExpect(jsonPath("$.message").value(Matchers.containsString("déjà")));

		assertThat(activeSupports(proposal)).isEqualTo(1);
		assertThat(tally(proposal)).isEqualTo(1);
		awaitFeedPublished(proposal);
		assertThat(recorded.given(proposal)).as("the second support was not published").hasSize(1);
	}

	@Test
	void refusesGroupementsUnlessTheCampaignAllowsThem(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		support(proposal, Identities.agent("agent-metropole", GRAND_LYON_EPCI)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.reason").value("NOT_ELIGIBLE"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("Groupement (EPCI)")));

		var open = campaign(scenario, Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.EPCI));
		var other = proposals(scenario, open, 1).get(0);
		support(other, Identities.agent("agent-metropole", GRAND_LYON_EPCI)).andExpect(status().isCreated());
		assertThat(activeSupports(proposal)).isZero();
	}

	@Test
	void refusesAnUnverifiedOrganisationAndExplainsHowToGetVerified(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		var unverified = new Organisation(Siren.of("216901231"), "Lyon", CollectiviteKind.COMMUNE, false, "69", "84", 0);

		support(proposal, Identities.agent("nouvel-agent", unverified)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.reason").value("UNVERIFIED"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("vérification")));
		assertThat(activeSupports(proposal)).isZero();
	}

	@Test
	void refusesStaffAndAnonymousPeople(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		support(proposal, Identities.curator()).andExpect(status().isForbidden());
		mvc.perform(put("/api/proposals/{id}/support", proposal.id())).andExpect(status().is4xxClientError());
		assertThat(activeSupports(proposal)).isZero();
	}

	@Test
	void answersNotFoundForAnUnknownProposal() throws Exception {
		support(cocon.shared.ProposalId.random(), Identities.lyon()).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("Aucune proposition publiée")));
		mvc.perform(get("/api/proposals/{id}/supports", java.util.UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/ranking", java.util.UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void acceptsSupportsOnlyInsideTheWindowInParisTime(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);

		clock.set("2021-03-31T23:59:59+02:00");
		support(proposal, Identities.lyon()).andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value("NOT_OPEN_YET"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("1er avril 2021 à 0 h 00")));
		clock.set("2021-04-01T00:00:00+02:00");
		support(proposal, Identities.lyon()).andExpect(status().isCreated());
		clock.set("2021-04-30T23:59:59+02:00");
		support(proposal, Identities.agentOf("210100012", "L'Abergement-Clémenciat", CollectiviteKind.COMMUNE, "01",
				"84", 860)).andExpect(status().isCreated());
		clock.set("2021-05-01T00:00:00+02:00");
		support(proposal, Identities.agentOf("210100046", "Ambérieu-en-Bugey", CollectiviteKind.COMMUNE, "01", "84",
				15934)).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("CLOSED"));
		withdraw(proposal, Identities.lyon()).andExpect(status().isConflict());

		assertThat(activeSupports(proposal)).isEqualTo(2);
		assertThat(tally(proposal)).isEqualTo(2);
	}

	@Test
	void followsACalendarChangeThatExtendsTheWindow(Scenario scenario) throws Exception {
		var campaign2021 = campaign2021(Set.of());
		var campaign = campaign(scenario, campaign2021);
		var proposal = proposals(scenario, campaign, 1).get(0);

		scenario.publish(campaign2021.supportsUntil(Instant.parse("2021-05-01T21:59:59Z"), Instant.parse("2021-04-20T09:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql("select supports_close from voting.campaign where id = ?")
						.param(campaign.id()).query(java.time.OffsetDateTime.class).single().toInstant(),
						closes -> closes.equals(Instant.parse("2021-05-01T21:59:59Z")))
				.andVerify(closes -> {
					clock.set(AFTER_SUPPORTS);
					try {
						support(proposal, Identities.lyon()).andExpect(status().isCreated());
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				});
	}

	@Test
	void withdrawsASupportAndKeepsItInTheHistory(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		support(proposal, Identities.lyon()).andExpect(status().isCreated());

		clock.advance(Duration.ofHours(2));
		withdraw(proposal, Identities.agent("elu-lyon", LYON)).andExpect(status().isNoContent());
		assertThat(recorded.awaitWithdrawn(proposal, 1)).singleElement()
				.satisfies(withdrawn -> assertThat(withdrawn.withdrawnAt()).isEqualTo(DURING_SUPPORTS.plus(Duration.ofHours(2))));

		assertThat(activeSupports(proposal)).isZero();
		assertThat(tally(proposal)).isZero();
		var history = jdbc.sql("select supported_by, ended_by, reason from voting.support_history where proposal_id = ?")
				.param(proposal.id()).query().singleRow();
		assertThat(history).containsEntry("supported_by", "agent-216901231").containsEntry("ended_by", "elu-lyon")
				.containsEntry("reason", "WITHDRAWN");

		withdraw(proposal, Identities.lyon()).andExpect(status().isNoContent());
		support(proposal, Identities.lyon()).andExpect(status().isCreated());
		assertThat(tally(proposal)).isEqualTo(1);
		mvc.perform(get("/api/proposals/{id}/supports", proposal.id()))
				.andExpect(jsonPath("$.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].siren").value("216901231"))
				.andExpect(jsonPath("$.content[0].name").value("Lyon"))
				.andExpect(jsonPath("$.content[0].kind").value("COMMUNE"))
				.andExpect(jsonPath("$.content[0].departement").value("69"));
	}

	@Test
	void publishesTheFinalTallyOnceWhenTheWindowHasClosed(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 2);
		support(proposals.get(1), Identities.lyon()).andExpect(status().isCreated());

		assertThat(closing.closeDueCampaigns()).doesNotContain(campaign);
		clock.set(AFTER_SUPPORTS);
		scenario.stimulate(() -> closing.closeDueCampaigns())
				.andWaitForEventOfType(SupportsClosed.class)
				.matchingMappedValue(SupportsClosed::campaignId, campaign)
				.toArriveAndVerify((closed, closedNow) -> {
					assertThat(closedNow).contains(campaign);
					assertThat(closed.totalSupports()).isEqualTo(1);
					assertThat(closed.tallies()).hasSize(2);
					assertThat(closed.tallies().get(0).proposalId()).isEqualTo(proposals.get(1));
					assertThat(closed.tallies().get(0).byKind()).containsEntry(CollectiviteKind.COMMUNE, 1);
					assertThat(closed.tallies().get(0).populationCovered()).isEqualTo(519127);
				});

		// a second check (another instance, a restart) publishes nothing more
		scenario.stimulate(() -> closing.closeDueCampaigns())
				.andWaitForStateChange(() -> jdbc.sql("select count(*) from voting.closed_campaign where campaign_id = ?")
						.param(campaign.id()).query(Long.class).single())
				.andVerifyEvents(events -> assertThat(events.ofType(SupportsClosed.class)
						.matching(e -> e.campaignId().equals(campaign))).hasSize(1));
		assertThat(closing.closeDueCampaigns()).doesNotContain(campaign);
	}

	@Test
	void movesSupportsOfAMergedProposalToTheSurvivorCountingEachCollectiviteOnce(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 2);
		var survivor = proposals.get(0);
		var absorbed = proposals.get(1);
		var abergement = Identities.agentOf("210100012", "L'Abergement-Clémenciat", CollectiviteKind.COMMUNE, "01", "84", 860);
		support(survivor, Identities.lyon()).andExpect(status().isCreated());
		support(absorbed, Identities.lyon()).andExpect(status().isCreated());
		support(absorbed, abergement).andExpect(status().isCreated());

		var merged = new ProposalsMerged(survivor, absorbed, campaign, "curator", Instant.parse("2021-04-12T09:00:00Z"));
		scenario.publish(merged)
				.andWaitForStateChange(() -> tally(survivor), count -> count == 2)
				.andVerify(count -> assertThat(activeSupports(absorbed)).isZero());
		// the other modules learn the new counts from voting: the survivor counts each collectivité once
		assertThat(recorded.awaitNewestCount(survivor, 2).byKind()).containsEntry(CollectiviteKind.COMMUNE, 2);
		assertThat(recorded.awaitNewestCount(absorbed, 0).byKind()).isEmpty();
		// a second delivery of the same event changes nothing
		scenario.publish(merged).andWaitForStateChange(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null").query(Long.class).single(),
				n -> n == 0).andVerify(n -> {
					assertThat(tally(survivor)).isEqualTo(2);
					assertThat(activeSupports(survivor)).isEqualTo(2);
				});

		var reasons = jdbc.sql("select siren, reason from voting.support_history where proposal_id = ? order by siren")
				.param(absorbed.id()).query((rs, n) -> rs.getString("siren") + ":" + rs.getString("reason")).list();
		assertThat(reasons).containsExactly("210100012:MOVED_BY_MERGE", "216901231:DUPLICATE_AFTER_MERGE");
		support(absorbed, Identities.lyon()).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("fusionnée")));
		mvc.perform(get("/api/campaigns/{id}/proposals", campaign.id()))
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].supportCount").value(2));
	}

	@Test
	void listsEveryProposalWithTheExactSumOfItsTallyRowsAndAgreesWithTheRanking(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 3);
		var popular = proposals.get(0);
		var unsupported = proposals.get(1);
		var single = proposals.get(2);
		// kinds, régions and stripes (SIREN mod 4) all differ: the count of a proposal spreads over several tally rows
		var supporters = List.of(Identities.lyon(),
				Identities.agentOf("210100012", "L'Abergement-Clémenciat", CollectiviteKind.COMMUNE, "01", "84", 860),
				Identities.agentOf("210100046", "Ambérieu-en-Bugey", CollectiviteKind.COMMUNE, "01", "84", 14_514),
				Identities.agentOf("211300553", "Marseille", CollectiviteKind.COMMUNE, "13", "93", 870_731),
				Identities.agentOf("213300635", "Bordeaux", CollectiviteKind.COMMUNE, "33", "75", 260_958),
				Identities.agentOf("221300049", "Département des Bouches-du-Rhône", CollectiviteKind.DEPARTEMENT, "13",
						"93", 2_043_110));
		for (var supporter : supporters) {
			support(popular, supporter).andExpect(status().isCreated());
		}
		support(popular, Identities.lyon()).andExpect(status().isOk());
		withdraw(popular, supporters.get(3)).andExpect(status().isNoContent());
		support(single, supporters.get(5)).andExpect(status().isCreated());

		assertThat(jdbc.sql("select count(*) from voting.tally where proposal_id = ?").param(popular.id())
				.query(Long.class).single()).isGreaterThan(3);
		var listed = new java.util.HashMap<String, Long>();
		var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(mvc.perform(get("/api/campaigns/{id}/proposals",
				campaign.id())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		body.forEach(p -> listed.put(p.get("id").asString(), p.get("supportCount").asLong()));
		assertThat(listed).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(popular.id().toString(), 5L,
				unsupported.id().toString(), 0L, single.id().toString(), 1L));
		for (var proposal : proposals) {
			assertThat(listed.get(proposal.id().toString())).isEqualTo(activeSupports(proposal));
		}
		mvc.perform(get("/api/campaigns/{id}/ranking", campaign.id()))
				.andExpect(jsonPath("$[0].id").value(popular.id().toString()))
				.andExpect(jsonPath("$[0].supportCount").value(5))
				.andExpect(jsonPath("$[1].supportCount").value(1))
				.andExpect(jsonPath("$[2].supportCount").value(0));
	}

	@Test
	void servesTheListAndRankingFromMemoryYetExactAfterEverySupportWithdrawalPublicationAndMerge(Scenario scenario)
			throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposals = proposals(scenario, campaign, 2);
		var first = proposals.get(0);
		var second = proposals.get(1);
		var marseille = Identities.agentOf("211300553", "Marseille", CollectiviteKind.COMMUNE, "13", "93", 870_731);
		var bordeaux = Identities.agentOf("213300635", "Bordeaux", CollectiviteKind.COMMUNE, "33", "75", 260_958);
		assertCounts(campaign, java.util.Map.of(first, 0L, second, 0L));
		// a second read within the same generation is the very same answer, not a new query
		assertThat(standings.ranking(campaign)).isSameAs(standings.ranking(campaign));

		support(first, Identities.lyon()).andExpect(status().isCreated());
		assertCounts(campaign, java.util.Map.of(first, 1L, second, 0L));
		support(first, Identities.lyon()).andExpect(status().isOk());
		support(first, marseille).andExpect(status().isCreated());
		support(second, bordeaux).andExpect(status().isCreated());
		assertCounts(campaign, java.util.Map.of(first, 2L, second, 1L));
		withdraw(first, marseille).andExpect(status().isNoContent());
		assertCounts(campaign, java.util.Map.of(first, 1L, second, 1L));

		// a proposal published later appears at once, and a merge moves the counts
		var third = ProposalId.random();
		scenario.publish(new cocon.curation.events.ProposalPublished(third, campaign, "Proposition tardive", "Résumé",
				THEMES.get(0), List.of(), Instant.parse("2021-04-11T10:00:00Z")))
				.andWaitForStateChange(() -> listed(campaign).containsKey(third.id().toString()));
		support(third, marseille).andExpect(status().isCreated());
		support(third, Identities.lyon()).andExpect(status().isCreated());
		assertCounts(campaign, java.util.Map.of(first, 1L, second, 1L, third, 2L));
		scenario.publish(new ProposalsMerged(first, third, campaign, "curator", Instant.parse("2021-04-12T09:00:00Z")))
				.andWaitForStateChange(() -> standings.proposals(campaign).size(), size -> size == 2)
				.andVerify(size -> assertThat(tally(first)).isEqualTo(2));
		assertCounts(campaign, java.util.Map.of(first, 2L, second, 1L));
	}

	/**
	 * Issue 26, acceptance 4 (ADR 0061): the public list and ranking are sent as bytes made once per answer, with one
	 * ETag for every read of that answer; a client's copy is confirmed by a 304 that keeps the public headers, and a
	 * support given on this instance is seen by the very next read, under a new ETag.
	 */
	@Test
	void sendsEachListAnswerWithOneEtagA304AndANewEtagAtOnceAfterASupport(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var first = proposals(scenario, campaign, 2).get(0);
		for (var list : List.of("proposals", "ranking")) {
			var path = "/api/campaigns/" + campaign.id() + "/" + list;
			var read = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
			var etag = read.getHeader("ETag");
			assertThat(etag).as(list).startsWith("W/\"");
			assertThat(read.getHeader("X-Total-Count")).isEqualTo("2");
			assertThat(read.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
			assertThat(read.getHeader("Cache-Control")).isEqualTo("no-cache");
			var again = mvc.perform(get(path)).andReturn().getResponse();
			assertThat(again.getHeader("ETag")).as("the same answer, the same tag").isEqualTo(etag);
			assertThat(again.getContentAsByteArray()).isEqualTo(read.getContentAsByteArray());

			var kept = mvc.perform(get(path).header("If-None-Match", etag).header("Origin", "https://exemple.fr"))
					.andExpect(status().isNotModified()).andReturn().getResponse();
			assertThat(kept.getContentAsByteArray()).isEmpty();
			assertThat(kept.getHeader("ETag")).isEqualTo(etag);
			assertThat(kept.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
			assertThat(kept.getHeader("Access-Control-Expose-Headers")).contains("ETag");
			assertThat(kept.getHeaderValues("Cache-Control").toString()).doesNotContain("no-store");
		}
		var before = mvc.perform(get("/api/campaigns/{id}/ranking", campaign.id())).andReturn().getResponse()
				.getHeader("ETag");
		support(first, Identities.lyon()).andExpect(status().isCreated());
		mvc.perform(get("/api/campaigns/{id}/ranking", campaign.id()).header("If-None-Match", before))
				.andExpect(status().isOk())
				.andExpect(result -> assertThat(result.getResponse().getHeader("ETag")).isNotEqualTo(before))
				.andExpect(jsonPath("$[0].id").value(first.id().toString()))
				.andExpect(jsonPath("$[0].supportCount").value(1));
		assertThat(listed(campaign)).containsEntry(first.id().toString(), 1L);
	}

	@Autowired
	Standings standings;

	@Test
	void namesPlacesWithoutADirectoryByTheirCode() {
		// this module test starts without the directory module: a code stands for its own name
		assertThat(standings.regionName("84")).isEqualTo("84");
		assertThat(standings.departementName("69")).isEqualTo("69");
		assertThat(standings.regionName("")).isEqualTo("Sans région");
		assertThat(standings.regionName(null)).isEqualTo("Sans région");
		assertThat(standings.departementName(null)).isEmpty();
	}

	private java.util.Map<String, Long> listed(CampaignId campaign) {
		try {
			var listed = new java.util.HashMap<String, Long>();
			var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(mvc.perform(
					get("/api/campaigns/{id}/proposals", campaign.id())).andExpect(status().isOk()).andReturn()
					.getResponse().getContentAsString());
			body.forEach(p -> listed.put(p.get("id").asString(), p.get("supportCount").asLong()));
			return listed;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The public list and the ranking both say exactly what the supports stored say. */
	private void assertCounts(CampaignId campaign, java.util.Map<ProposalId, Long> expected) throws Exception {
		var wanted = new java.util.HashMap<String, Long>();
		expected.forEach((proposal, count) -> {
			assertThat(activeSupports(proposal)).isEqualTo(count);
			wanted.put(proposal.id().toString(), count);
		});
		assertThat(listed(campaign)).containsExactlyInAnyOrderEntriesOf(wanted);
		var ranked = new java.util.HashMap<String, Long>();
		standings.ranking(campaign).forEach(r -> ranked.put(r.id().toString(), r.supportCount()));
		assertThat(ranked).containsExactlyInAnyOrderEntriesOf(wanted);
	}

	@Test
	void keepsTheNewestTitleWhateverTheOrderOfDelivery(Scenario scenario) throws Exception {
		var campaign = campaign(scenario, Set.of());
		var proposal = proposals(scenario, campaign, 1).get(0);
		scenario.publish(new ProposalRevised(proposal, campaign, "Gérer la relation usagers", "", "Relation usagers",
				Instant.parse("2021-04-02T09:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql("select title from voting.proposal where id = ?")
						.param(proposal.id()).query(String.class).single(), "Gérer la relation usagers"::equals)
				.andVerify(title -> {
				});
		scenario.publish(new ProposalRevised(proposal, campaign, "Ancien titre", "", "Relation usagers",
				Instant.parse("2021-04-01T09:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql(
						"select count(*) from event_publication where completion_date is null").query(Long.class).single(),
						n -> n == 0)
				.andVerify(n -> assertThat(jdbc.sql("select title from voting.proposal where id = ?")
						.param(proposal.id()).query(String.class).single()).isEqualTo("Gérer la relation usagers"));
	}
}
