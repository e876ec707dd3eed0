package cocon.intake;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;

import com.jayway.jsonpath.JsonPath;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.governance.events.CalendarChanged;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Window;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;

/** Curation's decisions reach the contribution and its author's page, once each (the mails: ContributorMailTests). */
class ContributionOutcomeTests extends IntakeTestSupport {

	static final Instant DECIDED = OffsetDateTime.parse("2021-03-22T14:00:00+01:00").toInstant();

	@Autowired
	IntakeListeners listener;

	ContributionId submit(CampaignId campaign, String title) throws Exception {
		var result = mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json(title, "Un besoin décrit avec nos mots.", "Dématérialisation", "AGENT", "Directrice du numérique")))
				.andExpect(status().isCreated())
				.andReturn();
		return ContributionId.of(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
	}

	String outcomeOf(ContributionId id) {
		return jdbc.sql("select outcome from intake.contribution where id = ?").param(id.id()).query(String.class).single();
	}

	@Test
	void aGroupingReachesTheContributionItsAuthorsPageAndOneMail(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Relation usagers unifiée");
		var proposal = ProposalId.random();
		var grouped = new ContributionGrouped(id, campaign, proposal, "Améliorer la gestion de la relation usagers", "curator", DECIDED);

		scenario.publish(grouped)
				.andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);

		mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(jsonPath("$.outcome.status").value("GROUPED"))
				.andExpect(jsonPath("$.outcome.proposalId").value(proposal.toString()))
				.andExpect(jsonPath("$.outcome.proposalTitle").value("Améliorer la gestion de la relation usagers"))
				.andExpect(jsonPath("$.outcome.decidedBy").doesNotExist())
				.andExpect(jsonPath("$.history.length()").value(1));
		mvc.perform(get("/mes-contributions").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Relation usagers unifiée")))
				.andExpect(content().string(containsString("Regroupée dans la proposition « Améliorer la gestion de la relation usagers »")))
				.andExpect(content().string(containsString("Intégrée à une proposition")));

		// the same event delivered again (after a crash, say) changes nothing (its mail: ContributorMailTests)
		listener.on(grouped);
		assertThat(jdbc.sql("select count(*) from intake.outcome_decision where contribution_id = ?").param(id.id())
				.query(Long.class).single()).isEqualTo(1);
	}

	@Autowired
	UngroupingListener ungrouping;

	@Test
	void anUndoneGroupingPutsTheContributionBackInTheQueueThenARegroupingElsewhereWins(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Guichet unique des aides");
		var first = ProposalId.random();
		var grouped = new ContributionGrouped(id, campaign, first, "Simplifier les demandes d'aides", "curator", DECIDED);
		scenario.publish(grouped).andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);

		var ungrouped = new ContributionUngrouped(id, campaign, first, "Simplifier les demandes d'aides", "curator",
				DECIDED.plusSeconds(600));
		scenario.publish(ungrouped).andWaitForStateChange(() -> outcomeOf(id), "PENDING"::equals);

		mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(jsonPath("$.outcome.status").value("PENDING"))
				.andExpect(jsonPath("$.outcome.proposalId").doesNotExist())
				.andExpect(jsonPath("$.history[*].status").value(org.hamcrest.Matchers.contains("GROUPED", "PENDING")));
		mvc.perform(get("/mes-contributions").with(as(Identities.lyon())))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Guichet unique des aides")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Simplifier les demandes"))))
				.andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString("En attente d'analyse"),
						containsString("En attente d&#39;analyse"))));

		// the same undoing delivered again, and the grouping it undid delivered late, change nothing
		ungrouping.on(ungrouped);
		listener.on(grouped);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(jdbc.sql("select count(*) from intake.outcome_decision where contribution_id = ?")
						.param(id.id()).query(Long.class).single()).isEqualTo(2));
		assertThat(outcomeOf(id)).isEqualTo("PENDING");

		var elsewhere = ProposalId.random();
		scenario.publish(new ContributionGrouped(id, campaign, elsewhere, "Un guichet numérique des subventions", "curator",
						DECIDED.plusSeconds(1200)))
				.andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);
		mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(jsonPath("$.outcome.proposalId").value(elsewhere.toString()))
				.andExpect(jsonPath("$.history.length()").value(3));
	}

	@Test
	void aContributionBackInTheQueueMayBeWithdrawnByItsAuthor(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Registre des arrêtés");
		var proposal = ProposalId.random();
		scenario.publish(new ContributionGrouped(id, campaign, proposal, "Publier les actes", "curator", DECIDED))
				.andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);
		scenario.publish(new ContributionUngrouped(id, campaign, proposal, "Publier les actes", "curator",
						DECIDED.plusSeconds(60)))
				.andWaitForStateChange(() -> outcomeOf(id), "PENDING"::equals);

		mvc.perform(delete("/api/contributions/{id}", id.id()).with(as(Identities.lyon())))
				.andExpect(status().isNoContent());
		assertThat(jdbc.sql("select count(*) from intake.contribution_withdrawal where contribution_id = ?")
				.param(id.id()).query(Long.class).single()).isOne();
	}

	@Test
	void aReorientationAndARejectionTellTheTargetTheNoteAndTheReason(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var reoriented = submit(campaign, "Paiement en ligne de la cantine");
		var rejected = submit(campaign, "Subvention pour une salle des fêtes");

		scenario.publish(new ContributionReoriented(reoriented, campaign, "PayFiP (DGFiP)",
						"Ce service permet déjà le paiement en ligne des factures locales.", "curator", DECIDED))
				.andWaitForStateChange(() -> outcomeOf(reoriented), "REORIENTED"::equals);
		scenario.publish(new ContributionRejected(rejected, campaign, "Hors du champ des services numériques.", "curator", DECIDED))
				.andWaitForStateChange(() -> outcomeOf(rejected), "REJECTED"::equals);

		mvc.perform(get("/mes-contributions").with(as(Identities.lyon())))
				.andExpect(content().string(containsString("Réorientée vers « PayFiP (DGFiP) »")))
				.andExpect(content().string(containsString("Motif : Hors du champ des services numériques.")));
	}

	@Test
	void theLatestDecisionWinsAndEveryDecisionIsKept(Scenario scenario) throws Exception {
		var campaign = scheduleCampaign(scenario);
		var id = submit(campaign, "Diagnostic numérique");
		var first = new ContributionGrouped(id, campaign, ProposalId.random(), "Bénéficier de diagnostic numérique", "curator", DECIDED);
		var correction = new ContributionReoriented(id, campaign, "France Services", "Mieux servi par le réseau existant.",
				"curator", DECIDED.plusSeconds(3600));

		scenario.publish(first).andWaitForStateChange(() -> outcomeOf(id), "GROUPED"::equals);
		scenario.publish(correction).andWaitForStateChange(() -> outcomeOf(id), "REORIENTED"::equals);
		// a decision older than the current one, delivered late, is kept in the history but does not win
		// (the listener is asynchronous even when called directly: wait for the late decision to be recorded)
		listener.on(new ContributionRejected(id, campaign, "Doublon", "curator", DECIDED.minusSeconds(60)));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
				mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.curator())))
						.andExpect(jsonPath("$.history.length()").value(3)));

		assertThat(outcomeOf(id)).isEqualTo("REORIENTED");
		mvc.perform(get("/api/contributions/{id}", id.id()).with(as(Identities.curator())))
				.andExpect(jsonPath("$.outcome.target").value("France Services"))
				.andExpect(jsonPath("$.outcome.decidedBy").value("curator"))
				.andExpect(jsonPath("$.history[*].status").value(org.hamcrest.Matchers.contains("REJECTED", "GROUPED", "REORIENTED")));
	}

	@Test
	void anExtendedCalendarOpensTheWindowAgain(Scenario scenario) throws Exception {
		var campaign2021 = campaign2021();
		var campaign = scheduleCampaign(scenario, campaign2021);
		clock.set(OffsetDateTime.parse("2021-03-18T10:00:00+01:00").toInstant());
		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Après la clôture", "Besoin", "Énergie", "ELU", "Maire")))
				.andExpect(status().isConflict());

		var extended = campaign2021.withContributions(new Window(Campaign2021.CONTRIBUTIONS.opens(),
				OffsetDateTime.parse("2021-03-19T23:59:59+01:00").toInstant())).calendar();
		scenario.publish(campaign2021.calendarChanged(extended, Instant.parse("2021-03-10T09:00:00Z")))
				.andWaitForStateChange(() -> jdbc.sql("select contributions_closes from intake.campaign where id = ?")
						.param(campaign.id()).query(java.sql.Timestamp.class).single().toInstant(),
						closes -> closes.equals(extended.contributions().closes()));

		mvc.perform(post("/api/campaigns/{id}/contributions", campaign.id()).with(as(Identities.lyon()))
						.contentType(MediaType.APPLICATION_JSON)
						.content(json("Après la clôture", "Besoin", "Énergie", "ELU", "Maire")))
				.andExpect(status().isCreated());
	}

	@Test
	void anOutcomeForAnUnknownContributionIsIgnored() {
		var unknown = new ContributionId(UUID.randomUUID());
		var contributionsBefore = jdbc.sql("select count(*) from intake.contribution").query(Long.class).single();

		listener.on(new ContributionRejected(unknown, CampaignId.random(), "Motif", "curator", DECIDED));

		assertThat(jdbc.sql("select count(*) from intake.contribution").query(Long.class).single())
				.isEqualTo(contributionsBefore);
	}
}
