package cocon.deployment;

import static cocon.deployment.DeploymentFixtures.*;
import static cocon.testing.Identities.as;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cocon.testing.Identities;

/** The catalogue and a service's page, rendered against the real database. */
class DeploymentPagesTests extends DeploymentTestSupport {

	@Test
	void theHomePageLeadsToTheCatalogueWhichFindsAServiceWithoutAccents() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/services\"")));
		var unique = proposal.id().toString().substring(0, 6);
		mvc.perform(get("/services").param("q", "signalements CITOYENS " + unique)).andExpect(status().isOk())
				.andExpect(content().string(containsString(project.title())))
				.andExpect(content().string(containsString("1 service")))
				.andExpect(content().string(containsString("Répond au besoin : Faciliter le signalement")));
		mvc.perform(get("/services").param("q", unique).param("phase", "GENERALISE"))
				.andExpect(content().string(not(containsString(project.title()))));
	}

	@Test
	void anAgentDeclaresFromTheServicePageAndSeesTheClosestAdopters() throws Exception {
		var neighbour = commune("Seyssinet-Pariset", "38", 12_000);
		deployment.declare(service(), neighbour, "EN_SERVICE", null);
		var agent = commune("Sassenage", "38", 11_500);
		var page = "/services/" + project.projectId();

		mvc.perform(get(page).with(as(agent))).andExpect(status().isOk())
				.andExpect(content().string(containsString("Déployer chez moi")))
				.andExpect(content().string(containsString("Seyssinet-Pariset")))
				.andExpect(content().string(matchesPattern(
						"(?s).*class=\"cocon-map__shade-[1-5]\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d38\".*")))
				.andExpect(content().string(not(containsString("map-chart"))))
				.andExpect(content().string(containsString("Collectivités utilisatrices par département")));
		mvc.perform(post(page + "/adoption").with(as(agent)).with(csrf()).param("status", "EN_TEST"))
				.andExpect(redirectedUrl(page + "#adoption"))
				.andExpect(flash().attribute("success", containsString("en test")));
		mvc.perform(post(page + "/adoption").with(as(agent)).with(csrf()).param("status", "ABANDONNEE"))
				.andExpect(flash().attribute("error", containsString("pourquoi")));
		mvc.perform(get(page).with(as(agent))).andExpect(content().string(containsString("Sassenage : « En test »")));
	}

	/**
	 * Issue 23 point 4, with a real pair of the directory: Agnin and Roussillon are both in the CC Entre Bièvre et Rhône
	 * (Isère); Hières-sur-Amby, also in Isère, has exactly Agnin's population but another EPCI, and Lyon is in the
	 * Rhône. The EPCI comes first whatever the populations, then the département.
	 */
	@Test
	void deployerChezMoiRanksTheAdoptersOfTheSameEpciFirstThenTheSameDepartement() throws Exception {
		var roussillon = Identities.agentOf("213803448", "Roussillon", cocon.shared.CollectiviteKind.COMMUNE, "38", "84", 8_595);
		var hieres = Identities.agentOf("213801905", "Hières-sur-Amby", cocon.shared.CollectiviteKind.COMMUNE, "38", "84", 1_245);
		var communaute = Identities.agentOf("200085751", "CC Entre Bièvre et Rhône", cocon.shared.CollectiviteKind.EPCI, "38", "84", 70_000);
		deployment.declare(service(), Identities.lyon(), "EN_SERVICE", null);
		deployment.declare(service(), hieres, "EN_SERVICE", null);
		deployment.declare(service(), roussillon, "EN_TEST", null);
		var agnin = Identities.agentOf("213800030", "Agnin", cocon.shared.CollectiviteKind.COMMUNE, "38", "84", 1_245);

		var html = mvc.perform(get("/services/" + project.projectId()).with(as(agnin))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		var table = html.substring(html.indexOf("Collectivités utilisatrices les plus proches de la vôtre"));
		assertThat(table.indexOf("Roussillon")).as("same EPCI first").isPositive()
				.isLessThan(table.indexOf("Hières-sur-Amby"));
		assertThat(table.indexOf("Hières-sur-Amby")).as("then the same département").isLessThan(table.indexOf("Lyon"));
		assertThat(table).contains("data-proximite=\"EPCI\"").contains("Même intercommunalité")
				.contains("data-proximite=\"DEPARTEMENT\"").contains("data-proximite=\"POPULATION\"");

		var seenByTheEpci = mvc.perform(get("/services/" + project.projectId()).with(as(communaute)))
				.andReturn().getResponse().getContentAsString();
		var ofTheEpci = seenByTheEpci.substring(seenByTheEpci.indexOf("Collectivités utilisatrices les plus proches de la vôtre"));
		assertThat(ofTheEpci.indexOf("Roussillon")).as("an EPCI sees its member communes first")
				.isLessThan(ofTheEpci.indexOf("Hières-sur-Amby"));
	}

	@org.springframework.beans.factory.annotation.Autowired
	NearbyAdopters nearby;

	/**
	 * « Déployer chez moi » sorts only its candidates (ADR 0058): for viewers of every kind — with or without an EPCI
	 * or a département, adopters themselves or not, a population of 0, populations shared by several adopters — the
	 * same adopters in the same order as the full sort of every user of the service.
	 */
	@Test
	void deployerChezMoiGivesWhatTheFullSortOfEveryUserGives() {
		// 400 adoptions: four départements (one unknown), every status, 40 populations shared by ten adopters each
		jdbc.sql("""
				insert into deployment.adoption (service_id, siren, collectivite_name, kind, departement, region,
				  population, status, note, since, declared_by)
				select :s, x.siren, 'Commune ' || x.i, 'COMMUNE', (array['38', '69', '01', null])[1 + (x.i % 4)::int], '84',
				       case when x.i % 9 = 0 then 0 else floor(power(10, 1 + ((x.i * 37) % 40) / 8.0)) end,
				       (array['EN_TEST', 'EN_SERVICE', 'INTERESSEE', 'ABANDONNEE', 'EN_SERVICE'])[1 + ((x.i * 7) % 5)::int],
				       'Motif', cast(:at as timestamptz) - make_interval(secs => x.i), 'agent'
				from unnest(cast(:sirens as text[])) with ordinality as x(siren, i)""")
				.param("s", project.projectId()).param("at", cocon.shared.Timestamps.column(LATER))
				.param("sirens", java.util.stream.IntStream.range(0, 400).mapToObj(i -> siren(30_000_000 + i * 13))
						.toArray(String[]::new))
				.update();
		var epci = java.util.stream.IntStream.of(3, 7, 8, 150, 399)
				.mapToObj(i -> new cocon.shared.Siren(siren(30_000_000 + i * 13))).toList();
		record Viewer(String siren, List<cocon.shared.Siren> epci, String departement, long population) {
		}
		var viewers = List.of(new Viewer("213800030", epci, "38", 1_245), new Viewer("213800030", List.of(), "69", 100),
				new Viewer(siren(30_000_000 + 7 * 13), epci, "01", 0), new Viewer(siren(20_000_001), List.of(), null, 1),
				new Viewer(siren(20_000_002), epci.subList(0, 2), "75", 2_000_000), new Viewer(siren(20_000_003), List.of(), "38", 0));
		for (var viewer : viewers) {
			for (int limit : new int[] { 1, 6, 40 }) {
				var expected = jdbc.sql("""
						select siren from deployment.adoption where service_id = :s and siren <> :self
						  and status in ('EN_TEST', 'EN_SERVICE')
						order by siren = any (:epci) desc, departement is not distinct from cast(:dep as text) desc,
						         abs(ln(greatest(population, 1)) - ln(greatest(cast(:pop as bigint), 1))), siren
						limit :limit""")
						.param("s", project.projectId()).param("self", viewer.siren())
						.param("epci", viewer.epci().stream().map(cocon.shared.Siren::value).toArray(String[]::new))
						.param("dep", viewer.departement()).param("pop", viewer.population()).param("limit", limit)
						.query(String.class).list();
				var closest = nearby.closestAdopters(project.projectId(), new cocon.shared.Siren(viewer.siren()),
						viewer.epci(), viewer.departement(), viewer.population(), limit);
				assertThat(closest.stream().map(c -> c.adoption().siren()).toList()).as(viewer + ", " + limit)
						.hasSize(limit).isEqualTo(expected.stream().map(String::trim).toList());
			}
		}
	}

	/** A valid SIREN (its Luhn key added) from eight digits. */
	private static String siren(int eight) {
		var digits = String.format("%08d", eight);
		for (int key = 0; key <= 9; key++) {
			if (cocon.shared.Siren.isValid(digits + key)) {
				return digits + key;
			}
		}
		throw new IllegalStateException(digits);
	}

	@org.springframework.beans.factory.annotation.Autowired
	DeploymentQueries queries;

	/** The map, the kinds and the diffusion curve come from summaries the database keeps (V8_2_2, ADR 0052). */
	@Test
	void theMapTheKindsAndTheCurveFollowEveryDeclarationAndChange() throws Exception {
		var voiron = commune("Voiron", "38", 20_000);
		var vienne = commune("Vienne", "38", 30_000);
		var givors = commune("Givors", "69", 19_000);
		deployment.declare(service(), voiron, "EN_TEST", null);
		deployment.declare(service(), vienne, "INTERESSEE", null);
		clock.set(LATER.plusSeconds(86_400 * 40));
		deployment.declare(service(), givors, "EN_SERVICE", null);
		deployment.declare(service(), vienne, "EN_TEST", null);
		deployment.declare(service(), voiron, "ABANDONNEE", "Remplacé par un outil départemental.");

		var id = project.projectId();
		assertThat(queries.byDepartement(id)).extracting(c -> c.key() + "=" + c.collectivites() + "/" + c.population())
				.containsExactly("38=1/30000", "69=1/19000");
		assertThat(queries.byKind(id)).extracting(c -> c.key() + "=" + c.collectivites() + "/" + c.population())
				.containsExactly("Commune=2/49000");
		assertThat(queries.overTime(id)).extracting(c -> c.key() + "=" + c.collectivites())
				.as("first declarations by month, a change of status is not one").containsExactly("2023-03=2", "2023-04=1");
		var recounted = jdbc.sql("""
				select departement, count(*), sum(population) from deployment.adoption
				where service_id = :s and status in ('EN_TEST', 'EN_SERVICE') group by departement order by departement""")
				.param("s", id).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3)).list();
		assertThat(recounted).containsExactly("38=1/30000", "69=1/19000");
		mvc.perform(get("/services/" + id)).andExpect(status().isOk())
				.andExpect(content().string(allOf(
						matchesPattern("(?s).*class=\"cocon-map__shade-5\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d38\".*"),
						matchesPattern("(?s).*class=\"cocon-map__shade-5\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d69\".*"),
						matchesPattern("(?s).*class=\"cocon-map__shade-0\" href=\"/dsfr-chart/departements-[0-9a-f]{32}\\.svg#d01\".*"))))
				.andExpect(content().string(containsString("2023-04")));
	}

	/** The catalogue's counts are kept by the database with every declaration, change and erasure (ADR 40, issue 23). */
	@Test
	void theCountsOfTheCatalogueFollowEveryDeclarationAndChange() throws Exception {
		var first = commune("Voiron", "38", 20_000);
		var second = commune("Vienne", "38", 30_000);
		deployment.declare(service(), first, "INTERESSEE", null);
		deployment.declare(service(), second, "EN_TEST", null);
		deployment.declare(service(), first, "EN_SERVICE", null);
		deployment.declare(service(), second, "ABANDONNEE", "Trop coûteux pour nous.");
		deployment.declare(service(), second, "ABANDONNEE", "Toujours trop coûteux.");

		var counted = jdbc.sql("""
				select status, collectivites, population from deployment.adoption_count
				where service_id = :s and collectivites <> 0 order by status""")
				.param("s", project.projectId()).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3))
				.list();
		var recounted = jdbc.sql("""
				select status, count(*), sum(population) from deployment.adoption where service_id = :s
				group by status order by status""")
				.param("s", project.projectId()).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3))
				.list();
		assertThat(counted).isEqualTo(recounted).containsExactly("ABANDONNEE=1/30000", "EN_SERVICE=1/20000");
		mvc.perform(get("/api/services/" + project.projectId())).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.adoptionsByStatus.EN_SERVICE").value(1))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.adoptionsByStatus.ABANDONNEE").value(1));
	}

	@Test
	void thePublicPageShowsNoPersonNorPrivateFeedback() throws Exception {
		var territory = commune("Méaudre", "38", 1_400);
		listeners.on(experimentation(campaign, proposal, territory));
		deployment.giveFeedback(service(), territory, 4, true, "Un texte réservé au suivi du projet", false);
		deployment.nameTeamMember(service(), Identities.admin(), "curator");
		deployment.declare(service(), commune("Autrans", "38", 1_800), "EN_TEST", "Note interne de la mairie");
		var page = "/services/" + project.projectId();

		mvc.perform(get(page)).andExpect(status().isOk())
				.andExpect(content().string(containsString("satisfaction moyenne 4,0 sur 5")))
				.andExpect(content().string(not(containsString("réservé au suivi du projet"))))
				.andExpect(content().string(not(containsString("Note interne"))))
				.andExpect(content().string(not(containsString("curator"))))
				.andExpect(content().string(not(containsString("id=\"equipe\""))));
		mvc.perform(get(page).with(as(Identities.curator()))).andExpect(status().isOk())
				.andExpect(content().string(containsString("réservé au suivi du projet")))
				.andExpect(content().string(containsString("id=\"equipe\"")));
	}

	@Test
	void anAdministratorNamesATeamAndTheTeamRecordsAMilestoneAndAPhase() throws Exception {
		var page = "/services/" + project.projectId();
		mvc.perform(post(page + "/equipe").with(as(Identities.admin())).with(csrf()).param("username", "curator"))
				.andExpect(flash().attribute("success", containsString("curator")));
		mvc.perform(post(page + "/jalons").with(as(Identities.curator())).with(csrf()).param("title", "Mise en ligne")
				.param("due", "2023-06-30")).andExpect(flash().attribute("success", "Jalon ajouté."));
		mvc.perform(post(page + "/phase").with(as(Identities.curator())).with(csrf()).param("phase", "EN_EXPERIMENTATION"))
				.andExpect(flash().attribute("success", containsString("En expérimentation")));
		mvc.perform(post(page + "/phase").with(as(commune("Lans", "38", 2_000))).with(csrf()).param("phase", "DISPONIBLE"))
				.andExpect(flash().attribute("error", containsString("Seule l'équipe")));
		mvc.perform(get(page)).andExpect(content().string(containsString("Mise en ligne")))
				.andExpect(content().string(containsString("Phase : En expérimentation.")));
	}

	@Test
	void anUnknownServiceIsNotFound() throws Exception {
		mvc.perform(get("/services/{id}", java.util.UUID.randomUUID())).andExpect(status().isNotFound());
	}
}
