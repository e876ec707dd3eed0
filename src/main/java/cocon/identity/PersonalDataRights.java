package cocon.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rights of a person over their data (RGPD, ADR 13, ADR 39): the download of everything the modules keep about
 * them, and the erasure of their personal data, in one transaction across the modules, logged in
 * {@code platform.personal_data_erasure} with a keyed digest of the person ({@link SubjectDigest}). The modules say
 * what they hold through {@link PersonalData}.
 */
@Service
class PersonalDataRights {

	private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRights.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<PersonalData> modules;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final SubjectDigest digest;

	PersonalDataRights(List<PersonalData> modules, JdbcClient jdbc, Clock clock, SubjectDigest digest) {
		this.modules = modules;
		this.jdbc = jdbc;
		this.clock = clock;
		this.digest = digest;
	}

	/** Everything kept about the person, for the download. */
	@Transactional(readOnly = true)
	Map<String, Object> export(CurrentUser user) {
		var data = new LinkedHashMap<String, Object>();
		data.put("exportedAt", clock.instant().toString());
		var identity = new LinkedHashMap<String, Object>();
		identity.put("username", user.username());
		identity.put("displayName", user.displayName());
		identity.put("email", user.email());
		identity.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
		user.organisationIfAny().ifPresent(o -> identity.put("organisation",
				Map.of("siren", o.siren().value(), "name", o.name())));
		data.put("identity", identity);
		for (var module : modules) {
			data.put(module.section(), module.export(user));
		}
		return data;
	}

	/** Erases the person's personal data in every module, and keeps the proof of it. */
	@Transactional
	Map<String, Integer> erase(CurrentUser user) {
		var erased = new TreeMap<String, Integer>();
		for (var module : modules) {
			module.erase(user).forEach((kind, count) -> erased.merge(module.section() + "." + kind, count, Integer::sum));
		}
		String subject = digest.of(user.username());
		log("SELF", subject, erased);
		LOG.info("Données personnelles effacées à la demande de l'intéressé (empreinte {}) : {}", subject, erased);
		return erased;
	}

	/**
	 * Erases in every module what is kept longer than the personal-data page says; the erasure log gets one row for
	 * no one in particular when anything was erased.
	 */
	@Transactional
	Map<String, Integer> eraseExpired() {
		var now = clock.instant();
		var erased = new TreeMap<String, Integer>();
		for (var module : modules) {
			module.eraseExpired(now).forEach((kind, count) -> {
				if (count > 0) {
					erased.merge(module.section() + "." + kind, count, Integer::sum);
				}
			});
		}
		if (!erased.isEmpty()) {
			log("RETENTION", null, erased);
			LOG.info("Durées de conservation : données personnelles effacées {}", erased);
		}
		return erased;
	}

	private void log(String requestedBy, String subject, Map<String, Integer> erased) {
		jdbc.sql("""
				insert into platform.personal_data_erasure (subject_hash, requested_by, erased_at, erased)
				values (?, ?, ?, ?::jsonb)""")
				.params(subject, requestedBy, Timestamps.column(clock.instant()), JSON.writeValueAsString(erased))
				.update();
	}

	/** How many erasures were recorded for this user name. */
	long erasuresOf(String username) {
		return jdbc.sql("select count(*) from platform.personal_data_erasure where subject_hash = ?")
				.param(digest.of(username)).query(Long.class).single();
	}
}
