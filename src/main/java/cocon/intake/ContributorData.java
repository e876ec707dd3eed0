package cocon.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * The contributor's personal data in intake (ADR 13): the contributions they wrote, with their name, e-mail and
 * function, and the mails sent to them. Erasure keeps each contribution, its content and its outcome — curation,
 * the funnel and the supports rely on them — and removes who wrote it; the mails to them lose address and body.
 */
@Component
class ContributorData implements PersonalData {

	/** What an erased contribution shows as its author's function (the column stays mandatory for the others). */
	static final String ERASED = "Effacé à la demande de l'auteur";

	private final Contributions contributions;
	private final ContributorNotifier notifier;
	private final JdbcClient jdbc;
	private final Clock clock;

	ContributorData(Contributions contributions, ContributorNotifier notifier, JdbcClient jdbc, Clock clock) {
		this.contributions = contributions;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "contributions";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		return contributions.byAuthor(user.username()).stream().map(c -> {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("id", c.getId().id());
			entry.put("campaignId", c.campaignId().id());
			entry.put("title", c.title());
			entry.put("need", c.need());
			entry.put("theme", c.theme());
			entry.put("authorRole", c.authorRole().label());
			entry.put("authorFunction", c.authorFunction());
			entry.put("authorName", c.author().name());
			entry.put("authorEmail", c.author().email());
			entry.put("organisation", Map.of("siren", c.organisation().siren().value(), "name", c.organisation().name()));
			entry.put("submittedAt", c.submittedAt().toString());
			entry.put("outcome", c.outcome().status().label());
			entry.put("mails", notifier.forContribution(c.getId().id()).stream()
					.map(m -> Map.of("recipient", m.recipient(), "subject", m.subject(), "body", m.body(),
							"writtenAt", m.createdAt().toString()))
					.toList());
			return entry;
		}).toList();
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		List<UUID> ids = jdbc.sql("select id from intake.contribution where author_username = ? for update")
				.param(user.username()).query(UUID.class).list();
		if (ids.isEmpty()) {
			return Map.of("contributions", 0, "mails", 0);
		}
		// mails not yet sent are withdrawn (their address is erased); those sent keep their subject, for the count
		int mails = jdbc.sql("delete from intake.outbox where contribution_id = any(?) and sent_at is null")
				.param(ids.toArray(UUID[]::new)).update();
		mails += jdbc.sql("""
				update intake.outbox set recipient = 'adresse effacée', body = 'Contenu effacé à la demande du destinataire.'
				where contribution_id = any(?)""").param(ids.toArray(UUID[]::new)).update();
		int erased = jdbc.sql("""
				update intake.contribution set author_username = null, author_name = null, author_email = null,
				  author_function = :erased, author_erased_at = :now
				where id = any(:ids)""")
				.param("erased", ERASED)
				.param("now", Timestamp.from(clock.instant()))
				.param("ids", ids.toArray(UUID[]::new))
				.update();
		return Map.of("contributions", erased, "mails", mails);
	}
}
