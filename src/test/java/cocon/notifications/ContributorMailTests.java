package cocon.notifications;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.modulith.test.Scenario;

import cocon.curation.events.ContributionGrouped;
import cocon.curation.events.ContributionRejected;
import cocon.curation.events.ContributionReoriented;
import cocon.curation.events.ContributionUngrouped;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.testing.Campaign2021;
import cocon.testing.Identities;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * What contributors are told of their contribution (moved from intake with the outbox, ADR 41), against a real SMTP
 * server: one mail per decision, in French, text and HTML, with the one-click unsubscribe of RFC 8058.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContributorMailTests extends NotificationsTestSupport {

	static final Instant DECIDED = OffsetDateTime.parse("2021-03-22T14:00:00+01:00").toInstant();

	@Autowired
	ContributorMails listener;

	CampaignId campaign(Scenario scenario) {
		return schedule(scenario, Campaign2021.campaign());
	}

	List<MimeMessage> awaitMails(CurrentUser user, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(user.email()).size() >= count);
		return mailsTo(user.email());
	}

	@Test
	void aContributionAloneInItsProposalIsToldItWasIntegratedNotGroupedWithOthers(Scenario scenario) throws Exception {
		var campaign = campaign(scenario);
		var author = agentOf(cocon.shared.CollectiviteKind.COMMUNE);
		var id = submit(campaign, author, "Relation usagers unifiée");
		var proposal = ProposalId.random();
		var grouped = new ContributionGrouped(id, campaign, proposal, "Améliorer la gestion de la relation usagers",
				"curator", DECIDED);

		scenario.publish(grouped).andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 1);

		var mail = mailsTo(author.email()).get(0);
		assertThat(mail.getSubject())
				.isEqualTo("[Cocon] Votre contribution a été intégrée à une proposition : « Relation usagers unifiée »");
		var text = part(mail, "text/plain");
		assertThat(text).contains("Bonjour " + author.displayName() + ",")
				.contains("Votre contribution « Relation usagers unifiée » a été intégrée à la proposition « Améliorer la gestion de la relation usagers »")
				.doesNotContain("avec d'autres besoins")
				.contains("« Mes contributions » : http://localhost:8080/mes-contributions")
				.contains("Ne plus recevoir ce type de message : http://localhost:8080/notifications/desabonnement/");
		var html = part(mail, "text/html");
		assertThat(html).contains("<html lang=\"fr\"").contains("République<br>française")
				.contains("href=\"http://localhost:8080/mes-contributions\"").doesNotContain("<img");
		assertThat(mail.getHeader("List-Unsubscribe")[0])
				.matches("<http://localhost:8080/notifications/desabonnement/[A-Za-z0-9_-]+\\?type=CONTRIBUTION_OUTCOME>");
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

		// a second contribution grouped into the same proposal is told it joins another need
		var second = submit(campaign, author, "Guichet unique");
		scenario.publish(new ContributionGrouped(second, campaign, proposal, "Améliorer la gestion de la relation usagers",
						"curator", DECIDED))
				.andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 2);
		assertThat(part(mailsTo(author.email()).get(1), "text/plain"))
				.contains("a été regroupée avec un autre besoin proche dans la proposition");

		// the first decision delivered again (after a crash, say) sends no second mail
		listener.on(grouped);
		untilHandled(id.id());
		assertThat(mailsTo(author.email())).hasSize(2);
	}

	@Test
	void aReorientationAndARejectionTellTheTargetTheNoteAndTheReason(Scenario scenario) throws Exception {
		var campaign = campaign(scenario);
		var author = agentOf(cocon.shared.CollectiviteKind.COMMUNE);
		var reoriented = submit(campaign, author, "Paiement en ligne de la cantine");
		var rejected = submit(campaign, author, "Subvention pour une salle des fêtes");

		scenario.publish(new ContributionReoriented(reoriented, campaign, "PayFiP (DGFiP)",
				"Ce service permet déjà le paiement en ligne des factures locales.", "curator", DECIDED))
				.andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 1);
		scenario.publish(new ContributionRejected(rejected, campaign, "Hors du champ des services numériques.", "curator",
				DECIDED)).andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 2);

		var mails = awaitMails(author, 2);
		var reorientation = mails.stream().filter(m -> subjectOf(m).contains("réorientée")).findFirst().orElseThrow();
		assertThat(part(reorientation, "text/plain")).contains("a été réorientée vers « PayFiP (DGFiP) »")
				.contains("Précisions de l'équipe : Ce service permet déjà le paiement en ligne des factures locales.");
		var rejection = mails.stream().filter(m -> subjectOf(m).contains("n'a pas été retenue")).findFirst().orElseThrow();
		assertThat(part(rejection, "text/plain")).contains("Motif : Hors du champ des services numériques.");

		// staff see what was sent, to how many, without the address or the body; others may not see it
		// the list is newest first over pages, which the other tests of this context fill too: read them all
		var pages = new StringBuilder();
		for (int page = 1; page <= 200 && !pages.toString().contains("Votre contribution a été réorientée"); page++) {
			pages.append(mvc.perform(get("/admin/courriels").param("page", String.valueOf(page))
					.with(as(Identities.admin()))).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(pages.toString()).contains("Votre contribution a été réorientée").doesNotContain(author.email())
				.doesNotContain("PayFiP (DGFiP) », qui répond");
		mvc.perform(get("/admin/courriels").with(as(Identities.lyon())))
				.andExpect(status().isForbidden());
	}

	@Test
	void theLatestDecisionIsToldAndAnOlderOneDeliveredLateIsNot(Scenario scenario) throws Exception {
		var campaign = campaign(scenario);
		var author = agentOf(cocon.shared.CollectiviteKind.COMMUNE);
		var id = submit(campaign, author, "Diagnostic numérique");

		scenario.publish(new ContributionGrouped(id, campaign, ProposalId.random(), "Bénéficier de diagnostic numérique",
				"curator", DECIDED)).andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 1);
		scenario.publish(new ContributionReoriented(id, campaign, "France Services", "Mieux servi par le réseau existant.",
				"curator", DECIDED.plusSeconds(3600)))
				.andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 2);
		listener.on(new ContributionRejected(id, campaign, "Doublon", "curator", DECIDED.minusSeconds(60)));
		untilHandled(id.id());

		assertThat(mailsTo(author.email())).extracting(NotificationsTestSupport::subjectOf).containsExactly(
				"[Cocon] Votre contribution a été intégrée à une proposition : « Diagnostic numérique »",
				"[Cocon] Votre contribution a été réorientée : « Diagnostic numérique »");
	}

	/** Curation undoes a grouping whose mail has left: a short correction follows it, once. */
	@Test
	void aGroupingUndoneAfterItsMailLeftIsCorrected(Scenario scenario) throws Exception {
		var campaign = campaign(scenario);
		var author = agentOf(cocon.shared.CollectiviteKind.COMMUNE);
		var id = submit(campaign, author, "Signalement d'incidents");
		var proposal = ProposalId.random();
		scenario.publish(new ContributionGrouped(id, campaign, proposal, "Faciliter le signalement d'incidents",
				"curator", DECIDED)).andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 1);

		var ungrouped = new ContributionUngrouped(id, campaign, proposal, "Faciliter le signalement d'incidents",
				"curator", DECIDED.plusSeconds(600));
		scenario.publish(ungrouped).andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 2);
		var correction = mailsTo(author.email()).get(1);
		assertThat(correction.getSubject())
				.isEqualTo("[Cocon] Correction : votre contribution n'est plus dans la proposition « Faciliter le signalement d'incidents »");
		assertThat(part(correction, "text/plain"))
				.contains("Votre contribution « Signalement d'incidents » a finalement été retirée de la proposition")
				.contains("elle attend de nouveau d'être étudiée");
		assertThat(correction.getHeader("List-Unsubscribe")[0]).contains("type=CONTRIBUTION_OUTCOME");

		// delivered again, or the grouping delivered late: nothing more
		listener.on(ungrouped);
		listener.on(new ContributionGrouped(id, campaign, proposal, "Faciliter le signalement d'incidents", "curator",
				DECIDED));
		untilHandled(id.id());
		assertThat(mailsTo(author.email())).hasSize(2);
		assertThat(jdbc.sql("select pending from notifications.contribution where id = ?").param(id.id())
				.query(Boolean.class).single()).isTrue();
	}

	/** Curation undoes a grouping before its mail left (the mail server was down): the mail is withdrawn, nothing is said. */
	@Test
	void aGroupingUndoneBeforeItsMailLeftWithdrawsItAndSaysNothing(Scenario scenario) throws Exception {
		var campaign = campaign(scenario);
		var author = signedIn(agentOf(cocon.shared.CollectiviteKind.COMMUNE));
		var id = submit(campaign, author, "Gestion des salles");
		var proposal = ProposalId.random();
		smtp.stop();
		try {
			scenario.publish(new ContributionGrouped(id, campaign, proposal, "Réserver les salles communales",
					"curator", DECIDED)).andWaitForStateChange(() -> queuedTo(author.username()), count -> count == 1);
			scenario.publish(new ContributionUngrouped(id, campaign, proposal, "Réserver les salles communales",
					"curator", DECIDED.plusSeconds(60))).andWaitForStateChange(() -> queuedTo(author.username()),
					count -> count == 0);
		}
		finally {
			smtp = startSmtp();
		}
		untilHandled(id.id());
		assertThat(queuedTo(author.username())).isZero();
		assertThat(mailsTo(author.email())).isEmpty();
	}

	/** Issue 20, finding 7, and issue 25, point 8: one line per mail at most, no address, name or contents. */
	@Test
	void aMailIsLoggedWithoutAddressNameOrContents(Scenario scenario, CapturedOutput output) throws Exception {
		var campaign = campaign(scenario);
		var author = agentOf(cocon.shared.CollectiviteKind.COMMUNE);
		var title = "Un besoin au titre reconnaissable " + java.util.UUID.randomUUID();
		var id = submit(campaign, author, title);

		scenario.publish(new ContributionRejected(id, campaign, "Hors du champ de la consultation.", "curator", DECIDED))
				.andWaitForStateChange(() -> mailsTo(author.email()).size(), size -> size == 1);

		// the application's lines (the test's SMTP server logs the addresses it receives for, as servers do)
		var application = output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))
				.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(application).doesNotContain(author.email()).doesNotContain(author.displayName())
				.doesNotContain(title).doesNotContain("Hors du champ de la consultation")
				.contains("Notification « Le devenir de mes contributions » écrite : 1 destinataire(s).");
	}

	@Test
	void aMailServersRefusalIsLoggedWithoutTheAddressItQuotes() {
		assertThat(Sending.withoutAddresses(
				"org.springframework.mail.MailSendException: Invalid Addresses: <camille.martin@lyon.fr>, a.b@c.fr; 550 5.1.1"))
				.isEqualTo("org.springframework.mail.MailSendException: Invalid Addresses: <<adresse>>, <adresse>; 550 5.1.1");
	}

	static String part(MimeMessage message, String type) throws Exception {
		return find(message.getContent(), type);
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				var nested = find(part.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}
}
