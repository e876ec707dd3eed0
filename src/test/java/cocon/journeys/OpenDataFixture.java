package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;

import cocon.shared.CollectiviteKind;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

/**
 * A small campaign played through the public and staff APIs only, across every module, for the open data tests:
 * contributions of real collectivités of the directory, curated into three proposals (one reoriented, one rejected),
 * supports (one withdrawn), the committee's shortlist with a member stepping out, referent territories with their
 * contacts, and two funded projects. It remembers every personal datum it typed, so that a test can look for them.
 */
final class OpenDataFixture extends ApiJourney {

	final MockMvc mvc;
	final MutableClock clock;

	UUID campaign;
	/** A second campaign, whose setting publishes the texts of contributions. */
	UUID openCampaign;
	final List<UUID> proposals = new ArrayList<>();
	final List<Collectivite> communes = new ArrayList<>();
	final List<Collectivite> departements = new ArrayList<>();
	/** Names, usernames and e-mail addresses of the people the fixture made act: none may appear in public. */
	final Set<String> personalData = new LinkedHashSet<>();
	String openContributionNeed;
	String etagBeforeWithdrawal;
	String etagAfterWithdrawal;

	OpenDataFixture(MockMvc mvc, MutableClock clock) {
		this.mvc = mvc;
		this.clock = clock;
	}

	@Override
	MockMvc mvc() {
		return mvc;
	}

