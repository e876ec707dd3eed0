package cocon.curation;

import static cocon.curation.CurationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalsMerged;
import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import cocon.shared.Window;
import cocon.testing.Campaign2021;
import cocon.testing.CampaignDeliveries;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

@ApplicationModuleTest
@Import(TestClockConfiguration.class)
class CurationModuleTests {

	@Autowired
	Curation curation;

	@Autowired
	Contributions contributions;

	@Autowired
	Proposals proposals;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CurationListeners listeners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	History history;

	@Autowired
	MutableClock clock;

	CampaignId campaign;

	Campaign2021 campaign2021;

	@BeforeEach
	void campaignInCuration(Scenario scenario) {
		clock.set(CURATION_TIME);
		campaign2021 = campaign();
		var scheduled = campaign2021;
		campaign = scheduled.id();
		scenario.publish(scheduled.scheduled()).andWaitForStateChange(() -> campaigns.findById(campaign).orElse(null))
				.andVerify(copy -> assertThat(copy.themes()).containsExactlyElementsOf(THEMES));
	}

	ContributionId received(String title, String need, String theme, String siren, String name) {
		var event = contribution(campaign, title, need, theme, siren, name, CollectiviteKind.COMMUNE);
		contributions.receive(event);
		return event.contributionId();
	}

	ContributionId received(String title) {
		return received(title, "Besoin : " + title, "Mobilités", "216901231", "Lyon");
	}

	@Test
	void contributionSubmittedReachesTheTriageQueueOnceEvenWhenDeliveredTwice(Scenario scenario) {
		var event = contribution(campaign, "Covoiturage domicile-travail", "Mettre en relation les agents.", "Mobilités",
				"213105554", "Toulouse", CollectiviteKind.COMMUNE);

		scenario.publish(event).andWaitForStateChange(() -> contributions.findById(event.contributionId()).orElse(null))
				.andVerify(contribution -> {
					assertThat(contribution.outcome()).isEqualTo(Outcome.PENDING);
					assertThat(contribution.campaignId()).isEqualTo(campaign);
					assertThat(contribution.title()).isEqualTo("Covoiturage domicile-travail");
					assertThat(contribution.need()).isEqualTo("Mettre en relation les agents.");
					assertThat(contribution.theme()).isEqualTo("Mobilités");
					assertThat(contribution.organisationSiren()).isEqualTo(Siren.of("213105554"));
					assertThat(contribution.organisationName()).isEqualTo("Toulouse");
					assertThat(contribution.submittedAt()).isEqualTo(event.submittedAt());
				});

		assertThat(contributions.receive(event)).isFalse();
		assertThat(contributions.get(event.contributionId()).version()).isEqualTo(1);
	}

