package cocon.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.AfterCommit;
import cocon.shared.FrenchDates;
import cocon.shared.Timestamps;

/**
 * The campaigns' news by e-mail for anyone, without an account (issue 24, ADR 51), with double opt-in: a request
 * keeps only the SHA-256 of its confirmation token, which is single-use and expires
 * ({@code cocon.notifications.subscription.confirm-within}); the address becomes a recipient ({@code abonne:} +
 * address) only once the link is followed, and then hears of each news item of the Atom feeds ({@link News}), once per
 * address and item (the outbox's key), whether it subscribed to one campaign, to all, or both. The unsubscribe link of
 * those mails erases the address and its subscriptions: for an anonymous subscriber, it is the erasure.
 * <p>
 * Nothing here says whether an address was subscribed already: the page answers the same either way, and the log
 * never holds an address.
 */
@Component
class Subscriptions {

	private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

	static final String KEY_PREFIX = "abonne:";

	/** A request repeated within this delay sends no second mail (a form posted twice, someone flooding an address). */
	static final Duration RESEND_AFTER = Duration.ofMinutes(10);

	private static final UUID EVERY_CAMPAIGN = new UUID(0, 0);

	/** Who hears of a news item of the campaign {@code :campaign}. */
	static final String SUBSCRIBERS = """
			r.recipient_key in (select s.recipient_key from notifications.subscription s
			                    where s.confirmed_at is not null and (s.campaign_id is null or s.campaign_id = :campaign))""";

	/** A request awaiting its confirmation: its campaign (null: every campaign) and that campaign's title. */
	record Pending(UUID campaign, String campaignTitle) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Outbox outbox;
	private final Sending sending;
	private final NotificationsPersonalData personalData;
	private final Duration confirmWithin;

