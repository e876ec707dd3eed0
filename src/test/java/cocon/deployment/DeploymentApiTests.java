package cocon.deployment;

import static cocon.deployment.DeploymentFixtures.*;
import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.UUID;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionUngrouped;
import cocon.referents.events.ExperimentationTerritoryMarked;
import cocon.referents.events.ReferentTerritoryLeft;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Identities;

/** The deployment API's contract over HTTP against the real database. */
class DeploymentApiTests extends DeploymentTestSupport {

	ResultActions declare(CurrentUser agent, String body) throws Exception {
		return mvc.perform(put("/api/services/{id}/adoption", project.projectId()).with(as(agent))
				.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aCollectiviteDeclaresItsAdoption201ThenChangesIt200() throws Exception {
		var commune = commune("Saint-Pierre-de-Chartreuse", "38", 1_000);

		declare(commune, "{\"status\": \"EN_TEST\"}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("EN_TEST"));
		declare(commune, "{\"status\": \"EN_TEST\"}").andExpect(status().isOk());
		declare(commune, "{\"status\": \"EN_SERVICE\", \"note\": \"Ouvert aux habitants\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("EN_SERVICE"));

		mvc.perform(get("/api/services/{id}", project.projectId())).andExpect(status().isOk())
				.andExpect(jsonPath("$.phase").value("EN_CONSTRUCTION"))
				.andExpect(jsonPath("$.need").value("Faciliter le signalement d'incidents par les usagers"))
				.andExpect(jsonPath("$.adoptionsByStatus.EN_SERVICE").value(1))
				.andExpect(jsonPath("$.adoptionsByStatus.EN_TEST").value(0))
				.andExpect(jsonPath("$.population").value(1_000));
		mvc.perform(get("/api/services/{id}/adoptions", project.projectId())).andExpect(status().isOk())
				.andExpect(header().string("X-Total-Count", "1"))
				.andExpect(jsonPath("$[0].siren").value(commune.organisation().siren().value()))
				.andExpect(jsonPath("$[0].name").value("Saint-Pierre-de-Chartreuse"))
				.andExpect(jsonPath("$[0].kind").value("COMMUNE"))
				.andExpect(jsonPath("$[0].departement").value("38"))
				.andExpect(jsonPath("$[0].status").value("EN_SERVICE"))
				.andExpect(jsonPath("$[0].since").isNotEmpty())
				.andExpect(jsonPath("$..note").isEmpty());
		mvc.perform(get("/api/me/adoptions").with(as(commune))).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].serviceId").value(project.projectId().toString()))
				.andExpect(jsonPath("$[0].status").value("EN_SERVICE"))
				.andExpect(jsonPath("$[0].note").value("Ouvert aux habitants"));

		assertThat(jdbc.sql("select status from deployment.adoption_change where siren = :s order by id")
				.param("s", commune.organisation().siren().value()).query(String.class).list())
				.as("every change kept").containsExactly("EN_TEST", "EN_SERVICE");
	}

	@Test
	void refusalsAreProblemDetails() throws Exception {
		var commune = commune("Autrans", "38", 1_800);

		declare(unverified("Inconnue"), "{\"status\": \"EN_TEST\"}").andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("pas encore vérifiée")));
		declare(Identities.curator(), "{\"status\": \"EN_TEST\"}").andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("aucune collectivité")));
		declare(commune, "{\"status\": \"ADOPTEE\"}").andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")))
				.andExpect(jsonPath("$.detail").value(containsString("EN_SERVICE")));
		declare(commune, "{\"status\": \"ABANDONNEE\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("pourquoi")));
		mvc.perform(put("/api/services/{id}/adoption", java.util.UUID.randomUUID()).with(as(commune))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"EN_TEST\"}"))
				.andExpect(status().isNotFound());
		mvc.perform(put("/api/services/{id}/adoption", project.projectId()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"EN_TEST\"}")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/me/adoptions")).andExpect(status().isUnauthorized());

		declare(commune, "{\"status\": \"ABANDONNEE\", \"note\": \"Trop coûteux pour nous\"}")
				.andExpect(status().isCreated());
	}

