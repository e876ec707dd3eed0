package cocon.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static cocon.testing.Identities.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;

import cocon.curation.events.ProposalPublished;
import cocon.deployment.events.ServicePhaseChanged;
import cocon.governance.events.ProposalsShortlisted;
import cocon.referents.events.WorkingGroupFormed;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsRecorded;

/**
 * What the agents and élus of collectivités, and the curators, are told — against a real SMTP server, on the test
 * clock: the openings at their instant, the reminders before the supports close to those that supported nothing yet
 * (each once), the results, the decisions on what their collectivité supported, the call for referent territories,
 * a service available, and the curators' digest only when contributions wait.
 */
class CollectiviteMailTests extends NotificationsTestSupport {

	@Autowired
	Calendar calendar;

	Campaign2021 campaign;
	CampaignId id;

	CampaignId campaign(Scenario scenario) {
		campaign = campaignOfItsOwn();
		id = schedule(scenario, campaign);
		return id;
	}

	List<String> subjectsTo(CurrentUser user) {
		return mailsTo(user.email()).stream().map(NotificationsTestSupport::subjectOf).toList();
	}

	void awaitSubjects(CurrentUser user, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(user.email()).size() >= count);
	}

	void supports(Scenario scenario, CurrentUser agent, ProposalId proposal) {
		var organisation = agent.organisation();
		scenario.publish(new SupportsRecorded(id, List.of(new SupportGiven(proposal, id, organisation.siren(),
						organisation.name(), organisation.kind(), campaign.calendar().supports().opens())), List.of(),
						campaign.calendar().supports().opens()))
				.andWaitForStateChange(() -> jdbc.sql("select count(*) from notifications.support where proposal_id = ? and siren = ?")
						.params(proposal.id(), organisation.siren().value()).query(Long.class).single(), count -> count == 1);
	}

	@Test
	void aBatchOfSupportsIsRecordedWholeAndItsWithdrawalsRemoveTheirSupporters(Scenario scenario) {
		campaign(scenario);
		var proposal = ProposalId.random();
		var at = campaign.calendar().supports().opens();
		var collectivites = List.of(agentOfANewCommune().organisation(), agentOfANewCommune().organisation(),
				agentOfANewCommune().organisation());
		var given = new java.util.ArrayList<SupportGiven>();
		collectivites.forEach(o -> given.add(new SupportGiven(proposal, id, o.siren(), o.name(), o.kind(), at)));
		given.add(given.get(0)); // delivered twice in the batch: recorded once
		scenario.publish(new SupportsRecorded(id, given, List.of(), at))
				.andWaitForStateChange(() -> supporters(proposal), sirens -> sirens.size() == 3)
				.andVerify(sirens -> assertThat(sirens).containsExactlyInAnyOrderElementsOf(
						collectivites.stream().map(o -> o.siren().value()).toList()));
		scenario.publish(new SupportsRecorded(id, List.of(), List.of(
						new SupportWithdrawn(proposal, id, collectivites.get(1).siren(), at.plusSeconds(60)),
						new SupportWithdrawn(proposal, id, collectivites.get(2).siren(), at.plusSeconds(61))), at))
				.andWaitForStateChange(() -> supporters(proposal), sirens -> sirens.size() == 1)
				.andVerify(sirens -> assertThat(sirens).containsExactly(collectivites.get(0).siren().value()));
	}

	List<String> supporters(ProposalId proposal) {
		return jdbc.sql("select siren from notifications.support where proposal_id = ?").param(proposal.id())
				.query(String.class).list();
	}

	@Test
	void theOpeningsAreSentAtTheirInstantNotWhenTheCalendarIsSaved(Scenario scenario) {
		var agent = agentOfANewCommune();
		var epci = signedIn(agentOf(CollectiviteKind.EPCI));
		campaign(scenario);
		var contributions = campaign.calendar().contributions().opens();

		clock.set(contributions.minusSeconds(60));
		calendar.check();
		assertThat(queuedTo(agent.username())).as("a minute before the opening").isZero();

		clock.set(contributions);
		calendar.check();
		awaitSubjects(agent, 1);
		assertThat(subjectsTo(agent)).containsExactly("[Cocon] L'appel à contributions « " + campaign.title() + " » est ouvert");
		calendar.check();

		// the supports open to the kinds that may support: not to a groupement (EPCI)
		clock.set(campaign.calendar().supports().opens().plusSeconds(30));
		calendar.check();
		awaitSubjects(agent, 2);
		assertThat(subjectsTo(agent)).contains("[Cocon] Les soutiens de « " + campaign.title() + " » sont ouverts");
		assertThat(subjectsTo(epci)).containsExactly("[Cocon] L'appel à contributions « " + campaign.title() + " » est ouvert");
		assertThat(queuedTo(agent.username())).isEqualTo(2);
	}

	@Test
	void theRemindersBeforeTheCloseGoOnceToTheCollectivitesThatSupportedNothing(Scenario scenario) {
		var supporter = agentOfANewCommune();
		var silent = agentOfANewCommune();
		campaign(scenario);
		supports(scenario, supporter, ProposalId.random());
		var closes = campaign.calendar().supports().closes();

		clock.set(closes.minus(Duration.ofDays(10)).plusSeconds(20));
		calendar.check();
		calendar.check();
		awaitSubjects(silent, 1);
		clock.set(closes.minus(Duration.ofDays(1)).plusSeconds(20));
		calendar.check();
		calendar.check();
		awaitSubjects(silent, 2);

		assertThat(subjectsTo(silent)).containsExactly(
				"[Cocon] Les soutiens de « " + campaign.title() + " » se closent dans dix jours",
				"[Cocon] Les soutiens de « " + campaign.title() + " » se closent demain");
		assertThat(queuedTo(silent.username())).isEqualTo(2);
		assertThat(queuedTo(supporter.username())).as("it supported a proposal").isZero();
	}

	@Test
	void theResultsAndTheDecisionsReachThoseWhoSupportedAndTheReferentCallTheKindsThatMayJoin(Scenario scenario)
			throws Exception {
		var supporter = agentOfANewCommune();
		var other = agentOfANewCommune();
		campaign(scenario);
		var proposal = ProposalId.random();
		scenario.publish(new ProposalPublished(proposal, id, "Améliorer la gestion de la relation usagers", "Résumé",
				"Dématérialisation", List.of(), campaign.calendar().contributions().closes())).andWaitForStateChange(
				() -> jdbc.sql("select count(*) from notifications.proposal where id = ?").param(proposal.id())
						.query(Long.class).single(), count -> count == 1);
		supports(scenario, supporter, proposal);
		var results = "[Cocon] Les soutiens sont clos : les résultats de « " + campaign.title() + " »";
		var shortlisted = "[Cocon] Une proposition que votre collectivité soutient est présélectionnée";
		var referentCall = "[Cocon] Appel à territoires référents : « Améliorer la gestion de la relation usagers »";
		var available = "[Cocon] Le service « Relation usagers » est disponible";

		scenario.publish(new SupportsClosed(id, List.of(new SupportsClosed.Tally(proposal, 1,
						Map.of(CollectiviteKind.COMMUNE, 1), 1200)), 1, campaign.calendar().supports().closes()))
				.andWaitForStateChange(() -> subjectsTo(other), subjects -> subjects.contains(results));
		assertThat(subjectsTo(other)).containsOnlyOnce(results);

		// the waits look for this test's mails by their subjects, not by counts: a scheduled tick of an earlier test's
		// campaign may still mail every agent (a reminder of a close, an opening) while this one runs
		var decision = UUID.randomUUID();
		scenario.publish(new ProposalsShortlisted(decision, id, List.of(new ProposalsShortlisted.ShortlistedProposal(
						proposal, "Améliorer la gestion de la relation usagers")), "Maturité et soutiens", null,
						Instant.parse("2045-01-01T00:00:00Z")))
				.andWaitForStateChange(() -> subjectsTo(supporter), subjects -> subjects.contains(shortlisted));
		assertThat(subjectsTo(supporter)).containsOnlyOnce(results, shortlisted);

		scenario.publish(new WorkingGroupFormed(proposal, id, "Améliorer la gestion de la relation usagers",
						Instant.parse("2045-01-02T00:00:00Z")))
				.andWaitForStateChange(() -> subjectsTo(other), subjects -> subjects.contains(referentCall));
		assertThat(subjectsTo(other)).containsOnlyOnce(results, referentCall);

		scenario.publish(new ServicePhaseChanged(UUID.randomUUID(), id, proposal, "Relation usagers", "DISPONIBLE",
						"EN_EXPERIMENTATION", null, Instant.parse("2046-01-02T00:00:00Z")))
				.andWaitForStateChange(() -> subjectsTo(supporter), subjects -> subjects.contains(available));
		assertThat(subjectsTo(supporter)).containsOnlyOnce(results, shortlisted, referentCall, available);
		untilHandled(proposal.id());
		assertThat(subjectsTo(other)).as("it supported nothing").doesNotContain(shortlisted, available);

		// the public news of the campaign, as an Atom 1.0 feed linked from its pages (issue 24, acceptance 2)
		var feed = mvc.perform(get("/campagnes/{id}/actualites.atom", id.id()))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		var titles = AtomFeedTests.validAtom(feed);
		assertThat(titles).contains("Les soutiens sont clos", "1 proposition présélectionnée",
				"Appel à territoires référents : « Améliorer la gestion de la relation usagers »",
				"Service disponible : « Relation usagers »");
		assertThat(feed).doesNotContain(supporter.email()).doesNotContain(supporter.username());
		mvc.perform(get("/campagnes/{id}/propositions", id.id()))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/campagnes/"
						+ id.id() + "/actualites.atom\"")));
	}

	@Test
	void theCuratorsDigestIsSentOnlyWhenContributionsWait(Scenario scenario) throws Exception {
		var curator = signedIn(new CurrentUser("curateur-" + UUID.randomUUID(), "Curatrice", "curatrice-"
				+ UUID.randomUUID() + "@anct.example", Set.of(Role.CURATOR), null));

		// before any contribution of the shared database was received, nothing waits: nothing is written
		assertThat(calendar.curationDigest(Instant.parse("2020-06-01T07:00:00Z"))).isZero();
		assertThat(queuedTo(curator.username())).isZero();

		var campaign = schedule(scenario, Campaign2021.campaign());
		var waiting = submit(campaign, agentOf(CollectiviteKind.COMMUNE), "Un besoin qui attend");
		untilHandled(waiting.id());
		var morning = Instant.parse("2044-06-01T07:00:00Z").plus(Duration.ofDays(UUID.randomUUID().hashCode() & 0xfff));
		assertThat(calendar.curationDigest(morning)).isPositive();
		assertThat(calendar.curationDigest(morning)).as("once a day").isZero();
		awaitSubjects(curator, 1);
		assertThat(subjectsTo(curator)).singleElement().asString().contains("d'être triée");
	}
	/**
	 * The committee's reminder: the day before its decision day, from the configured hour (Paris), once, to its members
	 * only, with what each still has to assess and the link to the committee's page. Also: the campaign's page offers
	 * the subscription to its news.
	 */
	@Test
	void theCommitteeMembersAreRemindedTheDayBeforeADecisionDayOfWhatTheyStillHaveToAssess(Scenario scenario,
			@Autowired CommitteeReminders reminders) throws Exception {
		var calendarOfItsOwn = campaignOfItsOwn().calendar();
		var title = "Campagne du comité " + UUID.randomUUID();
		var created = mvc.perform(post("/api/campaigns").with(as(Identities.admin()))
						.contentType(MediaType.APPLICATION_JSON).content("""
								{"title": "%s", "description": "Une campagne et son comité", "envelopeEuros": 1000000,
								 "themes": ["Mobilités"], "supportKinds": ["COMMUNE"], "workingGroupKinds": ["COMMUNE"],
								 "calendar": %s}""".formatted(title, Campaign2021.calendarJson(calendarOfItsOwn))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var campaign = CampaignId.of(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
		mvc.perform(put("/api/campaigns/" + campaign + "/committee").with(as(Identities.admin()))
						.contentType(MediaType.APPLICATION_JSON).content("""
								{"members": [{"username": "committee1", "organisation": "AMF"},
								             {"username": "committee2", "organisation": "ADF"}]}"""))
				.andExpect(status().isOk());
		var member = signedIn(Identities.committee(1));
		var agent = agentOfANewCommune();
		var first = ProposalId.random();
		var second = ProposalId.random();
		for (var proposal : List.of(first, second)) {
			scenario.publish(new ProposalPublished(proposal, campaign, "Proposition " + proposal, "Résumé", "Mobilités",
					List.of(), calendarOfItsOwn.contributions().closes())).andWaitForStateChange(
					() -> jdbc.sql("select count(*) from governance.proposal where id = ?").param(proposal.id())
							.query(Long.class).single(), count -> count == 1);
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select count(*) from notifications.campaign where id = ?").param(campaign.id()).query(Long.class).single() == 1);
		mvc.perform(get("/campagnes/" + campaign))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"/abonnements\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + campaign + "\"")));

		var eve = calendarOfItsOwn.shortlistDecision().minusDays(1).atTime(8, 59).atZone(cocon.shared.Window.PARIS)
				.toInstant();
		clock.set(eve);
		mvc.perform(put("/api/proposals/" + first + "/maturity").with(as(member))
				.contentType(MediaType.APPLICATION_JSON).content("{\"level\": 3}")).andExpect(status().isOk());
		assertThat(reminders.due(eve)).as("before the hour").isZero();
		assertThat(reminders.due(eve.plusSeconds(60))).as("from the hour").isPositive();
		assertThat(reminders.due(eve.plusSeconds(120))).as("once").isZero();

		Awaitility.await().atMost(Duration.ofSeconds(20))
				.until(() -> subjectsTo(member).stream().anyMatch(subject -> subject.contains(title)));
		var mails = mailsTo(member.email()).stream().filter(mail -> subjectOf(mail).contains(title)).toList();
		assertThat(mails).singleElement().extracting(NotificationsTestSupport::subjectOf)
				.isEqualTo("[Cocon] Comité de « " + title + " » demain : 1 proposition à évaluer");
		assertThat(ContributorMailTests.part(mails.get(0), "text/plain"))
				.contains("décide demain, " + cocon.shared.FrenchDates.weekday(calendarOfItsOwn.shortlistDecision())
						+ ", de la présélection des propositions")
				.contains("Il vous reste 1 proposition à évaluer sur 2 publiées")
				.contains("http://localhost:8080/campagnes/" + campaign + "/comite");
		assertThat(subjectsTo(agent)).noneMatch(subject -> subject.contains("Comité"));
	}
}
