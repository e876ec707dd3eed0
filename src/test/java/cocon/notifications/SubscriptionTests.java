package cocon.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * The news by e-mail for anyone, without an account (issue 24, ADR 51), against a real SMTP server: double opt-in with
 * a single-use, expiring link whose token is kept only as a hash; the news of the feeds, once per address; the
 * one-click unsubscribe that erases; the same answer whatever the address; a limit per address; the personal-data
 * rights.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscriptionTests extends NotificationsTestSupport {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/abonnements/confirmation/[A-Za-z0-9_-]+)");

	@Autowired
	News news;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Calendar calendar;

	@Autowired
	NotificationsPersonalData personalData;

	static String freshAddress() {
		return "abonne-" + UUID.randomUUID().toString().substring(0, 13) + "@exemple.fr";
	}

	/** A client address of its own, so that the limit per address of one test leaves the others alone. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String freshClient() {
		var random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	void request(String email, CampaignId campaign, String client) throws Exception {
		var request = post(SubscriptionPages.PATH).param("email", email).with(csrf()).with(from(client));
		if (campaign != null) {
			request = request.param("campagne", campaign.toString());
		}
		mvc.perform(request).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl(SubscriptionPages.PATH + (campaign == null ? "" : "?campagne=" + campaign)));
	}

	static List<jakarta.mail.internet.MimeMessage> confirmationsTo(String email) {
		return mailsTo(email).stream().filter(mail -> subjectOf(mail).startsWith("[Cocon] Confirmez")).toList();
	}

	/** The path of the link of the n-th confirmation mail to that address. */
	String confirmationLink(String email, int n) throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> confirmationsTo(email).size() >= n);
		var mail = confirmationsTo(email).get(n - 1);
		var matcher = LINK.matcher(ContributorMailTests.part(mail, "text/plain"));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	String subscribed(String email, CampaignId campaign, int mails) throws Exception {
		request(email, campaign, freshClient());
		var link = confirmationLink(email, mails);
		mvc.perform(post(link).with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Abonnement confirmé")));
		return link;
	}

	void publish(CampaignId campaign, String title) {
		news.publish("test-news:" + UUID.randomUUID(), campaign.id(), title, "Ce qui s'est passé.",
				"/campagnes/" + campaign, clock.instant());
	}

	@Test
	void anyoneSubscribesWithADoubleOptInThenHearsOfTheNewsOnceAndLeavesInOneClick(Scenario scenario,
			CapturedOutput output) throws Exception {
		var campaign = schedule(scenario, campaignOfItsOwn());
		var email = freshAddress();

		mvc.perform(get(SubscriptionPages.PATH).param("campagne", campaign.toString())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Recevoir les actualités par courriel")))
				.andExpect(content().string(containsString("name=\"_csrf\"")));
		// a public write: the CSRF token as every form
		mvc.perform(post(SubscriptionPages.PATH).param("email", email).with(from(freshClient())))
				.andExpect(status().isForbidden());
		request(email, campaign, freshClient());

		var link = confirmationLink(email, 1);
		var confirmation = mailsTo(email).get(0);
		assertThat(confirmation.getSubject()).startsWith("[Cocon] Confirmez votre abonnement aux actualités de la campagne");
		assertThat(ContributorMailTests.part(confirmation, "text/html")).contains("Confirmer mon abonnement");
		assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
		// only the hash of the token is kept
		var token = link.substring(SubscriptionPages.CONFIRM.length());
		assertThat(jdbc.sql("select token_hash from notifications.subscription where email = ?").param(email)
				.query(String.class).single()).isEqualTo(Subscriptions.hash(token)).doesNotContain(token);

		// not subscribed before the click; opening the link asks for it (a mail scanner subscribes nobody)
		publish(campaign, "Avant la confirmation");
		mvc.perform(get(link)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Confirmer mon abonnement")));
		publish(campaign, "Toujours avant la confirmation");
		assertThat(queuedTo(Subscriptions.keyOf(email))).isZero();

		mvc.perform(post(link).with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Abonnement confirmé")));
		// single use
		mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Lien invalide")));
		mvc.perform(get(link)).andExpect(status().isNotFound());

		// the news of the feeds reach it: a decision of the committee
		var proposal = ProposalId.random();
		scenario.publish(new ProposalsShortlisted(UUID.randomUUID(), campaign, List.of(
						new ProposalsShortlisted.ShortlistedProposal(proposal, "Bénéficier de diagnostic numérique")),
						"Maturité et soutiens", null, clock.instant()))
				.andWaitForStateChange(() -> mailsTo(email).stream()
						.filter(mail -> subjectOf(mail).contains("présélectionnée")).toList(), mails -> mails.size() == 1);
		var newsMail = mailsTo(email).stream().filter(mail -> subjectOf(mail).contains("présélectionnée")).findFirst()
				.orElseThrow();
		assertThat(newsMail.getSubject()).contains("1 proposition présélectionnée");
		var text = ContributorMailTests.part(newsMail, "text/plain");
		assertThat(text).contains("Le comité a présélectionné : Bénéficier de diagnostic numérique.")
				.doesNotContain("/mes-notifications");
		assertThat(ContributorMailTests.part(newsMail, "text/html")).contains("République<br>française");
		assertThat(newsMail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		var unsubscribe = newsMail.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:8080|>$", "");

		// (the shortlist opens the referent call: a news item too, told as well)
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email).stream()
				.anyMatch(mail -> subjectOf(mail).contains("Appel à territoires référents")));

		// subscribed to every campaign as well: still one mail per news item
		subscribed(email, null, 2);
		var title = "Une actualité de plus " + UUID.randomUUID();
		publish(campaign, title);
		Awaitility.await().atMost(Duration.ofSeconds(20))
				.until(() -> mailsTo(email).stream().anyMatch(mail -> subjectOf(mail).contains(title)));
		assertThat(jdbc.sql("""
				select count(*) from notifications.outbox o join notifications.message m on m.id = o.message_id
				where m.subject like ? and o.recipient_key = ?""").params("%" + title, Subscriptions.keyOf(email))
				.query(Long.class).single()).isEqualTo(1);
		untilNoMoreMailsTo(email, mailsTo(email).size());
		assertThat(mailsTo(email).stream().filter(mail -> subjectOf(mail).contains(title))).hasSize(1);

		// the public pages never show who is subscribed
		mvc.perform(get(SubscriptionPages.PATH).param("campagne", campaign.toString()))
				.andExpect(content().string(not(containsString(email))));
		mvc.perform(get("/campagnes/" + campaign + "/actualites.atom"))
				.andExpect(content().string(not(containsString(email))));

		// the one-click unsubscribe (RFC 8058) erases the address and its subscriptions
		mvc.perform(post(unsubscribe).contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.content("List-Unsubscribe=One-Click"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("votre adresse effacée")));
		assertThat(jdbc.sql("""
				select (select count(*) from notifications.subscription where email = :email)
				     + (select count(*) from notifications.recipient where email = :email)
				     + (select count(*) from notifications.outbox where recipient = :email)""")
				.param("email", email).query(Long.class).single()).isZero();
		publish(campaign, "Après le désabonnement");
		assertThat(queuedTo(Subscriptions.keyOf(email))).isZero();

		var application = output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))
				.collect(java.util.stream.Collectors.joining("\n"));
		assertThat(application).doesNotContain(email).contains("Abonnement aux actualités confirmé.");
	}

	@Test
	void theAnswerIsTheSameWhateverTheAddressAndRepeatedRequestsAreLimited(Scenario scenario) throws Exception {
		var campaign = schedule(scenario, campaignOfItsOwn());
		var subscriber = freshAddress();
		subscribed(subscriber, campaign, 1);
		var stranger = freshAddress();

		var client = freshClient();
		var known = mvc.perform(post(SubscriptionPages.PATH).param("email", subscriber)
				.param("campagne", campaign.toString()).with(csrf()).with(from(client))).andReturn();
		var unknown = mvc.perform(post(SubscriptionPages.PATH).param("email", stranger)
				.param("campagne", campaign.toString()).with(csrf()).with(from(client))).andReturn();
		assertThat(known.getResponse().getStatus()).isEqualTo(unknown.getResponse().getStatus()).isEqualTo(302);
		assertThat(known.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl());
		assertThat((java.util.Map<String, Object>) known.getFlashMap()).isEqualTo(unknown.getFlashMap());
		// the page the browser is sent to (the flash attribute in the session of its cookie)
		mvc.perform(get(unknown.getResponse().getRedirectedUrl()).cookie(unknown.getResponse().getCookie("SESSION")))
				.andExpect(content().string(containsString("Si cette adresse n'est pas déjà abonnée")));

		// the stranger gets one link, however often the form is posted; the subscriber, no mail at all
		request(stranger, campaign, client);
		confirmationLink(stranger, 1);
		untilNoMoreMailsTo(stranger, 1);
		assertThat(mailsTo(subscriber)).hasSize(1);

		mvc.perform(post(SubscriptionPages.PATH).param("email", "pas une adresse").with(csrf()).with(from(client)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Indiquez une adresse électronique valide")));

		// 20 requests a quarter of an hour per address, then 429 (ADR 0012); another address is not held back
		for (int i = 4; i < 20; i++) {
			request(freshAddress(), null, client);
		}
		mvc.perform(post(SubscriptionPages.PATH).param("email", freshAddress()).with(csrf()).with(from(client)))
				.andExpect(status().isTooManyRequests());
		request(freshAddress(), null, freshClient());
	}

	@Test
	void anUnconfirmedRequestExpiresAndIsForgotten() throws Exception {
		var email = freshAddress();
		request(email, null, freshClient());
		var link = confirmationLink(email, 1);

		clock.set(clock.instant().plus(Duration.ofHours(48)).plusSeconds(1));
		mvc.perform(get(link)).andExpect(status().isNotFound())
				.andExpect(content().string(containsString("il a déjà servi, ou plus de 48 heures ont passé")));
		mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound());
		calendar.check();
		assertThat(jdbc.sql("select count(*) from notifications.subscription where email = ?").param(email)
				.query(Long.class).single()).isZero();
	}

	@Test
	void aSubscriptionIsInThePersonalDataDownloadAndErasure(Scenario scenario) throws Exception {
		var campaign = schedule(scenario, campaignOfItsOwn());
		var email = freshAddress();
		var person = new CurrentUser("personne-" + UUID.randomUUID(), "Camille Abonnée", email,
				java.util.Set.of(Role.AGENT), null);
		subscribed(email, campaign, 1);

		@SuppressWarnings("unchecked")
		var export = (java.util.Map<String, Object>) personalData.export(person);
		assertThat(export.get("adresses").toString()).contains(email);
		assertThat(export.get("abonnements").toString()).contains("campagne « ").contains("confirmeLe");

		assertThat(personalData.erase(person)).containsEntry("abonnements", 1);
		assertThat(jdbc.sql("""
				select (select count(*) from notifications.subscription where email = :email)
				     + (select count(*) from notifications.recipient where email = :email)""")
				.param("email", email).query(Long.class).single()).isZero();
	}

	/** A barrier: the mails of the confirmations asked for have all left (each is sent at once, after the commit). */
	void untilNoMoreMailsTo(String email, int expected) {
		Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
				.until(() -> mailsTo(email).size() == expected);
	}
}
