package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import cocon.demo.Consultation2021;
import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.PublishedEvents;
import cocon.testing.TestClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The whole 2021 consultation « Coconstruction de services numériques », as the story the demonstration replays
 * tells it ({@link Consultation2021}: its themes, proposals, programmes, ineligible needs, committee and calendar),
 * replayed across every module through the HTTP API only, with the clock moved from phase to phase: the campaign, 476 contributions of real collectivités,
 * their curation into 67 published proposals (81 reoriented, 4 rejected), 531 supports, the final tally, the
 * committee's shortlist of 17 with a member stepping out, the referent territories' applications, and 44 funded
 * projects within 30 M€.
 * <p>
 * Voting publishes the final tally from a scheduled check: it runs every second in this context (and the context is
 * closed after the class, so that this check does not close other tests' campaigns).
 */
@SpringBootTest(properties = "cocon.voting.close-check.cron=* * * * * *")
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Consultation2021ReplayTests extends ApiJourney {

	static final Consultation2021 STORY = Consultation2021.story();

	/** The 13 themes of the campaign and, for each, the titles of the proposals curators will make of it. */
	static final Map<String, List<String>> PROPOSALS = proposalsByTheme();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Override
	MockMvc mvc() {
		return mvc;
	}

	record Contribution(UUID id, Collectivite by, String title, String theme, String outcome) {
	}

	@Test
	void replaysThe2021ConsultationFromTheCallForContributionsToTheFundedProjects() throws Exception {
		var started = System.nanoTime();
		var random = new Random(2021);
		var communes = directory(CollectiviteKind.COMMUNE, 5);
		var epcis = directory(CollectiviteKind.EPCI, 1);
		var departements = directory(CollectiviteKind.DEPARTEMENT, 2);
		var regions = directory(CollectiviteKind.REGION, 1);
		assertThat(communes).hasSize(500);
		assertThat(departements).hasSizeGreaterThan(90);
		assertThat(regions).hasSizeGreaterThanOrEqualTo(13);

		// 1. the administrator opens the campaign -----------------------------------------------------------------
		clock.set("2021-01-10T10:00:00+01:00");
		var themes = List.copyOf(PROPOSALS.keySet());
		assertThat(themes).hasSize(13);
		assertThat(PROPOSALS.values().stream().mapToInt(List::size).sum()).isEqualTo(67);
		var campaign = UUID.fromString(call(post("/api/campaigns"), Identities.admin(), Map.of(
				"title", STORY.title(),
				"description", STORY.description(),
				"envelopeEuros", STORY.figures().envelopeEuros(),
				"themes", themes,
				"supportKinds", STORY.supportKinds(),
				"workingGroupKinds", STORY.workingGroupKinds(),
				"targetShortlistSize", STORY.figures().shortlisted(),
				"calendar", calendar2021()), 201)
				.get("id").asString());
		assertThat(call(get("/api/campaigns/" + campaign), null, null, 200).get("envelopeEuros").asLong())
				.isEqualTo(30_000_000);

		// 2. contributions ---------------------------------------------------------------------------------------
		// 476 distinct collectivités: 400 communes, 40 EPCI, 30 départements, 6 régions
		var contributors = new ArrayList<Collectivite>();
		contributors.addAll(communes.subList(0, 400));
		contributors.addAll(epcis.subList(0, 40));
		contributors.addAll(departements.subList(0, 30));
		contributors.addAll(regions.subList(0, 6));
		Collections.shuffle(contributors, random);
		assertThat(contributors.stream().map(Collectivite::siren).distinct()).hasSize(476);

		// one day before the window: refused, nothing stored (polled: intake learns the campaign from its event)
		clock.set("2021-01-24T18:00:00+01:00");
		var early = contributors.get(0);
		var earlyBody = submission("Dématérialiser les demandes d'actes d'état civil", "Dématérialisation", early, 0);
		await().atMost(PROPAGATION).until(() -> status(post("/api/campaigns/" + campaign + "/contributions"),
				early.agent(), earlyBody) != 404);
		call(post("/api/campaigns/" + campaign + "/contributions"), early.agent(), earlyBody, 409);

		clock.set("2021-01-25T08:30:00+01:00");
		call(post("/api/campaigns/" + campaign + "/contributions"), early.agent(),
				submission("Gérer les cimetières en ligne", "Pompes funèbres", early, 0), 400);
		assertThat(call(get("/api/me/contributions"), early.agent(), null, 200).size()).isZero();

		// the plan: 391 contributions for 67 proposals (56 of 6, 11 of 5), 81 to reorient, 4 to reject
		record Planned(String title, String theme, int group, String outcome, String answer) {
		}
		var plan = new ArrayList<Planned>();
		int group = 0;
		for (var theme : themes) {
			for (var title : PROPOSALS.get(theme)) {
				for (int i = 0; i < (group < 56 ? 6 : 5); i++) {
					plan.add(new Planned(title, theme, group, "GROUPED", null));
				}
				group++;
			}
		}
		for (int i = 0; i < 81; i++) { // sent to the programmes that already answer them
			var programme = STORY.reoriented().get(i % STORY.reoriented().size());
			plan.add(new Planned(programme.title(), programme.theme(), -1, "REORIENTED", programme.target()));
		}
		for (var ineligible : STORY.rejected()) {
			plan.add(new Planned(ineligible.title(), ineligible.theme(), -1, "REJECTED", ineligible.reason()));
		}
		assertThat(plan).hasSize(476);
		Collections.shuffle(plan, random);

		var contributions = new ArrayList<Contribution>();
		var groups = new ArrayList<List<Contribution>>();
		for (int i = 0; i < 67; i++) {
			groups.add(new ArrayList<>());
		}
		var reoriented = new ArrayList<Contribution>();
		var rejected = new ArrayList<Contribution>();
		var start = OffsetDateTime.parse("2021-01-25T09:00:00+01:00").toInstant();
		for (int i = 0; i < 476; i++) {
			clock.set(start.plus(Duration.ofMinutes(139L * i))); // the last one on 14 March
			var planned = plan.get(i);
			var by = contributors.get(i);
			var id = UUID.fromString(call(post("/api/campaigns/" + campaign + "/contributions"), by.agent(),
					submission(planned.title(), planned.theme(), by, i), 201).get("id").asString());
			var contribution = new Contribution(id, by, planned.title(), planned.theme(), planned.answer());
			contributions.add(contribution);
			switch (planned.outcome()) {
				case "GROUPED" -> groups.get(planned.group()).add(contribution);
				case "REORIENTED" -> reoriented.add(contribution);
				default -> rejected.add(contribution);
			}
		}
		assertThat(clock.instant()).isBefore(OffsetDateTime.parse("2021-03-15T23:59:59+01:00").toInstant());

		// 3. curation ------------------------------------------------------------------------------------------
		clock.set("2021-03-20T10:00:00+01:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/curation-report"), null, null, 200).get("received").asLong())
				.isEqualTo(476));
		var triage = call(get("/api/campaigns/" + campaign + "/triage?size=100"), Identities.curator(), null, 200);
		assertThat(triage.get("totalElements").asLong()).isEqualTo(476);
		assertThat(triage.get("items").size()).isEqualTo(100);

		var proposals = new ArrayList<UUID>();
		var proposalTitles = new HashMap<UUID, String>();
		var proposalOf = new HashMap<UUID, UUID>();
		group = 0;
		for (var theme : themes) {
			for (var title : PROPOSALS.get(theme)) {
				var members = groups.get(group++);
				var id = UUID.fromString(call(post("/api/campaigns/" + campaign + "/proposals"), Identities.curator(),
						Map.of("title", title, "summary", "Besoin exprimé par " + members.size() + " collectivités : " + title + ".",
								"theme", theme, "contributionIds", members.stream().map(Contribution::id).toList()), 201)
						.get("id").asString());
				proposals.add(id);
				proposalTitles.put(id, title);
				members.forEach(c -> proposalOf.put(c.id(), id));
			}
		}
		for (var c : reoriented) {
			call(post("/api/contributions/" + c.id() + "/reorientation"), Identities.curator(),
					Map.of("target", c.outcome(), "note", "Ce besoin trouve déjà une réponse dans un programme national."), 204);
		}
		for (var c : rejected) {
			call(post("/api/contributions/" + c.id() + "/rejection"), Identities.curator(), Map.of("reason", c.outcome()),
					204);
		}
		for (var id : proposals) {
			call(post("/api/proposals/" + id + "/publication"), Identities.curator(), Map.of(), 204);
		}
		var report = call(get("/api/campaigns/" + campaign + "/curation-report"), null, null, 200);
		assertThat(Map.of("received", report.get("received").asLong(), "pending", report.get("pending").asLong(),
				"grouped", report.get("grouped").asLong(), "reoriented", report.get("reoriented").asLong(),
				"rejected", report.get("rejected").asLong(), "proposals", report.get("proposals").asLong(),
				"publishedProposals", report.get("publishedProposals").asLong()))
				.isEqualTo(Map.of("received", 476L, "pending", 0L, "grouped", 391L, "reoriented", 81L, "rejected", 4L,
						"proposals", 67L, "publishedProposals", 67L));

		// every contributor sees what became of their contribution
		var waiting = new ArrayList<>(contributions);
		await().atMost(PROPAGATION).untilAsserted(() -> {
			for (var it = waiting.iterator(); it.hasNext();) {
				if (!outcomeOf(it.next()).get("status").asString().equals("PENDING")) {
					it.remove();
				}
			}
			assertThat(waiting).isEmpty();
		});
		for (var c : contributions) {
			var outcome = outcomeOf(c);
			if (proposalOf.containsKey(c.id())) {
				assertThat(outcome.get("status").asString()).isEqualTo("GROUPED");
				assertThat(outcome.get("proposalId").asString()).isEqualTo(proposalOf.get(c.id()).toString());
				assertThat(outcome.get("proposalTitle").asString()).isEqualTo(c.title());
			}
			else if (reoriented.contains(c)) {
				assertThat(outcome.get("status").asString()).isEqualTo("REORIENTED");
				assertThat(outcome.get("target").asString()).isEqualTo(c.outcome());
			}
			else {
				assertThat(outcome.get("status").asString()).isEqualTo("REJECTED");
				assertThat(outcome.get("reason").asString()).startsWith("Inéligible");
			}
		}
		// ... and only they: another collectivité may not read it
		call(get("/api/contributions/" + contributions.get(0).id()), contributions.get(1).by().agent(), null, 403);

		// 4. supports --------------------------------------------------------------------------------------------
		clock.set("2021-03-31T12:00:00+02:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/proposals"), null, null, 200).size()).isEqualTo(67));
		var tooEarly = communes.get(0);
		call(put("/api/proposals/" + proposals.get(0) + "/support"), tooEarly.agent(), null, 409);

		// 531 supports from communes, départements and régions, a few proposals gathering most of them
		var supporters = new ArrayList<Collectivite>();
		supporters.addAll(communes.subList(0, 250));
		supporters.addAll(departements);
		supporters.addAll(regions);
		Collections.shuffle(supporters, random);
		assertThat(supporters.stream().map(Collectivite::siren).distinct()).hasSize(supporters.size());
		var expectedCounts = distribution(531, 67);
		var byRank = new ArrayList<>(proposals);
		Collections.shuffle(byRank, random);
		var expectedSupporters = new LinkedHashMap<UUID, List<Collectivite>>();
		for (int r = 0; r < 67; r++) {
			var list = new ArrayList<Collectivite>();
			for (int k = 0; k < expectedCounts[r]; k++) {
				list.add(supporters.get((r * 37 + k) % supporters.size()));
			}
			expectedSupporters.put(byRank.get(r), list);
		}
		record Attempt(UUID proposal, CurrentUser user, String siren, int status) {
		}
		var attempts = new ArrayList<Attempt>();
		expectedSupporters.forEach((proposal, list) -> list
				.forEach(c -> attempts.add(new Attempt(proposal, c.agent(), c.siren(), 201))));
		var firsts = List.copyOf(attempts);
		for (int i = 0; i < 40; i++) { // the élu supports again what the agent already supported (or the reverse)
			var first = firsts.get(random.nextInt(firsts.size()));
			var c = supporters.stream().filter(s -> s.siren().equals(first.siren())).findFirst().orElseThrow();
			attempts.add(new Attempt(first.proposal(), c.elu(), c.siren(), 200));
		}
		for (int i = 0; i < 15; i++) { // groupements do not count
			var epci = epcis.get(40 + i % 60);
			attempts.add(new Attempt(proposals.get(random.nextInt(67)), epci.agent(), epci.siren(), 403));
		}
		var unverified = new Organisation(Siren.of(communes.get(499).siren()), communes.get(499).name(),
				CollectiviteKind.COMMUNE, false, communes.get(499).departement(), communes.get(499).region(),
				communes.get(499).population());
		attempts.add(new Attempt(proposals.get(3), Identities.agent("agent-non-verifie", unverified),
				unverified.siren().value(), 403));
		Collections.shuffle(attempts, random);
		var given = new HashSet<String>();
		var supportStart = OffsetDateTime.parse("2021-04-01T00:05:00+02:00").toInstant();
		var step = Duration.ofDays(29).dividedBy(attempts.size());
		var statuses = new HashMap<Integer, Integer>();
		for (int i = 0; i < attempts.size(); i++) {
			clock.set(supportStart.plus(step.multipliedBy(i)));
			var a = attempts.get(i);
			// whichever of agent and élu comes first creates the support; the other changes nothing
			var expected = a.status() == 403 ? 403 : given.add(a.proposal() + "/" + a.siren()) ? 201 : 200;
			var response = call(put("/api/proposals/" + a.proposal() + "/support"), a.user(), null, expected);
			if (expected == 200) {
				assertThat(response.get("alreadySupported").asBoolean()).isTrue();
			}
			if (a.user().username().equals("agent-non-verifie")) {
				assertThat(response.get("reason").asString()).isEqualTo("UNVERIFIED");
			}
			statuses.merge(expected, 1, Integer::sum);
		}
		assertThat(statuses).containsEntry(201, 531).containsEntry(200, 40).containsEntry(403, 16);

		// a collectivité changes its mind before the close: its support is withdrawn and counts no more
		var hesitant = communes.get(260);
		assertThat(supporters).doesNotContain(hesitant);
		call(put("/api/proposals/" + byRank.get(0) + "/support"), hesitant.agent(), null, 201);
		call(delete("/api/proposals/" + byRank.get(0) + "/support"), hesitant.elu(), null, 204);

		// before the close, governance follows the live count from voting's events
		await().atMost(PROPAGATION).untilAsserted(() -> {
			var live = call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.admin(), null, 200);
			assertThat(live.get("supportsSource").asString()).isEqualTo("LIVE");
			var counts = new HashMap<UUID, Integer>();
			live.get("proposals").forEach(row -> counts.put(UUID.fromString(row.get("proposalId").asString()),
					row.get("supports").asInt()));
			var expected = new HashMap<UUID, Integer>();
			expectedSupporters.forEach((id, list) -> expected.put(id, list.size()));
			assertThat(counts).isEqualTo(expected);
		});

		// after the window: late attempts are refused
		clock.set("2021-05-01T00:10:00+02:00");
		for (int i = 0; i < 10; i++) {
			var late = supporters.get((i * 53 + 7) % supporters.size());
			var proposal = proposals.get((i * 11) % 67);
			var status = status(put("/api/proposals/" + proposal + "/support"), late.agent(), null);
			assertThat(status).as("support after the window").isEqualTo(409);
		}
		var frozen = expectedSupporters.get(byRank.get(1)).get(0);
		call(delete("/api/proposals/" + byRank.get(1) + "/support"), frozen.agent(), null, 409);

		// counts, supporters and ranking agree to the unit
		var listed = call(get("/api/campaigns/" + campaign + "/proposals"), null, null, 200);
		long listedTotal = 0;
		for (var p : listed) {
			var id = UUID.fromString(p.get("id").asString());
			assertThat(p.get("supportCount").asInt()).as(p.get("title").asString())
					.isEqualTo(expectedSupporters.get(id).size());
			listedTotal += p.get("supportCount").asLong();
		}
		assertThat(listedTotal).isEqualTo(531);
		var listedThemes = new HashSet<String>();
		listed.forEach(p -> listedThemes.add(p.get("theme").asString()));
		assertThat(listedThemes).isEqualTo(new HashSet<>(themes));
		var top = byRank.get(0);
		var topSupporters = call(get("/api/proposals/" + top + "/supports?size=500"), null, null, 200);
		var listedSirens = new HashSet<String>();
		topSupporters.get("content").forEach(s -> listedSirens.add(s.get("siren").asString()));
		assertThat(listedSirens).isEqualTo(new HashSet<>(
				expectedSupporters.get(top).stream().map(Collectivite::siren).toList()));
		var firstSupporter = topSupporters.get("content").get(0);
		var known = expectedSupporters.get(top).stream()
				.filter(c -> c.siren().equals(firstSupporter.get("siren").asString())).findFirst().orElseThrow();
		assertThat(firstSupporter.get("name").asString()).isEqualTo(known.name());
		assertThat(firstSupporter.get("kind").asString()).isEqualTo(known.kind().name());

		var ranking = call(get("/api/campaigns/" + campaign + "/ranking"), null, null, 200);
		assertThat(ranking.size()).isEqualTo(67);
		long previous = Long.MAX_VALUE;
		long rankedTotal = 0;
		for (var ranked : ranking) {
			var id = UUID.fromString(ranked.get("id").asString());
			var expected = expectedSupporters.get(id);
			var count = ranked.get("supportCount").asLong();
			assertThat(count).isEqualTo(expected.size()).isLessThanOrEqualTo(previous);
			previous = count;
			rankedTotal += count;
			var byKind = new EnumMap<CollectiviteKind, Long>(CollectiviteKind.class);
			ranked.get("byKind").properties()
					.forEach(e -> byKind.put(CollectiviteKind.valueOf(e.getKey()), e.getValue().asLong()));
			assertThat(byKind).isEqualTo(kinds(expected));
			assertThat(ranked.get("populationCovered").asLong())
					.isEqualTo(expected.stream().mapToLong(Collectivite::population).sum());
			long regions2 = 0;
			for (var region : ranked.get("byRegion")) {
				regions2 += region.get("supportCount").asLong();
			}
			assertThat(regions2).isEqualTo(count);
		}
		assertThat(rankedTotal).isEqualTo(531);

		// voting closes the supports and publishes the final tally; governance's decision inputs agree
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.admin(), null, 200)
						.get("supportsSource").asString()).isEqualTo("FINAL"));
		var inputs = call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.admin(), null, 200);
		assertThat(inputs.get("proposals").size()).isEqualTo(67);
		long finalTotal = 0;
		for (var row : inputs.get("proposals")) {
			var expected = expectedSupporters.get(UUID.fromString(row.get("proposalId").asString()));
			assertThat(row.get("supports").asInt()).isEqualTo(expected.size());
			var byKind = new EnumMap<CollectiviteKind, Long>(CollectiviteKind.class);
			row.get("byKind").properties()
					.forEach(e -> byKind.put(CollectiviteKind.valueOf(e.getKey()), e.getValue().asLong()));
			assertThat(byKind).isEqualTo(kinds(expected));
			assertThat(row.get("populationCovered").asLong())
					.isEqualTo(expected.stream().mapToLong(Collectivite::population).sum());
			finalTotal += row.get("supports").asLong();
		}
		assertThat(finalTotal).isEqualTo(531);

		// 5. the steering committee of 3 May ---------------------------------------------------------------------
		// the five members the tests sign in as (committee1 to committee5), with the organisations of the story
		call(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(), Map.of("members",
				STORY.committee().subList(0, 5).stream()
						.map(m -> Map.of("username", m.username(), "organisation", m.organisation())).toList()), 200);
		var conflicted = top; // the most supported proposal
		call(post("/api/proposals/" + conflicted + "/conflicts"), Identities.committee(1),
				Map.of("reason", "Élu d'une commune qui porte cette proposition"), 201);
		call(put("/api/proposals/" + conflicted + "/maturity"), Identities.committee(1), Map.of("level", 4), 409);
		for (int m = 2; m <= 5; m++) {
			for (int r = 0; r < 67; r++) {
				int level = r == 0 ? 3 + m % 2 : 1 + (r * 7 + m) % 4;
				call(put("/api/proposals/" + byRank.get(r) + "/maturity"), Identities.committee(m),
						Map.of("level", level, "note", "Évaluation de la maturité"), 200);
			}
		}
		call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.agentOf(communes.get(1).siren(),
				communes.get(1).name(), CollectiviteKind.COMMUNE, communes.get(1).departement(),
				communes.get(1).region(), communes.get(1).population()), null, 403);
		var scored = call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.committee(3), null, 200);
		var retained = new ArrayList<UUID>();
		for (int i = 0; i < 17; i++) {
			retained.add(UUID.fromString(scored.get("proposals").get(i).get("proposalId").asString()));
		}
		assertThat(retained).contains(conflicted);
		var shortlistBody = Map.of("proposalIds", retained, "presentMembers",
				List.of("committee1", "committee2", "committee3", "committee4", "committee5"), "rationale",
				"Propositions les plus soutenues et les plus mûres, besoins partagés par de nombreux territoires.");
		call(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(2), shortlistBody, 409); // 1 May
		clock.set("2021-05-03T14:00:00+02:00");
		var shortlist = call(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(2), shortlistBody, 201);
		assertThat(shortlist.get("steppedOut").size()).isEqualTo(1);
		assertThat(shortlist.get("steppedOut").get(0).get("username").asString()).isEqualTo("committee1");
		assertThat(shortlist.get("steppedOut").get(0).get("proposalId").asString()).isEqualTo(conflicted.toString());

		// 6. referent territories ---------------------------------------------------------------------------------
		clock.set("2021-05-04T09:00:00+02:00");
		await().atMost(PROPAGATION).untilAsserted(() -> {
			for (var id : retained) {
				assertThat(call(get("/api/proposals/" + id + "/working-group"), null, null, 200).get("call")
						.get("status").asString()).isEqualTo("OPEN");
			}
		});
		// a supporter of a shortlisted proposal is invited to apply
		var invited = expectedSupporters.get(conflicted).get(0);
		assertThat(call(get("/api/me/referent-invitations"), invited.agent(), null, 200).toString())
				.contains(conflicted.toString());
		var expectedMembers = new LinkedHashMap<UUID, Set<String>>();
		retained.forEach(id -> expectedMembers.put(id, new LinkedHashSet<>()));
		var applicants = new ArrayList<Collectivite>();
		applicants.addAll(communes.subList(300, 330));
		applicants.addAll(epcis.subList(0, 5)); // groupements may join working groups
		applicants.addAll(departements.subList(40, 45));
		for (int i = 0; i < applicants.size(); i++) {
			clock.advance(Duration.ofHours(7));
			var applicant = applicants.get(i);
			var proposal = retained.get(i % 17);
			call(post("/api/proposals/" + proposal + "/referent-applications"), applicant.agent(),
					application(applicant), 201);
			expectedMembers.get(proposal).add(applicant.siren());
		}
		// one collectivité joins five working groups, and applies twice to the first one
		var eager = communes.get(2);
		var firstApplication = "";
		for (int i = 0; i < 5; i++) {
			var response = call(post("/api/proposals/" + retained.get(i) + "/referent-applications"), eager.agent(),
					application(eager), 201);
			if (i == 0) {
				firstApplication = response.get("id").asString();
			}
			expectedMembers.get(retained.get(i)).add(eager.siren());
		}
		assertThat(call(post("/api/proposals/" + retained.get(0) + "/referent-applications"), eager.elu(),
				application(eager), 200).get("id").asString()).isEqualTo(firstApplication);
		await().atMost(PROPAGATION).untilAsserted(() -> {
			for (var id : retained) {
				var members = new HashSet<String>();
				call(get("/api/proposals/" + id + "/working-group"), null, null, 200).get("members")
						.forEach(m -> members.add(m.get("siren").asString()));
				assertThat(members).as("working group of %s", proposalTitles.get(id)).isEqualTo(expectedMembers.get(id));
			}
		});

		// the call closes with the applications window
		clock.set(STORY.calendar().referentApplications().closes().plusHours(10).atZone(java.time.ZoneId.of("Europe/Paris"))
				.toInstant());
		call(post("/api/proposals/" + retained.get(1) + "/referent-applications"), communes.get(340).agent(),
				application(communes.get(340)), 409);

		// 7. the funding committee of 5 July: 44 projects answering the 17 proposals, 29 940 000 € in all ----------
		clock.set("2021-07-05T15:00:00+02:00");
		var notRetained = proposals.stream().filter(id -> !retained.contains(id)).findFirst().orElseThrow();
		call(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(3),
				project(notRetained, 0, 100_000), 409);
		for (int i = 0; i < 44; i++) {
			var proposal = retained.get(i % 17);
			var member = Identities.committee(proposal.equals(conflicted) ? 2 + i % 4 : 1 + i % 5);
			var funded = call(post("/api/campaigns/" + campaign + "/funded-projects"), member,
					project(proposal, i + 1, i == 43 ? 700_000 : 680_000), 201);
			assertThat(funded.get("remainingEuros").asLong()).isEqualTo(30_000_000 - 680_000L * (i + 1) - (i == 43 ? 20_000 : 0));
		}
		var refused = call(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(4),
				project(retained.get(5), 45, 100_000), 409);
		assertThat(refused.get("remainingEuros").asLong()).isEqualTo(60_000);

		var decisions = call(get("/api/campaigns/" + campaign + "/decisions"), null, null, 200);
		assertThat(decisions.get("envelopeEuros").asLong()).isEqualTo(30_000_000);
		assertThat(decisions.get("totalFundedEuros").asLong()).isEqualTo(29_940_000);
		assertThat(decisions.get("remainingEuros").asLong()).isEqualTo(60_000);
		assertThat(decisions.get("fundedProjects").size()).isEqualTo(44);
		var shortlisted = new HashSet<UUID>();
		decisions.get("shortlist").forEach(p -> shortlisted.add(UUID.fromString(p.get("proposalId").asString())));
		assertThat(shortlisted).isEqualTo(new HashSet<>(retained));
		var fundedProposals = new HashSet<UUID>();
		decisions.get("fundedProjects").forEach(p -> fundedProposals.add(UUID.fromString(p.get("proposalId").asString())));
		assertThat(fundedProposals).isEqualTo(new HashSet<>(retained));
		assertThat(decisions.get("shortlistDecisions").size()).isEqualTo(1);
		// the public record names the organisation of the member who stepped out, not their username
		assertThat(decisions.get("shortlistDecisions").get(0).get("steppedOut").toString()).contains("AMF")
				.doesNotContain("committee1");

		// the registry keeps every delivered event as an audit trail: after the whole consultation, none holds a
		// contributor's, agent's or élu's personal data (the functions they typed, their contacts, names, addresses)
		var kept = PublishedEvents.assertNoPersonalDataStored(jdbc, Set.of("Directrice générale des services",
				"Maire adjoint au numérique", "Chef de projet numérique", "Référent numérique de ", "@exemple.fr",
				"@demo.cocon.fr", "\"Agent "));
		// (events without a listener, like ProjectsFunded, leave no publication: their shape is checked by
		// EventsCarryNoPersonalDataTests)
		assertThat(kept).as("event types the replay stored").contains("ContributionSubmitted", "ContributionGrouped",
				"ContributionReoriented", "ContributionRejected", "ProposalPublished", "CampaignScheduled",
				"SupportsRecorded", "SupportsClosed", "ProposalsShortlisted");

		System.out.printf("Rejeu 2021 en %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

	// steps ------------------------------------------------------------------------------------------------------

	static Map<String, Object> submission(String title, String theme, Collectivite by, int n) {
		return Map.of("title", title, "need", "À " + by.name() + ", " + NEEDS.get(n % NEEDS.size()), "theme", theme,
				"authorRole", List.of("AGENT", "ELU", "PARTENAIRE").get(n % 3),
				"authorFunction", List.of("Directrice générale des services", "Maire adjoint au numérique",
						"Chef de projet numérique").get(n % 3));
	}

	static final List<String> NEEDS = List.of("nous aimerions un outil simple et mutualisé.",
			"un service numérique commun aux collectivités nous ferait gagner du temps.",
			"les agents y consacrent des heures chaque semaine.", "les habitants nous le demandent régulièrement.",
			"nous n'avons pas les moyens de développer une solution seuls.");

	static Map<String, Object> application(Collectivite c) {
		return Map.of("motivation", c.name() + " souhaite participer aux ateliers des besoins.", "contactName",
				"Référent numérique de " + c.name(), "contactEmail", "numerique." + c.siren() + "@exemple.fr");
	}

	static Map<String, Object> project(UUID proposal, int n, long budget) {
		return Map.of("proposalId", proposal, "provider", "Porteur " + n, "title", "Projet " + n, "budgetEuros", budget,
				"milestones", List.of(Map.of("label", "Prototype", "due", "2021-10-31"),
						Map.of("label", "Déploiement dans les territoires d'expérimentation", "due", "2022-03-31")));
	}

	static Map<CollectiviteKind, Long> kinds(List<Collectivite> supporters) {
		var byKind = new EnumMap<CollectiviteKind, Long>(CollectiviteKind.class);
		supporters.forEach(c -> byKind.merge(c.kind(), 1L, Long::sum));
		return byKind;
	}

	/** {@code total} spread unevenly over {@code n}: a few proposals gather most supports, every one has some. */
	static int[] distribution(int total, int n) {
		var counts = new int[n];
		double weights = 0;
		for (int i = 0; i < n; i++) {
			weights += 1.0 / (i + 2);
		}
		int sum = 0;
		for (int i = 0; i < n; i++) {
			counts[i] = Math.max(1, (int) Math.floor(total / weights / (i + 2)));
			sum += counts[i];
		}
		for (int i = 0; sum < total; i = (i + 1) % n) {
			counts[i]++;
			sum++;
		}
		assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(total);
		return counts;
	}

	private JsonNode outcomeOf(Contribution c) throws Exception {
		return call(get("/api/contributions/" + c.id()), c.by().agent(), null, 200).get("outcome");
	}

	/** The story's proposals by theme, in the order the story names them. */
	private static Map<String, List<String>> proposalsByTheme() {
		var themes = new LinkedHashMap<String, List<String>>();
		STORY.proposals().forEach(p -> themes.computeIfAbsent(p.theme(), t -> new ArrayList<>()).add(p.title()));
		return Collections.unmodifiableMap(themes);
	}
}
