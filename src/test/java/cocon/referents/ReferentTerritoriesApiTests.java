package cocon.referents;

import static cocon.referents.ReferentFixtures.*;
import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.testing.Identities;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportsRecorded;

/** The referent territories API over HTTP against the real database. */
class ReferentTerritoriesApiTests extends ReferentsTestSupport {

	ProposalId first;
	ProposalId second;

	@BeforeEach
	void twoShortlistedProposals() {
		first = ProposalId.random();
		second = ProposalId.random();
		listeners.on(shortlist(campaign, first, second));
	}

	@Test
	void aCollectiviteAppliesToSeveralProposalsAndJoinsTheirWorkingGroups() throws Exception {
		var commune = commune("Saint-Fons");

		apply(first, commune).andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNotEmpty());
		apply(second, commune).andExpect(status().isCreated());

		for (var proposal : new ProposalId[] { first, second }) {
			mvc.perform(get("/api/proposals/{id}/working-group", proposal.id()))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.proposalTitle").value(startsWith("Proposition")))
					.andExpect(jsonPath("$.call.status").value("OPEN"))
					.andExpect(jsonPath("$.members[0].siren").value(commune.organisation().siren().value()))
					.andExpect(jsonPath("$.members[0].name").value("Saint-Fons"))
					.andExpect(jsonPath("$.members[0].experimentation").value(false))
					.andExpect(jsonPath("$..contactEmail").isEmpty())
					.andExpect(jsonPath("$..motivation").isEmpty());
		}
	}

	@Test
	void applyingTwiceAnswers200AndKeepsOneMembership() throws Exception {
		var commune = commune("Vaulx-en-Velin");
		var id = com.jayway.jsonpath.JsonPath.read(apply(first, commune).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString(), "$.id");

		apply(first, commune).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));

		assertThat(territories.members(first)).containsExactly(commune.organisation().siren());
	}

	@Test
	void concurrentApplicationsOfOneCollectiviteStoreOneAndAnswerEachWithIt() throws Exception {
		var commune = commune("Décines-Charpieu");
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>>();
			for (int i = 0; i < 12; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return apply(first, commune).andReturn().getResponse();
				}));
			}
			start.countDown();
			var statuses = new java.util.ArrayList<Integer>();
			var ids = new java.util.HashSet<String>();
			for (var answer : answers) {
				var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
				statuses.add(response.getStatus());
				ids.add(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id"));
			}
			assertThat(statuses).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
			assertThat(ids).hasSize(1);
			assertThat(territories.members(first)).containsExactly(commune.organisation().siren());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anEpciIsRefusedUnlessTheCampaignAllowsGroupements() throws Exception {
		var epci = Identities.agentOf(siren(), "Métropole de Lyon", CollectiviteKind.EPCI, "69", "84", 1_400_000);

		apply(first, epci).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("Groupement (EPCI)")));

		var open = CampaignId.random();
		var proposal = ProposalId.random();
		listeners.on(campaign(open, Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.EPCI)));
		listeners.on(shortlist(open, proposal));
		apply(proposal, epci).andExpect(status().isCreated());
	}

	@Test
	void anUnverifiedOrganisationIsRefusedWithTheReason() throws Exception {
		var unverified = Identities.agent("agent-unverified",
				new Organisation(Siren.of(siren()), "Commune inconnue", CollectiviteKind.COMMUNE, false, null, null, 0));

		apply(first, unverified).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("pas encore vérifiée")));
	}

	@Test
	void applyingOutsideTheWindowIsRefused() throws Exception {
		clock.set(AFTER_APPLICATIONS);
		apply(first, commune("Bron")).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("15 juin 2021")));

		clock.set(Instant.parse("2021-05-02T12:00:00Z"));
		apply(first, commune("Bron")).andExpect(status().isConflict());
	}

	@Test
	void applyingToAProposalWithoutOpenCallAnswers404() throws Exception {
		apply(ProposalId.random(), commune("Rillieux-la-Pape")).andExpect(status().isNotFound());

		var correction = shortlist(campaign, null, SHORTLIST_DAY.plusSeconds(60), first);
		listeners.on(correction);
		apply(second, commune("Rillieux-la-Pape")).andExpect(status().isNotFound());
		mvc.perform(get("/api/proposals/{id}/working-group", second.id()))
				.andExpect(jsonPath("$.call.status").value("CANCELLED"));
	}

	@Test
	void anInvalidApplicationNamesTheFieldsAtFault() throws Exception {
		mvc.perform(post("/api/proposals/{id}/referent-applications", first.id()).with(as(commune("Oullins")))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"motivation\":\"\",\"contactName\":\"Anne\",\"contactEmail\":\"pas-une-adresse\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("motivation", "contactEmail")));
	}

	@Test
	void onlyStaffMarkExperimentationTerritoriesAndMarkingTwiceKeepsTheFirstMark() throws Exception {
		var commune = commune("Villeurbanne");
		String id = com.jayway.jsonpath.JsonPath.read(apply(first, commune).andReturn().getResponse().getContentAsString(), "$.id");

		mvc.perform(post("/api/referent-applications/{id}/experimentation", id).with(as(commune)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/proposals/{id}/working-group", first.id()))
				.andExpect(jsonPath("$.members[0].experimentation").value(false));

		mvc.perform(post("/api/referent-applications/{id}/experimentation", id).with(as(Identities.curator())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.markedBy").value("curator"));
		mvc.perform(post("/api/referent-applications/{id}/experimentation", id).with(as(Identities.admin())))
				.andExpect(status().isOk()).andExpect(jsonPath("$.markedBy").value("curator"));
		mvc.perform(get("/api/proposals/{id}/working-group", first.id()))
				.andExpect(jsonPath("$.members[0].experimentation").value(true));

		mvc.perform(post("/api/referent-applications/{id}/experimentation", java.util.UUID.randomUUID())
				.with(as(Identities.curator()))).andExpect(status().isNotFound());
	}

	@Test
	void staffRecordSessionsAttendedByMembersOnly() throws Exception {
		var member = commune("Décines-Charpieu");
		apply(first, member).andExpect(status().isCreated());
		var stranger = siren();
		session(Identities.curator(), "[\"%s\"]".formatted(member.organisation().siren()))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));

		clock.set(Instant.parse("2021-05-25T10:00:00Z"));
		session(Identities.curator(), "[\"%s\", \"%s\"]".formatted(member.organisation().siren(), stranger))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("attendees"))
				.andExpect(jsonPath("$.detail").value(containsString(stranger)));
		session(member, "[\"%s\"]".formatted(member.organisation().siren())).andExpect(status().isForbidden());

		session(Identities.curator(), "[\"%s\"]".formatted(member.organisation().siren())).andExpect(status().isCreated());

		mvc.perform(get("/api/proposals/{id}/working-group", first.id()))
				.andExpect(jsonPath("$.sessions", hasSize(1)))
				.andExpect(jsonPath("$.sessions[0].subject").value("Atelier des besoins"))
				.andExpect(jsonPath("$.sessions[0].attendeeCount").value(1));
	}

	@Test
	void staffSeeTheContactOfReferentTerritoriesAndAgentsDoNot() throws Exception {
		var commune = commune("Caluire-et-Cuire");
		apply(first, commune).andExpect(status().isCreated());

		mvc.perform(get("/api/proposals/{id}/referent-applications", first.id()).with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].contactEmail").value("contact@example.fr"));
		mvc.perform(get("/api/proposals/{id}/referent-applications", first.id()).with(as(commune)))
				.andExpect(status().isForbidden());
	}

	@Test
	void theSupportersOfAShortlistedProposalFindTheirInvitation() throws Exception {
		var supporter = commune("Givors");
		var at = Instant.parse("2021-04-20T09:00:00Z");
		listeners.on(new SupportsRecorded(campaign, List.of(new SupportGiven(first, campaign,
				supporter.organisation().siren(), "Givors", CollectiviteKind.COMMUNE, at)), List.of(), at));

		mvc.perform(get("/api/me/referent-invitations").with(as(supporter)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].proposalId").value(first.id().toString()))
				.andExpect(jsonPath("$[0].applied").value(false));

		apply(first, supporter).andExpect(status().isCreated());
		mvc.perform(get("/api/me/referent-invitations").with(as(supporter)))
				.andExpect(jsonPath("$[0].applied").value(true));
		mvc.perform(get("/api/me/referent-invitations").with(as(commune("Irigny"))))
				.andExpect(jsonPath("$", hasSize(0)));
	}

	private ResultActions apply(ProposalId proposal, CurrentUser agent) throws Exception {
		return mvc.perform(post("/api/proposals/{id}/referent-applications", proposal.id()).with(as(agent))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"motivation": "Nous voulons tester le service avec nos usagers.", "contactName": "Anne Durand", "contactEmail": "contact@example.fr"}
						"""));
	}

	private ResultActions session(CurrentUser user, String attendees) throws Exception {
		return mvc.perform(post("/api/proposals/{id}/working-group/sessions", first.id()).with(as(user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"date": "2021-05-20", "subject": "Atelier des besoins", "attendees": %s}
						""".formatted(attendees)));
	}

	private static CurrentUser commune(String name) {
		return Identities.agentOf(siren(), name, CollectiviteKind.COMMUNE, "69", "84", 20_000);
	}
}
