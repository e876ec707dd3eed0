package cocon.referents;

import static cocon.referents.ReferentFixtures.*;
import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportsRecorded;

/** The pages: open calls, the application form with its inline errors, the working group and the staff actions. */
@org.springframework.test.context.event.RecordApplicationEvents
class ReferentTerritoriesPagesTests extends ReferentsTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	ProposalId proposal;
	CurrentUser commune;

	@BeforeEach
	void aShortlistedProposal() {
		proposal = ProposalId.random();
		listeners.on(shortlist(campaign, proposal));
		commune = Identities.agentOf(siren(), "Saint-Genis-Laval", CollectiviteKind.COMMUNE, "69", "84", 21000);
	}

	@Test
	void thePublicListShowsTheOpenCallsWithTheirWindow() throws Exception {
		mvc.perform(get("/territoires-referents"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Proposition " + proposal.id().toString().substring(0, 8))))
				.andExpect(content().string(containsString("du 3 mai 2021 au 15 juin 2021")));
	}

	@Test
	void anAgentAppliesThroughTheFormAndSeesTheConfirmation() throws Exception {
		mvc.perform(get("/propositions/{id}/candidature", proposal.id()).with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Saint-Genis-Laval")));

		mvc.perform(post("/propositions/{id}/candidature", proposal.id()).with(as(commune)).with(csrf())
				.param("motivation", "").param("contactName", "Lou Petit").param("contactEmail", "pas une adresse"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Le formulaire comporte des erreurs")))
				.andExpect(content().string(containsString("Expliquez en quelques mots la motivation")))
				.andExpect(content().string(containsString("Indiquez une adresse électronique valide")))
				.andExpect(content().string(containsString("value=\"Lou Petit\"")));
		assertThat(territories.members(proposal)).isEmpty();

		mvc.perform(post("/propositions/{id}/candidature", proposal.id()).with(as(commune)).with(csrf())
				.param("motivation", "Nos usagers signalent beaucoup d'incidents.").param("contactName", "Lou Petit")
				.param("contactEmail", "lou.petit@mairie-sgl.fr"))
				.andExpect(redirectedUrl("/propositions/" + proposal.id() + "/candidature/confirmation"));

		mvc.perform(get("/propositions/{id}/candidature/confirmation", proposal.id()).with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Candidature enregistrée")));
		assertThat(territories.members(proposal)).containsExactly(commune.organisation().siren());
	}

	@Test
	void theFormExplainsWhyAnEpciCannotApply() throws Exception {
		var epci = Identities.agentOf(siren(), "CC du Pays Mornantais", CollectiviteKind.EPCI, "69", "84", 28000);
		mvc.perform(get("/propositions/{id}/candidature", proposal.id()).with(as(epci)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Candidature impossible")))
				.andExpect(content().string(not(containsString("Envoyer la candidature"))));
	}

	@Test
	void theWorkingGroupPageShowsContactsToStaffOnlyAndLetsThemMarkAnExperimentationTerritory() throws Exception {
		apply();
		var application = territories.find(proposal, commune.organisation().siren()).orElseThrow();

		mvc.perform(get("/propositions/{id}/groupe-de-travail", proposal.id()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Saint-Genis-Laval")))
				.andExpect(content().string(not(containsString("lou.petit@mairie-sgl.fr"))));
		mvc.perform(get("/propositions/{id}/groupe-de-travail", proposal.id()).with(as(Identities.curator())))
				.andExpect(content().string(containsString("lou.petit@mairie-sgl.fr")));

		var confirmation = "/propositions/" + proposal.id() + "/groupe-de-travail/experimentation/" + application.getId();
		mvc.perform(get(confirmation).with(as(Identities.curator())))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Confirmer la désignation")));
		mvc.perform(post(confirmation).with(as(commune)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(confirmation).with(as(Identities.curator())).with(csrf()))
				.andExpect(redirectedUrl("/propositions/" + proposal.id() + "/groupe-de-travail"));

		assertThat(territories.find(application.getId()).orElseThrow().experimentation().markedBy()).isEqualTo("curator");
	}

	@Test
	void staffRecordASessionFromTheWorkingGroupPage() throws Exception {
		apply();
		clock.set(Instant.parse("2021-05-21T10:00:00Z"));
		var sessions = "/propositions/" + proposal.id() + "/groupe-de-travail/seances";

		mvc.perform(post(sessions).with(as(Identities.curator())).with(csrf())
				.param("date", "2021-05-20").param("subject", ""))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("L&#39;objet de la séance est obligatoire.")));

		mvc.perform(post(sessions).with(as(Identities.curator())).with(csrf()).param("date", "2021-05-20")
				.param("subject", "Atelier des besoins n°1").param("attendees", commune.organisation().siren().value()))
				.andExpect(redirectedUrl("/propositions/" + proposal.id() + "/groupe-de-travail"));

		mvc.perform(get("/propositions/{id}/groupe-de-travail", proposal.id()))
				.andExpect(content().string(containsString("Atelier des besoins n°1")))
				.andExpect(content().string(containsString("20 mai 2021")));
	}

	@Test
	void anInvitedSupporterSeesAHighlightedCallOnItsPage() throws Exception {
		var at = Instant.parse("2021-04-15T10:00:00Z");
		listeners.on(new SupportsRecorded(campaign, List.of(new SupportGiven(proposal, campaign,
				commune.organisation().siren(), "Saint-Genis-Laval", CollectiviteKind.COMMUNE, at)), List.of(), at));

		mvc.perform(get("/ma-collectivite/territoires-referents").with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("fr-callout")))
				.andExpect(content().string(containsString("Votre collectivité est invitée")))
				.andExpect(content().string(containsString("/propositions/" + proposal.id() + "/candidature")))
				.andExpect(content().string(containsString("<a href=\"/campagnes/" + campaign.id()
						+ "\">" + Campaign2021.TITLE + "</a>")));
	}

	@Test
	void theWorkingGroupPageTellsAMemberCollectiviteItIsAlreadyInInsteadOfOfferingToApply() throws Exception {
		var other = Identities.agentOf(siren(), "Oullins-Pierre-Bénite", CollectiviteKind.COMMUNE, "69", "84", 37000);
		var page = "/propositions/" + proposal.id() + "/groupe-de-travail";
		mvc.perform(get(page).with(as(commune)))
				.andExpect(content().string(containsString("Candidater comme territoire référent")))
				.andExpect(content().string(not(containsString("Votre collectivité est membre de ce groupe de travail"))));

		apply();

		mvc.perform(get(page).with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Votre collectivité est membre de ce groupe de travail")))
				.andExpect(content().string(not(containsString("Candidater comme territoire référent"))));
		mvc.perform(get(page).with(as(other)))
				.andExpect(content().string(containsString("Candidater comme territoire référent")));
		mvc.perform(get(page))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Candidater comme territoire référent")));
	}

	@Test
	void anUnknownWorkingGroupAnswers404() throws Exception {
		mvc.perform(get("/propositions/{id}/groupe-de-travail", ProposalId.random().id())).andExpect(status().isNotFound());
	}

	@Test
	void anEligibleCommuneThatSupportedNothingFindsTheOpenCallFromMonEspace() throws Exception {
		mvc.perform(get("/mon-espace").with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Appel à territoires référents ouvert"),
						containsString("href=\"/ma-collectivite/territoires-referents\""),
						containsString("qu&#39;elle les ait soutenues ou non"))));
		mvc.perform(get("/ma-collectivite/territoires-referents").with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Appels ouverts à votre collectivité"),
						containsString("/propositions/" + proposal.id() + "/candidature"))));

		// a kind the campaign does not admit in its working groups is not sent to a call it cannot answer
		var epci = Identities.agentOf(siren(), "CC du Pays Mornantais", CollectiviteKind.EPCI, "69", "84", 28000);
		mvc.perform(get("/ma-collectivite/territoires-referents").with(as(epci)))
				.andExpect(content().string(not(containsString("/propositions/" + proposal.id() + "/candidature"))));
		// once it applied, the call leaves « Mon espace » and its working group comes in
		apply();
		mvc.perform(get("/ma-collectivite/territoires-referents").with(as(commune)))
				.andExpect(content().string(not(containsString("/propositions/" + proposal.id() + "/candidature"))));
	}

	@Test
	void theOrganiserPlansSessionsThatTheGroupSeesAmongItsNextSessions() throws Exception {
		apply();
		var planned = "/propositions/" + proposal.id() + "/groupe-de-travail/seances-prevues";
		mvc.perform(post(planned).with(as(Identities.curator())).with(csrf()).param("startsAt", "2021-05-01T14:00")
				.param("place", "Mairie").param("agenda", "Atelier"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("choisissez une date future")));
		mvc.perform(post(planned).with(as(commune)).with(csrf()).param("startsAt", "2021-05-20T14:05")
				.param("place", "Mairie").param("agenda", "Atelier"))
				.andExpect(status().isForbidden());
		mvc.perform(post(planned).with(as(Identities.curator())).with(csrf()).param("startsAt", "2021-05-20T14:05")
				.param("place", "Visioconférence : https://webconf.numerique.gouv.fr/atelier-besoins")
				.param("agenda", "Atelier des besoins n°1 : parcours des usagers"))
				.andExpect(redirectedUrl("/propositions/" + proposal.id() + "/groupe-de-travail#prochaines-seances"));

		mvc.perform(get("/propositions/{id}/groupe-de-travail", proposal.id()).with(as(commune)))
				.andExpect(content().string(allOf(containsString("Prochaines séances"),
						containsString("20 mai 2021 à 14 h 05"), containsString("https://webconf.numerique.gouv.fr/atelier-besoins"),
						containsString("Atelier des besoins n°1 : parcours des usagers"))));
		// once held, it is no longer to come
		clock.set(Instant.parse("2021-05-21T10:00:00Z"));
		mvc.perform(get("/propositions/{id}/groupe-de-travail", proposal.id()))
				.andExpect(content().string(allOf(containsString("Aucune séance n'est programmée"),
						not(containsString("Atelier des besoins n°1 : parcours des usagers")))));
	}

	@Test
	void aMemberLeavesItsWorkingGroupOnceConfirmedKeepsItsHistoryAndMayJoinAgain() throws Exception {
		apply();
		var application = territories.find(proposal, commune.organisation().siren()).orElseThrow();
		clock.set(Instant.parse("2021-05-21T10:00:00Z"));
		mvc.perform(post("/propositions/" + proposal.id() + "/groupe-de-travail/seances").with(as(Identities.curator()))
				.with(csrf()).param("date", "2021-05-20").param("subject", "Atelier des besoins n°1")
				.param("attendees", commune.organisation().siren().value()))
				.andExpect(status().is3xxRedirection());
		var group = "/propositions/" + proposal.id() + "/groupe-de-travail";
		var leave = group + "/retrait/" + application.getId();
		mvc.perform(get(group).with(as(commune))).andExpect(content().string(containsString(leave)));
		mvc.perform(get(leave).with(as(commune)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Quitter le groupe de travail"),
						containsString("name=\"confirmation\""))));

		var other = Identities.agentOf(siren(), "Oullins-Pierre-Bénite", CollectiviteKind.COMMUNE, "69", "84", 37000);
		mvc.perform(post(leave).with(as(other)).with(csrf()).param("confirmation", "oui")).andExpect(status().isForbidden());
		mvc.perform(post(leave).with(as(commune)).with(csrf())).andExpect(redirectedUrl(leave));
		assertThat(territories.members(proposal)).containsExactly(commune.organisation().siren());

		mvc.perform(post(leave).with(as(commune)).with(csrf()).param("confirmation", "oui")).andExpect(redirectedUrl(group));
		assertThat(territories.members(proposal)).isEmpty();
		assertThat(events.stream(cocon.referents.events.ReferentTerritoryLeft.class)
				.filter(left -> left.applicationId().equals(application.getId().id())))
				.singleElement().satisfies(left -> assertThat(left.siren()).isEqualTo(commune.organisation().siren()));
		mvc.perform(get(group))
				.andExpect(content().string(allOf(containsString("Ont quitté le groupe"),
						containsString("Saint-Genis-Laval (Commune), membre du 10 mai 2021 au 21 mai 2021"),
						containsString("Atelier des besoins n°1"))));

		apply();
		assertThat(territories.members(proposal)).containsExactly(commune.organisation().siren());
	}

	private void apply() throws Exception {
		mvc.perform(post("/propositions/{id}/candidature", proposal.id()).with(as(commune)).with(csrf())
				.param("motivation", "Nos usagers signalent beaucoup d'incidents.").param("contactName", "Lou Petit")
				.param("contactEmail", "lou.petit@mairie-sgl.fr"))
				.andExpect(status().is3xxRedirection());
	}
}
