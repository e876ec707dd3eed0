package cocon.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * The contributor's personal data in intake (ADR 13, ADR 39): the contributions they wrote, with their name, e-mail
 * and function (the mails sent to them are the notifications module's, ADR 41). A contribution imported from a CSV file has no account behind it: it is
 * the person's when its author's e-mail address is the one they signed in with. Erasure keeps each contribution, its
 * content and its outcome — curation, the funnel and the supports rely on them — and removes who wrote it. The same erasure happens to every contribution 3 years after its campaign's
 * contribution window closed (the period the personal-data page states).
 */
@Component
class ContributorData implements PersonalData {

	/** What an erased contribution shows as its author's function (the column stays mandatory for the others). */
	static final String ERASED = "Effacé à la demande de l'auteur";

	/** What a contribution shows as its author's function once its retention period is over. */
	static final String EXPIRED = "Effacé au terme de la durée de conservation";

	/** How long after the close of its campaign's contribution window a contribution keeps its author. */
	static final Period RETENTION = Period.ofYears(3);

	private final Contributions contributions;
	private final JdbcClient jdbc;
	private final Clock clock;

	ContributorData(Contributions contributions, JdbcClient jdbc, Clock clock) {
		this.contributions = contributions;
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
		var written = new ArrayList<>(contributions.byAuthor(user.username()));
		if (user.email() != null && !user.email().isBlank()) {
			written.addAll(contributions.importedFrom(user.email()));
		}
		return written.stream().map(c -> {
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
			entry.put("importedFromFile", c.author().username() == null);
			entry.put("outcome", c.outcome().status().label());
			return entry;
		}).toList();
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		List<UUID> ids = jdbc.sql("""
				select id from intake.contribution
				where author_username = :username
				   or (source = 'IMPORT' and author_username is null and lower(author_email) = lower(:email))
				for update""")
				.param("username", user.username())
				.param("email", user.email() == null || user.email().isBlank() ? null : user.email().strip())
				.query(UUID.class).list();
		return anonymise(ids, ERASED);
	}

	@Override
	@Transactional
	public Map<String, Integer> eraseExpired(Instant now) {
		var closedBefore = now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant();
		List<UUID> ids = jdbc.sql("""
				select c.id from intake.contribution c join intake.campaign k on k.id = c.campaign_id
				where k.contributions_closes < ? and c.author_erased_at is null
				for update of c""")
				.param(Timestamps.column(closedBefore)).query(UUID.class).list();
		return anonymise(ids, EXPIRED);
	}

	private Map<String, Integer> anonymise(List<UUID> ids, String function) {
		if (ids.isEmpty()) {
			return Map.of("contributions", 0);
		}
		var array = ids.toArray(UUID[]::new);
		int erased = jdbc.sql("""
				update intake.contribution set author_username = null, author_name = null, author_email = null,
				  author_function = :function, author_erased_at = :now
				where id = any(:ids)""")
				.param("function", function)
				.param("now", Timestamps.column(clock.instant()))
				.param("ids", array)
				.update();
		return Map.of("contributions", erased);
	}
}