	@Test
	void twoHundredSimultaneousDeclarationsOfOneCollectiviteLeaveOneCurrentRow() throws Exception {
		var commune = commune("Lans-en-Vercors", "38", 2_700);
		var statuses = List.of("INTERESSEE", "EN_TEST", "EN_SERVICE");
		var start = new CountDownLatch(1);
		var tasks = new ArrayList<Callable<Adoptions.Outcome>>();
		for (int i = 0; i < 200; i++) {
			var status = statuses.get(i % statuses.size());
			tasks.add(() -> {
				start.await();
				return deployment.declare(service(), commune, status, null);
			});
		}
		var outcomes = new ArrayList<Adoptions.Outcome>();
		var pool = Executors.newFixedThreadPool(12);
		try {
			var futures = tasks.stream().map(pool::submit).toList();
			start.countDown();
			for (var future : futures) {
				outcomes.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(outcomes).filteredOn(outcome -> outcome == Adoptions.Outcome.CREATED).hasSize(1);
		var siren = commune.organisation().siren().value();
		assertThat(jdbc.sql("select count(*) from deployment.adoption where siren = :s").param("s", siren)
				.query(Long.class).single()).isEqualTo(1);
		long changes = outcomes.stream().filter(outcome -> outcome != Adoptions.Outcome.UNCHANGED).count();
		assertThat(jdbc.sql("select count(*) from deployment.adoption_change where siren = :s").param("s", siren)
				.query(Long.class).single()).as("one history row per change").isEqualTo(changes);
	}

	@Test
	void theCatalogueIsPaginatedSearchedWithoutAccentsAndFilteredByPhase() throws Exception {
		var unique = proposal.id().toString().substring(0, 6);
		mvc.perform(get("/api/services").param("q", "SIGNALEMENT citoyens " + unique).param("phase", "EN_CONSTRUCTION"))
				.andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "1"))
				.andExpect(jsonPath("$[0].id").value(project.projectId().toString()))
				.andExpect(jsonPath("$[0].theme").value("Relation usagers"));
		mvc.perform(get("/api/services").param("q", "signalement d’incidents " + unique)).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/services").param("q", unique).param("phase", "DISPONIBLE"))
				.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/services").param("q", unique).param("theme", "relation usagers"))
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/services").param("phase", "FINI")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/services").param("size", "1")).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1)).andExpect(header().string("Link", containsString("rel=\"next\"")));
		mvc.perform(get("/api/services").param("size", "501")).andExpect(status().isBadRequest());
	}

	/**
	 * The adoptions list (ADR 0058): by page number (the pages past the middle are read from the end of the index) or
	 * by following rel="next" (a cursor after the last row read), the same rows in the same order — the most recent
	 * first, then by SIREN, several collectivités sharing an instant — each once, with the right total.
	 */
	@Test
	void theAdoptionsListGivesTheSameRowsByPageNumberAndByFollowingItsNextLinks() throws Exception {
		// three collectivités a minute, so that the SIREN orders those sharing an instant
		jdbc.sql("""
				insert into deployment.adoption (service_id, siren, collectivite_name, kind, departement, region,
				  population, status, note, since, declared_by)
				select :s, (999999999 - i * 7919)::text, 'Commune ' || i, 'COMMUNE', '38', '84', 100, 'EN_TEST', null,
				       cast(:at as timestamptz) - make_interval(mins => i / 3), 'agent'
				from generate_series(0, 249) i""")
				.param("s", project.projectId()).param("at", cocon.shared.Timestamps.column(LATER.plusNanos(123_000)))
				.update();
		var expected = jdbc.sql("select siren from deployment.adoption where service_id = :s order by since desc, siren")
				.param("s", project.projectId()).query(String.class).list();
		assertThat(expected).hasSize(250);

		var byNumber = new ArrayList<String>();
		for (int page = 0; page <= 250 / 7; page++) {
			var response = mvc.perform(get("/api/services/{id}/adoptions", project.projectId()).param("page", "" + page)
					.param("size", "7")).andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "250"))
					.andReturn().getResponse();
			byNumber.addAll(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$[*].siren"));
		}
		assertThat(byNumber).as("by page number").isEqualTo(expected);

		var byNext = new ArrayList<String>();
		String next = "/api/services/" + project.projectId() + "/adoptions?size=7";
		int pages = 0;
		while (next != null) {
			var response = mvc.perform(get(java.net.URI.create(next))).andExpect(status().isOk())
					.andExpect(header().string("X-Total-Count", "250")).andReturn().getResponse();
			byNext.addAll(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$[*].siren"));
			var link = response.getHeader("Link");
			var matcher = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link == null ? "" : link);
			next = matcher.find() ? matcher.group(1) : null;
			if (next != null) {
				assertThat(next).as("the next link keeps the page number and adds a cursor")
						.contains("page=" + (pages + 1) + "&size=7&after=");
			}
			pages++;
		}
		assertThat(byNext).as("by following rel=next").isEqualTo(expected);
		assertThat(pages).isEqualTo(36);

		mvc.perform(get("/api/services/{id}/adoptions", project.projectId()).param("after", "pas-un-curseur"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
		mvc.perform(get("/api/services/{id}/adoptions", UUID.randomUUID()).param("after", "pas-un-curseur"))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/services/{id}/adoptions", UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void aFundingDecisionDeliveredTwiceCreatesTheServiceOnce() throws Exception {
		listeners.on(funded(campaign, project));
		assertThat(jdbc.sql("select count(*) from deployment.service where proposal_id = :p")
				.param("p", proposal.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAdministratorNamesATeamThatRecordsMilestonesPhaseLinksAndTranches() throws Exception {
		var id = project.projectId();
		var member = "team-" + id.toString().substring(0, 8);
		var teamMember = new CurrentUser(member, "Équipe projet", null, java.util.Set.of(cocon.shared.identity.Role.AGENT), null);

		mvc.perform(put("/api/services/{id}/phase", id).with(as(teamMember)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"phase\": \"EN_EXPERIMENTATION\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/services/{id}/team", id).with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"inventé-" + member + "\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("connue")));
		mvc.perform(post("/api/services/{id}/team", id).with(as(commune("Meaudre", "38", 1_400)))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"curator\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/services/{id}/team", id).with(as(Identities.admin()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"curator\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$[0].username").value("curator"))
				.andExpect(jsonPath("$[0].namedBy").value("admin"));
		var curator = Identities.curator();

		var milestone = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/services/{id}/milestones", id)
				.with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Version bêta\", \"due\": \"2022-01-31\"}")).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(put("/api/services/{id}/milestones/{m}", id, milestone).with(as(curator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"replannedTo\": \"2022-03-31\", \"reason\": \"Retard du prestataire\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].replanned").value(1));
		mvc.perform(put("/api/services/{id}/milestones/{m}", id, milestone).with(as(curator))
				.contentType(MediaType.APPLICATION_JSON).content("{\"doneOn\": \"2022-03-20\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].done").value("2022-03-20"));
		mvc.perform(put("/api/services/{id}/phase", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"phase\": \"EN_EXPERIMENTATION\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.phase").value("EN_EXPERIMENTATION"));
		mvc.perform(put("/api/services/{id}/phase", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"phase\": \"GENERALISE\"}")).andExpect(status().isConflict());
		mvc.perform(put("/api/services/{id}/links", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"site\": \"https://signalements.example.fr\", \"contactEmail\": \"equipe@signalements.example.fr\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.site").value("https://signalements.example.fr"));
		mvc.perform(put("/api/services/{id}/links", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"site\": \"javascript:alert(1)\"}")).andExpect(status().isBadRequest());

		mvc.perform(post("/api/services/{id}/tranches", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"amountEuros\": 150000, \"paidOn\": \"2021-09-01\", \"label\": \"Tranche 1\"}"))
				.andExpect(status().isCreated());
		mvc.perform(post("/api/services/{id}/tranches", id).with(as(curator)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"amountEuros\": 50001, \"paidOn\": \"2022-09-01\", \"label\": \"Tranche 2\"}"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("50000")));

		mvc.perform(get("/api/services/{id}", id)).andExpect(jsonPath("$.paidEuros").value(150_000))
				.andExpect(jsonPath("$.links.site").value("https://signalements.example.fr"))
				.andExpect(jsonPath("$..contactEmail").isEmpty());
		assertThat(jdbc.sql("select kind from deployment.timeline where service_id = :s order by at, id")
				.param("s", id).query(String.class).list())
				.as("every change kept, attributable").contains("FINANCEMENT", "EQUIPE", "JALON", "PHASE", "LIENS", "BUDGET");
	}

	@Test
	void theDatabaseRefusesABudgetPaidAboveTheFundedBudget() {
		var update = jdbc.sql("update deployment.service set paid_euros = budget_euros + 1 where id = :id")
				.param("id", project.projectId());
		org.assertj.core.api.Assertions.assertThatThrownBy(update::update)
				.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void onlyExperimentationTerritoriesGiveFeedbackOnceEditableUntilAvailable() throws Exception {
		var territory = commune("Villard-de-Lans", "38", 4_100);
		var other = commune("Corrençon-en-Vercors", "38", 400);
		listeners.on(experimentation(campaign, proposal, territory));
		listeners.on(experimentation(campaign, proposal, territory)); // delivered twice
		var id = project.projectId();

		mvc.perform(put("/api/services/{id}/feedback", id).with(as(other)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 4, \"wouldAdopt\": true}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 6, \"wouldAdopt\": true, \"text\": \"" + "a".repeat(2001) + "\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 3, \"wouldAdopt\": false, \"text\": \"Texte privé\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.count").value(1));
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 5, \"wouldAdopt\": true, \"text\": \"Très utile\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.count").value(1))
				.andExpect(jsonPath("$.wouldAdopt").value(1));

		var admin = Identities.admin();
		deployment.changePhase(service(), admin, "EN_EXPERIMENTATION", null);
		deployment.changePhase(service(), admin, "DISPONIBLE", null);
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 1, \"wouldAdopt\": false}")).andExpect(status().isConflict());
		mvc.perform(get("/api/services/{id}", id)).andExpect(jsonPath("$.feedback.satisfaction").value(5.0))
				.andExpect(jsonPath("$.experimentationTerritories[0].name").value("Villard-de-Lans"));
	}

	@Test
	void theContributionsThatLedToAServiceFollowAnUndoneGroupingAndARegroupingElsewhere() throws Exception {
		var other = ProposalId.random();
		listeners.on(proposal(campaign, other, "Publier les délibérations en ligne", "Citoyenneté"));
		var otherProject = project(other, "Actes en ligne " + other.id().toString().substring(0, 6), 150_000);
		listeners.on(funded(campaign, otherProject));
		var first = ContributionId.random();
		var second = ContributionId.random();
		var at = FUNDED_AT.minusSeconds(86_400 * 90);
		var grouping = new ContributionGrouped(first, campaign, proposal, "Signalements", "curator", at);
		listeners.on(grouping);
		listeners.on(new ContributionGrouped(second, campaign, proposal, "Signalements", "curator", at));
		mvc.perform(get("/api/services/{id}", project.projectId())).andExpect(jsonPath("$.contributions").value(2));

		listeners.on(new ContributionUngrouped(first, campaign, proposal, "Signalements", "curator", at.plusSeconds(60)));
		listeners.on(grouping); // the grouping it undid, delivered late
		listeners.on(new ContributionUngrouped(second, campaign, other, "Actes", "curator", at.plusSeconds(60))); // not there
		mvc.perform(get("/api/services/{id}", project.projectId())).andExpect(jsonPath("$.contributions").value(1));
		mvc.perform(get("/services/{id}", project.projectId())).andExpect(status().isOk())
				.andExpect(content().string(containsString("<dt class=\"fr-text--bold\">Contributions à l'origine du besoin</dt><dd>1</dd>")));

		listeners.on(new ContributionGrouped(first, campaign, other, "Actes", "curator", at.plusSeconds(120)));
		mvc.perform(get("/api/services/{id}", project.projectId())).andExpect(jsonPath("$.contributions").value(1));
		mvc.perform(get("/api/services/{id}", otherProject.projectId())).andExpect(jsonPath("$.contributions").value(1));
	}

	@Test
	void aTerritoryThatLeftIsNoLongerListedNorHeardButItsFeedbackStaysAndItMayComeBack() throws Exception {
		var territory = commune("Autrans-Méaudre en Vercors", "38", 3_000);
		var organisation = territory.organisation();
		listeners.on(experimentation(campaign, proposal, territory));
		var id = project.projectId();
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 4, \"wouldAdopt\": true}")).andExpect(status().isCreated());

		var left = new ReferentTerritoryLeft(UUID.randomUUID(), proposal, campaign, organisation.siren(), organisation.name(),
				organisation.kind(), true, LATER);
		listeners.on(left);
		listeners.on(left); // delivered twice
		listeners.on(experimentation(campaign, proposal, territory)); // its old mark, delivered late

		mvc.perform(get("/api/services/{id}", id)).andExpect(jsonPath("$.experimentationTerritories.length()").value(0))
				.andExpect(jsonPath("$.feedback.count").value(1));
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 1, \"wouldAdopt\": false}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from deployment.timeline where service_id = :s and kind = 'TERRITOIRE'")
				.param("s", id).query(Long.class).single()).as("the departure, once in the timeline").isOne();
		assertThat(jdbc.sql("select count(*) from deployment.experimentation_territory where proposal_id = :p")
				.param("p", proposal.id()).query(Long.class).single()).as("the history is kept").isOne();
		mvc.perform(get("/services/{id}", id)).andExpect(content().string(
				containsString("Autrans-Méaudre en Vercors a quitté le groupe de travail")));

		// it joins the group again and is marked again: an experimentation territory once more
		listeners.on(new ExperimentationTerritoryMarked(UUID.randomUUID(), proposal, campaign, organisation.siren(),
				organisation.name(), organisation.kind(), LATER.plusSeconds(86_400)));
		mvc.perform(get("/api/services/{id}", id)).andExpect(jsonPath("$.experimentationTerritories.length()").value(1));
		mvc.perform(put("/api/services/{id}/feedback", id).with(as(territory)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"satisfaction\": 5, \"wouldAdopt\": true}")).andExpect(status().isOk());
	}

	@Test
	void aDepartureDeliveredBeforeItsMarkIsNotUndoneByIt() throws Exception {
		var territory = commune("Lans-en-Vercors", "38", 2_700);
		var organisation = territory.organisation();
		listeners.on(new ReferentTerritoryLeft(UUID.randomUUID(), proposal, campaign, organisation.siren(),
				organisation.name(), organisation.kind(), true, LATER));
		listeners.on(experimentation(campaign, proposal, territory));

		mvc.perform(get("/api/services/{id}", project.projectId()))
				.andExpect(jsonPath("$.experimentationTerritories.length()").value(0));
	}

	@Autowired
	DeploymentPersonalData personalData;

	@Test
	void aPersonsDataIsExportedThenErasedWhileTheFactsStay() {
		var agent = commune("Vif", "38", 8_600);
		listeners.on(experimentation(campaign, proposal, agent));
		deployment.declare(service(), agent, "EN_TEST", "Essai avec les services techniques");
		deployment.giveFeedback(service(), agent, 4, true, "Utile", false);

		assertThat(personalData.export(agent).toString()).contains("Essai avec les services techniques", "Utile");
		assertThat(personalData.erase(agent)).containsEntry("adoptionsDeclarees", 1).containsEntry("retoursExperience", 1);

		assertThat(personalData.export(agent).toString()).doesNotContain("Essai avec les services techniques");
		assertThat(deployment.currentAdoption(service(), agent.organisation().siren()).status())
				.as("the collectivité's adoption stays").isEqualTo(AdoptionStatus.EN_TEST);
		assertThat(jdbc.sql("select count(*) from deployment.adoption_change where declared_by = :u")
				.param("u", agent.username()).query(Long.class).single()).isZero();
	}
}
