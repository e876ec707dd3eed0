package cocon.referents;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * The personal data of referent applications (ADR 39): who applied for their collectivité (their user name), and the
 * contact the application names (name and e-mail address). The application is the collectivité's: erasure keeps it,
 * its working group and its sessions, and removes the person — as applicant when they applied, as contact when the
 * contact's address is the one they signed in with. The same happens to every application 3 years after the later of
 * the close of the applications and the last session of its working group. What staff recorded (sessions,
 * experimentation territories) stays attributed to them, as every decision.
 */
@Component
class ReferentContactData implements PersonalData {

	/** Who applied, or the contact's name, once erased. */
	static final String ERASED = "effacé";

	/** The contact's address once erased: of the shape of an address (the contact stays valid), reaching nobody. */
	static final String ERASED_EMAIL = "adresse-effacee@contact.invalid";

	/** How long after the applications closed, or after the working group's last session, the contact is kept. */
	static final Period RETENTION = Period.ofYears(3);

	private final JdbcClient jdbc;

	ReferentContactData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "referentApplications";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		// without an e-mail address (never empty in an application), the person is found as applicant only
		return jdbc.sql("""
				select t.proposal_id, t.campaign_id, c.proposal_title, t.siren, t.collectivite_name, t.motivation,
				       t.contact_name, t.contact_email, t.joined_at, t.applied_by = :u as applied_by_you
				from referents.referent_territory t join referents.referent_call c on c.proposal_id = t.proposal_id
				where t.applied_by = :u or lower(t.contact_email) = lower(:email)
				order by t.joined_at, t.proposal_id""")
				.param("u", user.username())
				.param("email", email(user) == null ? "" : email(user))
				.query((rs, n) -> {
					var entry = new LinkedHashMap<String, Object>();
					entry.put("proposalId", rs.getObject("proposal_id").toString());
					entry.put("campaignId", rs.getObject("campaign_id").toString());
					entry.put("proposalTitle", rs.getString("proposal_title"));
					entry.put("collectivite", Map.of("siren", rs.getString("siren"), "name", rs.getString("collectivite_name")));
					entry.put("motivation", rs.getString("motivation"));
					entry.put("contactName", rs.getString("contact_name"));
					entry.put("contactEmail", rs.getString("contact_email"));
					entry.put("joinedAt", Timestamps.instant(rs, "joined_at").toString());
					entry.put("appliedByYou", rs.getBoolean("applied_by_you"));
					return entry;
				})
				.list();
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		int contacts = 0;
		if (email(user) != null) {
			contacts = jdbc.sql("""
					update referents.referent_territory set contact_name = :erased, contact_email = :erasedEmail
					where lower(contact_email) = lower(:email)""")
					.param("erased", ERASED).param("erasedEmail", ERASED_EMAIL).param("email", email(user)).update();
		}
		int applications = jdbc.sql("update referents.referent_territory set applied_by = :erased where applied_by = :u")
				.param("erased", ERASED).param("u", user.username()).update();
		// who took a collectivité out of a working group (ADR 47): the agent's name goes, the withdrawal stays
		applications += jdbc.sql("update referents.withdrawn_territory set withdrawn_by = :erased where withdrawn_by = :u")
				.param("erased", ERASED).param("u", user.username()).update();
		return Map.of("applications", applications, "contacts", contacts);
	}

	@Override
	@Transactional
	public Map<String, Integer> eraseExpired(Instant now) {
		var before = Timestamps.column(now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant());
		int applications = jdbc.sql("""
				update referents.referent_territory t
				set contact_name = :erased, contact_email = :erasedEmail, applied_by = :erased
				from referents.campaign k
				where k.campaign_id = t.campaign_id
				  and greatest(k.applications_closes,
				               (select max(s.held_on)::timestamptz from referents.working_group_session s
				                where s.proposal_id = t.proposal_id)) < :before
				  and (t.applied_by <> :erased or t.contact_email <> :erasedEmail)""")
				.param("erased", ERASED).param("erasedEmail", ERASED_EMAIL).param("before", before).update();
		return Map.of("applications", applications);
	}

	private static String email(CurrentUser user) {
		return user.email() == null || user.email().isBlank() ? null : user.email().strip();
	}
}