	@Test
	void groupingPublishesContributionGrouped(Scenario scenario) {
		var id = received("Signalement d'incidents sur la voirie");

		scenario.stimulate(() -> curation.createProposal(campaign, "Faciliter le signalement d'incidents",
				"Une application pour signaler les incidents.", "Mobilités", List.of(id), "curator"))
				.andWaitForEventOfType(ContributionGrouped.class)
				.matchingMappedValue(ContributionGrouped::contributionId, id)
				.toArriveAndVerify((event, proposal) -> {
					assertThat(event.proposalId()).isEqualTo(proposal);
					assertThat(event.proposalTitle()).isEqualTo("Faciliter le signalement d'incidents");
					assertThat(event.decidedBy()).isEqualTo("curator");
					assertThat(event.campaignId()).isEqualTo(campaign);
				});
		var contribution = contributions.get(id);
		assertThat(contribution.outcome()).isEqualTo(Outcome.GROUPED);
		assertThat(history.ofContribution(id.id())).extracting(History.Entry::action, History.Entry::actor)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("GROUPED", "curator"));
	}

	@Test
	void undoingAGroupingPublishesContributionUngroupedAndKeepsBothDecisionsInTheHistory(Scenario scenario) {
		var id = received("Covoiturage scolaire");
		var proposal = curation.createProposal(campaign, "Signaler un incident", "Une application.", "Mobilités",
				List.of(id), "curator");

		scenario.stimulate(() -> curation.ungroup(id, proposal, "curatrice"))
				.andWaitForEventOfType(ContributionUngrouped.class)
				.matchingMappedValue(ContributionUngrouped::contributionId, id)
				.toArriveAndVerify(event -> {
					assertThat(event.proposalId()).isEqualTo(proposal);
					assertThat(event.proposalTitle()).isEqualTo("Signaler un incident");
					assertThat(event.decidedBy()).isEqualTo("curatrice");
					assertThat(event.campaignId()).isEqualTo(campaign);
				});
		assertThat(contributions.get(id).outcome()).isEqualTo(Outcome.PENDING);
		assertThat(history.ofContribution(id.id())).extracting(History.Entry::action, History.Entry::actor)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("GROUPED", "curator"),
						org.assertj.core.groups.Tuple.tuple("UNGROUPED", "curatrice"));
		assertThat(history.ofProposal(proposal.id())).extracting(History.Entry::action)
				.endsWith("UNGROUPED", "CONTRIBUTION_WITHDRAWN");
	}

	@Test
	void rejectionPublishesContributionRejectedWithTheReason(Scenario scenario) {
		var id = received("Subvention pour un local associatif");

		scenario.stimulate(() -> curation.reject(id, "Hors du champ : pas un service numérique.", "curator"))
				.andWaitForEventOfType(ContributionRejected.class)
				.matchingMappedValue(ContributionRejected::contributionId, id)
				.toArriveAndVerify(event -> {
					assertThat(event.reason()).isEqualTo("Hors du champ : pas un service numérique.");
					assertThat(event.decidedBy()).isEqualTo("curator");
				});
		assertThat(contributions.get(id).outcome()).isEqualTo(Outcome.REJECTED);
	}

	@Test
	void reorientationPublishesContributionReorientedWithTargetAndNote(Scenario scenario) {
		var id = received("Fibre optique en zone rurale");

		scenario.stimulate(() -> curation.reorient(id, "Plan France Très Haut Débit", "Déjà financé par ce plan.", "curator"))
				.andWaitForEventOfType(ContributionReoriented.class)
				.matchingMappedValue(ContributionReoriented::contributionId, id)
				.toArriveAndVerify(event -> {
					assertThat(event.target()).isEqualTo("Plan France Très Haut Débit");
					assertThat(event.note()).isEqualTo("Déjà financé par ce plan.");
				});
	}

	@Test
	void reorientationNeedsATargetAndANote() {
		var id = received("Fibre optique");

		assertThatThrownBy(() -> curation.reorient(id, " ", "note", "curator")).isInstanceOf(Refusal.Invalid.class)
				.extracting(CurationModuleTests::fieldAtFault).isEqualTo("target");
		assertThatThrownBy(() -> curation.reorient(id, "France Services", "", "curator")).isInstanceOf(Refusal.Invalid.class)
				.extracting(CurationModuleTests::fieldAtFault).isEqualTo("note");
		assertThatThrownBy(() -> curation.reject(id, null, "curator")).isInstanceOf(Refusal.Invalid.class);
		assertThat(contributions.get(id).outcome()).isEqualTo(Outcome.PENDING);
	}

	@Test
	void proposalPublishedIsPublishedExactlyOncePerProposal(AssertablePublishedEvents events) {
		var lyon = received("Prise de rendez-vous en ligne", "Réserver un créneau en mairie.", "Relation usagers",
				"216901231", "Lyon");
		var toulouse = received("Rendez-vous en mairie", "Éviter les files d'attente.", "Relation usagers", "213105554",
				"Toulouse");
		var lyonAgain = received("Agenda partagé des services", "Un agenda commun.", "Relation usagers", "216901231",
				"Lyon");
		var proposal = curation.createProposal(campaign, "Améliorer la gestion de la relation usagers",
				"Prendre rendez-vous en ligne avec les services.", "Relation usagers", List.of(lyon, toulouse, lyonAgain),
				"curator");

		curation.publish(proposal, "curator");

		assertThat(events.ofType(ProposalPublished.class).matching(ProposalPublished::proposalId, proposal))
				.singleElement().satisfies(event -> {
					assertThat(event.contributorOrganisations()).containsExactlyInAnyOrder(Siren.of("216901231"),
							Siren.of("213105554"));
					assertThat(event.theme()).isEqualTo("Relation usagers");
					assertThat(event.publishedAt()).isEqualTo(CURATION_TIME);
				});

		assertThatThrownBy(() -> curation.publish(proposal, "curator")).isInstanceOf(IllegalTransition.class)
				.hasMessageContaining("déjà publiée");
		assertThat(events.ofType(ProposalPublished.class).matching(ProposalPublished::proposalId, proposal)).hasSize(1);
		assertThat(proposals.get(proposal).status()).isEqualTo(Proposal.Status.PUBLISHED);
	}

	@Test
	void anEmptyProposalCannotBePublished() {
		var proposal = curation.createProposal(campaign, "Vide", "Rien encore.", "Santé et solidarités", List.of(), "curator");

		assertThatThrownBy(() -> curation.publish(proposal, "curator")).isInstanceOf(IllegalTransition.class)
				.hasMessageContaining("au moins une contribution");
		assertThat(proposals.get(proposal).status()).isEqualTo(Proposal.Status.DRAFT);
	}

	@Test
	void aThemeOutsideTheCampaignIsRefused() {
		assertThatThrownBy(() -> curation.createProposal(campaign, "Titre", "Résumé", "Cuisine", List.of(), "curator"))
				.isInstanceOf(Refusal.Invalid.class).extracting(CurationModuleTests::fieldAtFault).isEqualTo("theme");
	}

	@Test
	void anOutcomeCanBeCorrectedUntilItsProposalIsPublished() {
		var id = received("Tableau de bord énergétique des bâtiments");
		var first = curation.createProposal(campaign, "Suivre les consommations", "Résumé.", "Énergie", List.of(id),
				"curator");
		curation.reject(id, "Doublon d'un programme existant.", "curator2");
		assertThat(proposals.get(first).version()).isGreaterThan(2);
		curation.reorient(id, "Programme ACTEE", "Financé par ACTEE.", "curator");
		var second = curation.createProposal(campaign, "Piloter l'énergie", "Résumé.", "Énergie", List.of(), "curator");
		curation.addContributions(second, List.of(id), "curator");
		curation.addContributions(first, List.of(id), "curator");
		curation.publish(first, "curator");

		var before = history.ofContribution(id.id()).size();
		assertThatThrownBy(() -> curation.reject(id, "Finalement hors sujet.", "curator"))
				.isInstanceOf(IllegalTransition.class).hasMessageContaining("publiée");
		assertThatThrownBy(() -> curation.addContributions(second, List.of(id), "curator"))
				.isInstanceOf(IllegalTransition.class);

		var contribution = contributions.get(id);
		assertThat(contribution.outcome()).isEqualTo(Outcome.GROUPED);
		assertThat(contribution.proposalId()).isEqualTo(first);
		assertThat(contribution.rejectionReason()).isNull();
		assertThat(history.ofContribution(id.id())).hasSize(before).extracting(History.Entry::action)
				.containsExactly("GROUPED", "REJECTED", "REORIENTED", "GROUPED", "GROUPED");
		assertThat(history.ofContribution(id.id())).extracting(History.Entry::actor).contains("curator2");
		// each correction says in the history what it replaced
		assertThat(history.ofContribution(id.id())).extracting(History.Entry::details).containsExactly(
				"Regroupée dans « Suivre les consommations ».",
				"Rejetée : Doublon d'un programme existant. (auparavant regroupée dans « Suivre les consommations »).",
				"Réorientée vers « Programme ACTEE » : Financé par ACTEE. (auparavant rejetée).",
				"Regroupée dans « Piloter l'énergie » (auparavant réorientée vers « Programme ACTEE »).",
				"Regroupée dans « Suivre les consommations » (auparavant regroupée dans « Piloter l'énergie »).");
	}

	@Test
	void mergingKeepsEveryContributionAndTheHistory(AssertablePublishedEvents events) {
		var a = received("Portail des démarches");
		var b = received("Démarches en ligne");
		var c = received("Guichet numérique");
		var survivor = curation.createProposal(campaign, "Dématérialiser les démarches", "Résumé.", "Dématérialisation",
				List.of(a, b), "curator");
		var absorbed = curation.createProposal(campaign, "Guichet unique", "Résumé.", "Dématérialisation", List.of(c),
				"curator");

		curation.merge(survivor, absorbed, "curator3");

		assertThat(events.ofType(ProposalsMerged.class).matching(ProposalsMerged::absorbedId, absorbed))
				.singleElement().satisfies(event -> {
					assertThat(event.survivorId()).isEqualTo(survivor);
					assertThat(event.mergedBy()).isEqualTo("curator3");
				});

		assertThat(contributions.groupedInto(survivor)).extracting(Contribution::getId).containsExactlyInAnyOrder(a, b, c);
		assertThat(contributions.groupedInto(absorbed)).isEmpty();
		var merged = proposals.get(absorbed);
		assertThat(merged.status()).isEqualTo(Proposal.Status.MERGED);
		assertThat(merged.mergedInto()).isEqualTo(survivor);
		assertThat(history.ofProposal(absorbed.id())).extracting(History.Entry::action)
				.contains("PROPOSAL_CREATED", "CONTRIBUTIONS_ADDED", "ABSORBED");
		assertThat(history.ofProposal(survivor.id())).filteredOn(e -> e.action().equals("MERGED"))
				.singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("curator3"));
		assertThat(history.ofContribution(c.id())).extracting(History.Entry::action).containsExactly("GROUPED", "GROUPED");
		assertThat(events.ofType(ContributionGrouped.class).matching(ContributionGrouped::contributionId, c)).hasSize(2);
		assertThat(events.ofType(ContributionGrouped.class).matching(ContributionGrouped::proposalId, survivor)
				.matching(ContributionGrouped::contributionId, a)).hasSize(1);
		assertThatThrownBy(() -> curation.revise(absorbed, "Titre", "Résumé", "Santé et solidarités", "curator"))
				.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void mergingAPublishedProposalIntoADraftPublishesTheSurvivor(AssertablePublishedEvents events) {
		var a = received("Transport à la demande");
		var b = received("Navettes rurales");
		var draft = curation.createProposal(campaign, "Mobilité rurale", "Résumé.", "Mobilités", List.of(a), "curator");
		var published = curation.createProposal(campaign, "Transport à la demande", "Résumé.", "Mobilités", List.of(b),
				"curator");
		curation.publish(published, "curator");

		curation.merge(draft, published, "curator");

		assertThat(proposals.get(draft).status()).isEqualTo(Proposal.Status.PUBLISHED);
		assertThat(events.ofType(ProposalPublished.class).matching(ProposalPublished::proposalId, draft)).hasSize(1);
		assertThat(contributions.groupedInto(draft)).hasSize(2);
	}

	@Test
	void publicationIsRefusedOnceTheSupportWindowHasClosed() {
		var id = received("Budget participatif en ligne");
		var proposal = curation.createProposal(campaign, "Budget participatif", "Résumé.", "Finances et achats", List.of(id),
				"curator");
		clock.set(Instant.parse("2021-05-01T08:00:00Z"));

		assertThatThrownBy(() -> curation.publish(proposal, "curator")).isInstanceOf(IllegalTransition.class)
				.hasMessageContaining("soutien");
		assertThat(proposals.get(proposal).status()).isEqualTo(Proposal.Status.DRAFT);
	}

	@Test
	void aCalendarChangeMovesTheSupportWindowButAnOlderCalendarNeverOverwritesIt(Scenario scenario) {
		scenario.publish(campaign2021.supportsUntil(Instant.parse("2021-05-01T21:00:00Z"), Instant.parse("2021-04-20T10:00:00Z")))
				.andWaitForStateChange(() -> campaigns.get(campaign).supportsClose(),
						close -> close.equals(Instant.parse("2021-05-01T21:00:00Z")))
				.andVerify(close -> {
				});

		// a late second delivery of the original scheduling keeps the newer calendar
		listeners.on(campaign2021.scheduled());
		assertThat(campaigns.get(campaign).supportsClose()).isEqualTo(Instant.parse("2021-05-01T21:00:00Z"));
		assertThat(campaigns.get(campaign).themes()).hasSize(13);
	}

	@Test
	void keepsTheNewestSnapshotOfCampaignEventsDeliveredOutOfOrder(Scenario scenario) {
		var other = campaign().withTitle("Coconstruction 2021, livrée dans le désordre");

		CampaignDeliveries.oneByOne(scenario, jdbc, other.id(), other.deliveredOutOfOrder());

		var copy = campaigns.get(other.id());
		assertThat(copy.supportsClose()).isEqualTo(other.newestCalendar().supports().closes());
		assertThat(copy.supportsClose()).isNotEqualTo(other.calendar().supports().closes());
		assertThat(copy.title()).isEqualTo("Coconstruction 2021, livrée dans le désordre");
		assertThat(copy.themes()).containsExactlyElementsOf(THEMES);
	}

	private static String fieldAtFault(Throwable refusal) {
		return ((Refusal) refusal).errors().get(0).field();
	}
}
