package cocon.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * What the notifications module keeps about a person (ADR 39, ADR 41): the address it writes to, their preferences
 * and the mails written to them — under their user name, and under the address they signed in with for the mails of
 * a contribution imported from a file. Erasure forgets the address and the preferences, withdraws the mails not sent
 * yet and keeps of the others only that they were sent (the counts of the staff page).
 */
@Component
class NotificationsPersonalData implements PersonalData {

	static final String ERASED = "adresse effacée";

	private final JdbcClient jdbc;

	NotificationsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "notifications";
	}

	/** Their user name, and the address they signed in with: an imported contribution's, a subscription's (ADR 51). */
	private static String[] keys(CurrentUser user) {
		return user.email() == null || user.email().isBlank() ? new String[] { user.username() }
				: new String[] { user.username(), Recipients.keyOf(user.email()), Subscriptions.keyOf(user.email()) };
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		var keys = keys(user);
		var data = new LinkedHashMap<String, Object>();
		data.put("adresses", jdbc.sql("select email from notifications.recipient where recipient_key = any(?)")
				.param(keys).query(String.class).list());
		data.put("preferences", jdbc.sql("""
				select kind, enabled, digest from notifications.preference where recipient_key = any(?) order by kind""")
				.param(keys)
				.query((rs, n) -> Map.of("type", Kind.parse(rs.getString("kind")).map(Kind::label).orElse(rs.getString("kind")),
						"choix", !rs.getBoolean("enabled") ? "jamais" : rs.getBoolean("digest") ? "résumé hebdomadaire" : "à chaque fois"))
				.list());
		data.put("abonnements", jdbc.sql("""
				select s.campaign_id, c.title, s.requested_at, s.confirmed_at from notifications.subscription s
				left join notifications.campaign c on c.id = s.campaign_id
				where s.recipient_key = any(?) order by s.requested_at""")
				.param(keys)
				.query((rs, n) -> {
					var subscription = new LinkedHashMap<String, Object>();
					subscription.put("actualites", rs.getObject("campaign_id") == null ? "toutes les campagnes"
							: "campagne « " + rs.getString("title") + " »");
					subscription.put("demandeLe", Timestamps.instant(rs, "requested_at").toString());
					var confirmed = Timestamps.instant(rs, "confirmed_at");
					subscription.put("confirmeLe", confirmed == null ? null : confirmed.toString());
					return subscription;
				}).list());
		data.put("courriels", jdbc.sql("""
				select m.subject, m.body_text, o.recipient, o.created_at, o.sent_at
				from notifications.outbox o join notifications.message m on m.id = o.message_id
				where o.recipient_key = any(?) order by o.seq""")
				.param(keys)
				.query((rs, n) -> {
					var mail = new LinkedHashMap<String, Object>();
					mail.put("destinataire", rs.getString("recipient"));
					mail.put("objet", rs.getString("subject"));
					mail.put("texte", rs.getString("body_text"));
					mail.put("ecritLe", Timestamps.instant(rs, "created_at").toString());
					var sent = Timestamps.instant(rs, "sent_at");
					mail.put("envoyeLe", sent == null ? null : sent.toString());
					return mail;
				}).list());
		return data;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		var keys = keys(user);
		int subscriptions = jdbc.sql("delete from notifications.subscription where recipient_key = any(?)").param(keys)
				.update();
		var erased = new java.util.HashMap<>(erase(keys));
		erased.put("abonnements", subscriptions);
		return Map.copyOf(erased);
	}

	/** Erases what is kept under those recipient keys (a person's, or an anonymous subscriber's at their unsubscribe). */
	@Transactional
	Map<String, Integer> erase(String[] keys) {
		// a mail written to this person alone (a contribution's outcome) loses its body; those to many keep theirs
		jdbc.sql("""
				update notifications.message m set body_text = 'Contenu effacé à la demande du destinataire.', body_html = ''
				where m.id in (select o.message_id from notifications.outbox o where o.recipient_key = any(?))
				  and (select count(*) from notifications.outbox o where o.message_id = m.id) = 1""")
				.param(keys).update();
		int withdrawn = jdbc.sql("delete from notifications.outbox where recipient_key = any(?) and sent_at is null")
				.param(keys).update();
		int mails = jdbc.sql("""
				update notifications.outbox set recipient = ?, recipient_key = 'effacé:' || id
				where recipient_key = any(?)""").params(ERASED, keys).update();
		jdbc.sql("update notifications.contribution set author_key = null where author_key = any(?)").param(keys).update();
		int recipients = jdbc.sql("delete from notifications.recipient where recipient_key = any(?)").param(keys).update();
		return Map.of("adresses", recipients, "courriels", withdrawn + mails);
	}
}