	Subscriptions(JdbcClient jdbc, Clock clock, Outbox outbox, Sending sending, NotificationsPersonalData personalData,
			@Value("${cocon.notifications.subscription.confirm-within:48h}") Duration confirmWithin) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = outbox;
		this.sending = sending;
		this.personalData = personalData;
		this.confirmWithin = confirmWithin;
	}

	static String keyOf(String email) {
		return KEY_PREFIX + email.strip().toLowerCase(Locale.ROOT);
	}

	Optional<String> campaignTitle(UUID campaign) {
		return jdbc.sql("select title from notifications.campaign where id = ?").param(campaign).query(String.class)
				.optional();
	}

	/**
	 * Asks for a subscription to one campaign's news ({@code campaign}) or to every campaign's (null), and mails the
	 * confirmation link after the commit — unless the address is subscribed already, or was sent a link a few minutes
	 * ago. The caller learns nothing of which.
	 */
	@Transactional
	void request(String email, UUID campaign) {
		var now = clock.instant();
		var key = keyOf(email);
		var scope = campaign == null ? EVERY_CAMPAIGN : campaign;
		var existing = jdbc.sql("""
				select confirmed_at is not null as confirmed, requested_at, expires_at from notifications.subscription
				where recipient_key = ? and coalesce(campaign_id, ?) = ?""")
				.params(key, EVERY_CAMPAIGN, scope)
				.query((rs, n) -> new Object[] { rs.getBoolean("confirmed"), Timestamps.instant(rs, "requested_at"),
						Timestamps.instant(rs, "expires_at") })
				.optional();
		if (existing.isPresent()) {
			var row = existing.get();
			boolean recent = ((Instant) row[1]).isAfter(now.minus(RESEND_AFTER)) && ((Instant) row[2]).isAfter(now);
			if ((Boolean) row[0] || recent) {
				LOG.info("Demande d'abonnement aux actualités sans nouveau courriel (déjà abonné ou lien récent).");
				return;
			}
			jdbc.sql("delete from notifications.subscription where recipient_key = ? and coalesce(campaign_id, ?) = ?")
					.params(key, EVERY_CAMPAIGN, scope).update();
		}
		var token = Recipients.newToken();
		var expires = now.plus(confirmWithin);
		int written = jdbc.sql("""
				insert into notifications.subscription (id, recipient_key, email, campaign_id, token_hash, requested_at,
				                                        expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (recipient_key, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid))
				do nothing""")
				.params(UUID.randomUUID(), key, email.strip(), campaign, hash(token), Timestamps.column(now),
						Timestamps.column(expires))
				.update();
		if (written == 0) {
			return; // the same request, posted at the same moment: its twin sends the mail
		}
		var what = campaign == null ? "de toutes les campagnes"
				: "de la campagne « " + campaignTitle(campaign).orElse("") + " »";
		var mail = Mail.of("[Cocon] Confirmez votre abonnement aux actualités " + what,
				List.of("Vous avez demandé à recevoir par courriel les actualités " + what + " sur Cocon : "
						+ "ouverture des contributions et des soutiens, résultats, décisions du comité, projets financés.",
						"Pour confirmer, suivez le lien ci-dessous avant le " + FrenchDates.dateTime(expires)
								+ ". Il ne sert qu'une fois.",
						"Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, "
								+ "votre adresse sera effacée."),
				"Confirmer mon abonnement", outbox.link(SubscriptionPages.CONFIRM + token));
		var to = email.strip();
		AfterCommit.run(() -> sending.sendSoon(to, mail));
		LOG.info("Demande d'abonnement aux actualités enregistrée : courriel de confirmation écrit.");
	}

	/** The request of that confirmation token, while it may still be confirmed. */
	Optional<Pending> pending(String token) {
		return jdbc.sql("""
				select s.campaign_id, c.title from notifications.subscription s
				left join notifications.campaign c on c.id = s.campaign_id
				where s.token_hash = ? and s.confirmed_at is null and s.expires_at > ?""")
				.params(hash(token), Timestamps.column(clock.instant()))
				.query((rs, n) -> new Pending(rs.getObject("campaign_id", UUID.class), rs.getString("title")))
				.optional();
	}

	/**
	 * Confirms the request of that token, once: the address becomes a recipient of the news. Empty when the token is
	 * unknown, used or expired.
	 */
	@Transactional
	Optional<Pending> confirm(String token) {
		var now = Timestamps.column(clock.instant());
		var pending = pending(token);
		var confirmed = jdbc.sql("""
				update notifications.subscription set confirmed_at = ?, token_hash = null
				where token_hash = ? and confirmed_at is null and expires_at > ?
				returning recipient_key, email""")
				.params(now, hash(token), now)
				.query((rs, n) -> new String[] { rs.getString("recipient_key"), rs.getString("email") })
				.optional();
		if (confirmed.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("""
				insert into notifications.recipient (recipient_key, email, token, seen_at) values (?, ?, ?, ?)
				on conflict (recipient_key) do nothing""")
				.params(confirmed.get()[0], confirmed.get()[1], Recipients.newToken(), now)
				.update();
		LOG.info("Abonnement aux actualités confirmé.");
		return pending;
	}

	/** A news item of the feeds, newly written: to the confirmed subscribers of its campaign and of every campaign. */
	int tell(String newsKey, UUID campaign, String title, String summary, String path) {
		var campaignTitle = campaignTitle(campaign).orElse(null);
		var subject = "[Cocon] " + (campaignTitle == null ? "" : "« " + campaignTitle + " » : ") + title;
		return outbox.queue("news:" + newsKey, Kind.CAMPAIGN_NEWS,
				Mail.of(subject, List.of(summary, "Vous recevez ce courriel parce que vous êtes abonné aux actualités "
						+ "des campagnes de Cocon."), "Voir sur Cocon", outbox.link(path)),
				SUBSCRIBERS, Map.of("campaign", campaign));
	}

	/** The requests never confirmed in time, with their address: forgotten. */
	int purge(Instant now) {
		int purged = jdbc.sql("delete from notifications.subscription where confirmed_at is null and expires_at <= ?")
				.param(Timestamps.column(now)).update();
		if (purged > 0) {
			LOG.info("Demandes d'abonnement non confirmées effacées : {}.", purged);
		}
		return purged;
	}

	/** The unsubscribe link of a subscriber: their subscriptions and address are erased. */
	@Transactional
	void forget(String recipientKey) {
		jdbc.sql("delete from notifications.subscription where recipient_key = ?").param(recipientKey).update();
		personalData.erase(new String[] { recipientKey });
		LOG.info("Abonnement aux actualités supprimé, adresse effacée.");
	}

	static boolean isSubscriber(String recipientKey) {
		return recipientKey.startsWith(KEY_PREFIX);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
