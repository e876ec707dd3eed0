package cocon.curation;

import static cocon.curation.CurationFixtures.*;
import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.testing.Identities;
import tools.jackson.databind.json.JsonMapper;

/** The curators' API over HTTP against the real database, events published as intake and governance do. */
class CurationApiTests extends CurationTestSupport {

	@Autowired
	JsonMapper json;

	ContributionId submit(String title, String need, String theme, String siren, String name) {
		var event = contribution(campaign, title, need, theme, siren, name, CollectiviteKind.COMMUNE);
		submit(List.of(event));
		return event.contributionId();
	}

	String body(Object value) {
		return json.writeValueAsString(value);
	}

	ResultActions post(String uri, Object body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(uri)
				.with(as(Identities.curator())).contentType(MediaType.APPLICATION_JSON).content(body(body)));
	}

	UUID createProposal(String title, String theme, List<ContributionId> contributions) throws Exception {
		var response = post("/api/campaigns/" + campaign + "/proposals", Map.of("title", title, "summary",
				"Résumé de « " + title + " ».", "theme", theme, "contributionIds",
				contributions.stream().map(ContributionId::id).toList()))
				.andExpect(status().isCreated()).andExpect(header().exists("Location"))
				.andReturn().getResponse().getContentAsString();
		return UUID.fromString(JsonPath.read(response, "$.id"));
	}

	ResultActions report() throws Exception {
		return mvc.perform(get("/api/campaigns/" + campaign + "/curation-report"));
	}

	@Test
	void replaysThe2021FunnelThroughTheApi() throws Exception {
		campaignInCuration(Replay2021.campaign());
		var replay = Replay2021.generate(campaign);
		assertThat(replay.contributions()).hasSize(476);
		submit(replay.contributions());
		report().andExpect(jsonPath("$.received").value(476)).andExpect(jsonPath("$.pending").value(476));

		// 68 proposals: the last one is split in two at first, then merged back
		var proposals = new ArrayList<UUID>();
		for (var group : replay.groups()) {
			var ids = group.contributions();
			if (proposals.size() == replay.groups().size() - 1) {
				var half = ids.size() / 2;
				var first = createProposal(group.title(), group.theme(), ids.subList(0, half));
				var second = createProposal(group.title() + " (doublon)", group.theme(), List.of());
				post("/api/proposals/" + second + "/contributions",
						Map.of("contributionIds", ids.subList(half, ids.size()).stream().map(ContributionId::id).toList()))
						.andExpect(status().isNoContent());
				post("/api/proposals/" + first + "/merge", Map.of("proposalId", second)).andExpect(status().isNoContent());
				proposals.add(first);
			}
			else {
				proposals.add(createProposal(group.title(), group.theme(), ids));
			}
		}
		for (var reoriented : replay.reoriented()) {
			post("/api/contributions/" + reoriented + "/reorientation",
					Map.of("target", "France Services", "note", "Ce besoin relève du programme France Services."))
					.andExpect(status().isNoContent());
		}
		for (var rejected : replay.rejected()) {
			post("/api/contributions/" + rejected + "/rejection",
					Map.of("reason", "Inéligible : ne concerne pas un service numérique public."))
					.andExpect(status().isNoContent());
		}
		report().andExpect(jsonPath("$.pending").value(0)).andExpect(jsonPath("$.publishedProposals").value(0));
		for (var proposal : proposals) {
			post("/api/proposals/" + proposal + "/publication", Map.of()).andExpect(status().isNoContent());
		}

		report().andExpect(status().isOk())
				.andExpect(content().json("""
						{"received": 476, "pending": 0, "grouped": 391, "reoriented": 81, "rejected": 4,
						 "proposals": 67, "publishedProposals": 67}"""));
		assertThat(jdbc.sql("select count(distinct theme) from curation.proposal where campaign_id = ? and status = 'PUBLISHED'")
				.param(campaign.id()).query(Long.class).single()).isEqualTo(13);
	}

	@Test
	void theReportAddsUpAtEveryStep() throws Exception {
		var a = submit("Prise de rendez-vous en ligne", "Réserver en mairie.", "Relation usagers", "216901231", "Lyon");
		var b = submit("Cantine scolaire", "Inscriptions à la cantine.", "Éducation et jeunesse", "213105554", "Toulouse");
		submit("Fibre", "Raccordement.", "Dématérialisation", "213105554", "Toulouse");
		createProposal("Rendez-vous en ligne", "Relation usagers", List.of(a));
		post("/api/contributions/" + b + "/rejection", Map.of("reason", "Hors champ.")).andExpect(status().isNoContent());

		report().andExpect(content().json("""
				{"received": 3, "pending": 1, "grouped": 1, "reoriented": 0, "rejected": 1,
				 "proposals": 1, "publishedProposals": 0}"""));
	}

	@Test
	void rejectingAContributionOfAPublishedProposalIsAConflictAndChangesNothing() throws Exception {
		var id = submit("Signalement d'incidents", "Nids de poule.", "Mobilités", "216901231", "Lyon");
		var proposal = createProposal("Faciliter le signalement d'incidents", "Mobilités", List.of(id));
		post("/api/proposals/" + proposal + "/publication", Map.of()).andExpect(status().isNoContent());
		var historyBefore = jdbc.sql("select count(*) from curation.history where contribution_id = ?").param(id.id())
				.query(Long.class).single();

		post("/api/contributions/" + id + "/rejection", Map.of("reason", "Finalement non."))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("publiée")));
		post("/api/contributions/" + id + "/reorientation", Map.of("target", "ANCT", "note", "Non."))
				.andExpect(status().isConflict());
		post("/api/proposals/" + proposal + "/publication", Map.of()).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail", containsString("déjà publiée")));

		assertThat(jdbc.sql("select outcome from curation.contribution where id = ?").param(id.id()).query(String.class)
				.single()).isEqualTo("GROUPED");
		assertThat(jdbc.sql("select count(*) from curation.history where contribution_id = ?").param(id.id())
				.query(Long.class).single()).isEqualTo(historyBefore);
		report().andExpect(jsonPath("$.grouped").value(1)).andExpect(jsonPath("$.rejected").value(0));
	}

	@Test
	void onlyCuratorsDecide() throws Exception {
		var id = submit("Cartographie des réseaux", "Réseaux d'eau.", "Environnement", "216901231", "Lyon");

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/contributions/" + id + "/rejection").with(as(Identities.lyon()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"non\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").with(as(Identities.admin())))
				.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/campaigns/" + campaign + "/proposals").contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("select outcome from curation.contribution where id = ?").param(id.id()).query(String.class)
				.single()).isEqualTo("PENDING");
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		var unknown = UUID.randomUUID();
		post("/api/contributions/" + unknown + "/rejection", Map.of("reason", "x")).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		post("/api/proposals/" + unknown + "/publication", Map.of()).andExpect(status().isNotFound());
		post("/api/proposals/" + unknown + "/contributions", Map.of("contributionIds", List.of(UUID.randomUUID())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/" + unknown + "/triage").with(as(Identities.curator())))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/" + unknown + "/curation-report")).andExpect(status().isNotFound());
		post("/api/campaigns/" + campaign + "/proposals", Map.of("title", "T", "summary", "S", "theme", "Santé et solidarités",
				"contributionIds", List.of(unknown))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from curation.proposal where campaign_id = ?").param(campaign.id())
				.query(Long.class).single()).isZero();
	}

	@Test
	void anInvalidBodyNamesTheFieldsAtFault() throws Exception {
		post("/api/campaigns/" + campaign + "/proposals", Map.of("title", " ", "theme", "Santé et solidarités"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "summary", "contributionIds")));
		post("/api/campaigns/" + campaign + "/proposals", Map.of("title", "T", "summary", "S", "theme", "Cuisine",
				"contributionIds", List.of())).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("theme"));
		var id = submit("Tiers-lieux", "Un réseau de tiers-lieux.", "Urbanisme", "216901231", "Lyon");
		post("/api/contributions/" + id + "/reorientation", Map.of("target", "Nouveaux lieux, nouveaux liens"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
		post("/api/contributions/" + id + "/rejection", Map.of()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
	}

	@Test
	void theTriageQueueListsPendingContributionsWithTheirMostSimilarOnes() throws Exception {
		var rdv = submit("Prise de rendez-vous en ligne en mairie",
				"Les habitants veulent prendre rendez-vous en ligne pour leurs papiers d'identité.", "Relation usagers",
				"216901231", "Lyon");
		var rdv2 = submit("Rendez-vous en ligne pour les cartes d'identité",
				"Permettre de réserver un rendez-vous en ligne pour la carte d'identité et le passeport.",
				"Relation usagers", "213105554", "Toulouse");
		var cantine = submit("Inscription à la cantine scolaire", "Payer et réserver la cantine des écoles.",
				"Éducation et jeunesse", "213105554", "Toulouse");
		var grouped = submit("Agenda des rendez-vous des services municipaux", "Rendez-vous en ligne.",
				"Relation usagers", "213300635", "Bordeaux");
		var proposal = createProposal("Prendre rendez-vous en ligne avec sa mairie", "Relation usagers",
				List.of(grouped));

		mvc.perform(get("/api/campaigns/" + campaign + "/triage").with(as(Identities.curator())))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalElements").value(3))
				.andExpect(jsonPath("$.items[*].id", containsInAnyOrder(rdv.toString(), rdv2.toString(),
						cantine.toString())))
				.andExpect(jsonPath("$.items[?(@.id == '" + rdv + "')].similarContributions[0].id")
						.value(contains(rdv2.toString())))
				.andExpect(jsonPath("$.items[?(@.id == '" + rdv + "')].similarContributions[0].score")
						.value(contains(greaterThan(0.1))))
				.andExpect(jsonPath("$.items[?(@.id == '" + rdv + "')].similarProposals[0].id")
						.value(contains(proposal.toString())))
				.andExpect(jsonPath("$.items[?(@.id == '" + rdv + "')].similarContributions[*].id")
						.value(not(hasItem(cantine.toString()))))
				.andExpect(jsonPath("$.items[?(@.id == '" + rdv + "')].organisation.siren").value(contains("216901231")));

		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("theme", "Éducation et jeunesse")
				.with(as(Identities.curator())))
				.andExpect(jsonPath("$.totalElements").value(1))
				.andExpect(jsonPath("$.items[0].id").value(cantine.toString()));
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("siren", "213105554").param("size", "1")
				.param("page", "1").with(as(Identities.curator())))
				.andExpect(jsonPath("$.totalElements").value(2)).andExpect(jsonPath("$.totalPages").value(2))
				.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("size", "1000")
				.with(as(Identities.curator()))).andExpect(status().isBadRequest());
	}

	@Test
	void editingAPublishedProposalIsRecordedInItsHistory() throws Exception {
		var id = submit("Diagnostic numérique", "Évaluer la maturité numérique.", "Dématérialisation", "216901231",
				"Lyon");
		var proposal = createProposal("Bénéficier de diagnostic numérique", "Dématérialisation", List.of(id));
		post("/api/proposals/" + proposal + "/publication", Map.of()).andExpect(status().isNoContent());

		mvc.perform(put("/api/proposals/" + proposal).with(as(Identities.curator()))
				.contentType(MediaType.APPLICATION_JSON).content(body(Map.of("title",
						"Bénéficier d'un diagnostic numérique", "summary", "Un diagnostic de maturité.", "theme",
						"Dématérialisation"))))
				.andExpect(status().isNoContent());

		mvc.perform(get("/api/proposals/" + proposal).with(as(Identities.curator())))
				.andExpect(jsonPath("$.title").value("Bénéficier d'un diagnostic numérique"))
				.andExpect(jsonPath("$.status").value("PUBLISHED"))
				.andExpect(jsonPath("$.contributions").value(1))
				.andExpect(jsonPath("$.organisations[0].siren").value("216901231"));
		mvc.perform(get("/api/proposals/" + proposal + "/history").with(as(Identities.curator())))
				.andExpect(jsonPath("$[*].action", contains("PROPOSAL_CREATED", "GROUPED", "CONTRIBUTIONS_ADDED",
						"PROPOSAL_PUBLISHED", "PROPOSAL_REVISED")))
				.andExpect(jsonPath("$[*].actor", everyItem(is("curator"))));
	}

	String outcome(ContributionId id) {
		return jdbc.sql("select outcome from curation.contribution where id = ?").param(id.id()).query(String.class)
				.single();
	}

	@Test
	void groupingsAreMadeAndUndoneInBulkAllOrNoneWithProblemDetails() throws Exception {
		var a = submit("Covoiturage des agents", "Partager les trajets.", "Mobilités", "216901231", "Lyon");
		var b = submit("Covoiturage scolaire", "Partager les trajets vers l'école.", "Mobilités", "213105554", "Toulouse");
		var c = submit("Vélos en libre-service", "Louer un vélo.", "Mobilités", "213300635", "Bordeaux");
		var proposal = createProposal("Partager les trajets", "Mobilités", List.of(a));
		post("/api/proposals/" + proposal + "/contributions", Map.of("contributionIds", List.of(b.id(), c.id())))
				.andExpect(status().isNoContent());

		// one contribution unknown: nothing is undone
		post("/api/proposals/" + proposal + "/ungrouping", Map.of("contributionIds", List.of(b.id(), UUID.randomUUID())))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(outcome(b)).isEqualTo("GROUPED");
		post("/api/proposals/" + proposal + "/ungrouping", Map.of("contributionIds", List.of()))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contributionIds"));

		post("/api/proposals/" + proposal + "/ungrouping", Map.of("contributionIds", List.of(b.id(), c.id())))
				.andExpect(status().isNoContent());
		assertThat(outcome(b)).isEqualTo("PENDING");
		assertThat(outcome(c)).isEqualTo("PENDING");
		mvc.perform(delete("/api/proposals/" + proposal + "/contributions/" + c).with(as(Identities.curator())))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString("n'est pas (ou plus) regroupée")));
		mvc.perform(get("/api/proposals/" + proposal + "/history").with(as(Identities.curator())))
				.andExpect(jsonPath("$[*].action", hasItem("UNGROUPED")));
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("q", "covoiturage ecole")
				.with(as(Identities.curator())))
				.andExpect(jsonPath("$.totalElements").value(1)).andExpect(jsonPath("$.items[0].id").value(b.toString()));
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("status", "GROUPED")
				.with(as(Identities.curator())))
				.andExpect(jsonPath("$.items[*].id", contains(a.toString())))
				.andExpect(jsonPath("$.items[0].proposalTitle").value("Partager les trajets"));
		mvc.perform(get("/api/campaigns/" + campaign + "/triage").param("status", "PERDU")
				.with(as(Identities.curator()))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("status"));

		// once published, the grouping is final
		post("/api/proposals/" + proposal + "/publication", Map.of()).andExpect(status().isNoContent());
		mvc.perform(delete("/api/proposals/" + proposal + "/contributions/" + a).with(as(Identities.curator())))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("publiée")));
		assertThat(outcome(a)).isEqualTo("GROUPED");
		mvc.perform(delete("/api/proposals/" + proposal + "/contributions/" + a).with(as(Identities.lyon())))
				.andExpect(status().isForbidden());
	}
}