	OpenDataFixture play() throws Exception {
		var all = directory(CollectiviteKind.COMMUNE, 3);
		// a commune whose name has an accent and one of a département with a leading zero, to check both survive
		var accented = all.stream().filter(c -> !c.name().matches("\\p{ASCII}*")).findFirst().orElseThrow();
		var leadingZero = all.stream().filter(c -> c.departement() != null && c.departement().startsWith("0"))
				.findFirst().orElseThrow();
		var corsican = all.stream().filter(c -> c.departement() != null && c.departement().matches("2[AB]"))
				.findFirst().orElseThrow();
		communes.add(accented);
		communes.add(leadingZero);
		communes.add(corsican);
		all.stream().filter(c -> !communes.contains(c)).limit(27).forEach(communes::add);
		directory(CollectiviteKind.DEPARTEMENT, 1).stream().limit(3).forEach(departements::add);

		// 1. the administrator opens two campaigns -------------------------------------------------------------
		clock.set("2021-01-10T10:00:00+01:00");
		campaign = createCampaign("Coconstruction de services numériques 2021", false);
		openCampaign = createCampaign("Campagne aux contributions publiques", true);
		personalData.add(Identities.admin().displayName());
		personalData.add(Identities.admin().email());

		// 2. contributions --------------------------------------------------------------------------------------
		clock.set("2021-01-26T09:00:00+01:00");
		var first = communes.get(0);
		await().atMost(PROPAGATION).until(() -> status(post("/api/campaigns/" + campaign + "/contributions"),
				first.agent(), Map.of()) != 404);
		await().atMost(PROPAGATION).until(() -> status(post("/api/campaigns/" + openCampaign + "/contributions"),
				first.agent(), Map.of()) != 404);
		var themes = List.of("Dématérialisation", "Dématérialisation", "Dématérialisation", "Énergie", "Énergie",
				"Dématérialisation", "Mobilités", "Énergie");
		var titles = List.of("Dématérialiser l'état civil", "Actes d'état civil en ligne", "État civil numérique",
				"Suivre les consommations d'énergie", "Compteurs des bâtiments", "Archiver les délibérations",
				"Ouvrir un espace France Services", "Financer un poste d'animateur");
		var contributions = new ArrayList<UUID>();
		for (int i = 0; i < 8; i++) {
			clock.advance(Duration.ofHours(3));
			var by = communes.get(i);
			contributions.add(UUID.fromString(call(post("/api/campaigns/" + campaign + "/contributions"), by.agent(),
					Map.of("title", titles.get(i), "need", "À " + by.name() + ", les agents y passent des heures.",
							"theme", themes.get(i), "authorRole", "AGENT", "authorFunction", "Directrice générale des services"),
					201).get("id").asString()));
			remember(by.agent());
		}
		var openBy = communes.get(8);
		openContributionNeed = "Les habitants de " + openBy.name() + " attendent un guichet unique en ligne.";
		call(post("/api/campaigns/" + openCampaign + "/contributions"), openBy.agent(), Map.of("title",
				"Guichet unique", "need", openContributionNeed, "theme", "Dématérialisation", "authorRole", "ELU",
				"authorFunction", "Maire"), 201);
		remember(openBy.agent());

		// 3. curation -------------------------------------------------------------------------------------------
		clock.set("2021-03-20T10:00:00+01:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/curation-report"), null, null, 200).get("received").asLong())
				.isEqualTo(8));
		proposals.add(proposal("Dématérialiser les actes d'état civil", "Dématérialisation", contributions.subList(0, 3)));
		proposals.add(proposal("Suivre les consommations d'énergie des bâtiments", "Énergie", contributions.subList(3, 5)));
		proposals.add(proposal("Archiver électroniquement les délibérations", "Dématérialisation", contributions.subList(5, 6)));
		call(post("/api/contributions/" + contributions.get(6) + "/reorientation"), Identities.curator(),
				Map.of("target", "Programme France Services", "note", "Un programme national y répond déjà."), 204);
		call(post("/api/contributions/" + contributions.get(7) + "/rejection"), Identities.curator(),
				Map.of("reason", "Inéligible : l'appel finance des services numériques, pas des postes."), 204);
		for (var id : proposals) {
			call(post("/api/proposals/" + id + "/publication"), Identities.curator(), Map.of(), 204);
		}
		remember(Identities.curator());

		// 4. supports -------------------------------------------------------------------------------------------
		clock.set("2021-04-02T10:00:00+02:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/proposals"), null, null, 200).size()).isEqualTo(3));
		for (int i = 0; i < 12; i++) {
			support(proposals.get(0), communes.get(i));
		}
		for (int i = 0; i < 5; i++) {
			support(proposals.get(1), communes.get(i));
		}
		for (var d : departements) {
			support(proposals.get(2), d);
		}
		var hesitant = communes.get(12);
		support(proposals.get(0), hesitant);
		etagBeforeWithdrawal = mvc.perform(get("/api/open-data/campaigns/" + campaign + "/soutiens.csv")).andReturn()
				.getResponse().getHeader("ETag");
		clock.advance(Duration.ofHours(1));
		call(delete("/api/proposals/" + proposals.get(0) + "/support"), hesitant.agent(), null, 204);
		etagAfterWithdrawal = mvc.perform(get("/api/open-data/campaigns/" + campaign + "/soutiens.csv")).andReturn()
				.getResponse().getHeader("ETag");

		// 5. the committee shortlists two proposals, a member stepping out of the first -------------------------
		clock.set("2021-05-01T00:10:00+02:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
				call(get("/api/campaigns/" + campaign + "/decision-inputs"), Identities.admin(), null, 200)
						.get("supportsSource").asString()).isEqualTo("FINAL"));
		call(put("/api/campaigns/" + campaign + "/committee"), Identities.admin(), Map.of("members", List.of(
				Map.of("username", "committee1", "organisation", "AMF"),
				Map.of("username", "committee2", "organisation", "ADF"),
				Map.of("username", "committee3", "organisation", "DINUM"))), 200);
		call(post("/api/proposals/" + proposals.get(0) + "/conflicts"), Identities.committee(1),
				Map.of("reason", "Élu d'une commune qui porte cette proposition"), 201);
		clock.set("2021-05-03T14:00:00+02:00");
		call(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(2), Map.of("proposalIds",
				proposals.subList(0, 2), "presentMembers", List.of("committee1", "committee2", "committee3"),
				"rationale", "Les besoins les plus partagés par les territoires."), 201);
		for (int m = 1; m <= 3; m++) {
			remember(Identities.committee(m));
		}

		// 6. referent territories, with the contacts they give ----------------------------------------------------
		clock.set("2021-05-04T09:00:00+02:00");
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(call(get("/api/proposals/" + proposals.get(0)
				+ "/working-group"), null, null, 200).get("call").get("status").asString()).isEqualTo("OPEN"));
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(call(get("/api/proposals/" + proposals.get(1)
				+ "/working-group"), null, null, 200).get("call").get("status").asString()).isEqualTo("OPEN"));
		for (int i = 20; i < 23; i++) {
			clock.advance(Duration.ofHours(2));
			var applicant = communes.get(i);
			var contactName = "Camille Référente-" + applicant.siren();
			var contactEmail = "camille." + applicant.siren() + "@mairie-exemple.fr";
			call(post("/api/proposals/" + proposals.get(i == 22 ? 1 : 0) + "/referent-applications"), applicant.agent(),
					Map.of("motivation", applicant.name() + " souhaite participer.", "contactName", contactName,
							"contactEmail", contactEmail), 201);
			personalData.add(contactName);
			personalData.add(contactEmail);
			remember(applicant.agent());
		}
		await().atMost(PROPAGATION).untilAsserted(() -> assertThat(call(get("/api/proposals/" + proposals.get(0)
				+ "/working-group"), null, null, 200).get("members").size()).isEqualTo(2));

		// 7. funding ---------------------------------------------------------------------------------------------
		clock.set("2021-07-05T15:00:00+02:00");
		var service = call(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(2),
				project(proposals.get(0), "Porteur État civil", 1_000_000), 201).get("id").asString();
		call(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(3),
				project(proposals.get(1), "Porteur Énergie", 500_000), 201);

		// 8. adoptions of the funded service, with a note that stays in the module (ADR 0040) -------------------
		clock.advance(Duration.ofDays(30));
		var adopter = communes.get(23);
		var note = "Essai piloté par le service urbanisme de " + adopter.name();
		personalData.add(note);
		await().atMost(PROPAGATION).until(() -> status(put("/api/services/" + service + "/adoption"), adopter.agent(),
				Map.of("status", "EN_TEST", "note", note)) != 404);
		call(put("/api/services/" + service + "/adoption"), communes.get(24).agent(), Map.of("status", "EN_SERVICE"), 201);
		remember(adopter.agent());
		remember(communes.get(24).agent());
		return this;
	}

	private UUID createCampaign(String title, boolean textsPublic) throws Exception {
		return UUID.fromString(call(post("/api/campaigns"), Identities.admin(), Map.of(
				"title", title,
				"description", "France Relance : les collectivités et l'État construisent ensemble des services numériques.",
				"envelopeEuros", 30_000_000,
				"themes", List.of("Dématérialisation", "Énergie", "Mobilités"),
				"contributionTextsPublic", textsPublic,
				"calendar", calendar2021()), 201)
				.get("id").asString());
	}

	private UUID proposal(String title, String theme, List<UUID> members) throws Exception {
		return UUID.fromString(call(post("/api/campaigns/" + campaign + "/proposals"), Identities.curator(),
				Map.of("title", title, "summary", "Besoin partagé : " + title + ".", "theme", theme, "contributionIds",
						members), 201).get("id").asString());
	}

	private void support(UUID proposal, Collectivite c) throws Exception {
		clock.advance(Duration.ofMinutes(17));
		call(put("/api/proposals/" + proposal + "/support"), c.agent(), null, 201);
		remember(c.agent());
	}

	private static Map<String, Object> project(UUID proposal, String provider, long budget) {
		return Map.of("proposalId", proposal, "provider", provider, "title", "Projet de " + provider, "budgetEuros",
				budget, "milestones", List.of(Map.of("label", "Prototype", "due", "2021-10-31"),
						Map.of("label", "Déploiement dans les territoires d'expérimentation", "due", "2022-03-31")));
	}

	private void remember(CurrentUser user) {
		personalData.add(user.username());
		personalData.add(user.displayName());
		personalData.add(user.email());
	}
}
