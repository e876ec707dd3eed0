package cocon.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.shared.identity.Role;

/**
 * A person whose personal data every module holds, written as each module stores it: a known identity, the first
 * sign-in for an unverified organisation, a contribution imported from a CSV file at their address with the mail
 * sent to them, a support given and one withdrawn for their commune, a referent application they made and whose
 * contact they are, a committee seat with a conflict of interest and a maturity assessment. All of it in the year
 * given, so that a test of the retention periods places it far before or after the others' data.
 */
record PersonalDataFixture(CurrentUser user, UUID campaign, UUID proposal, UUID contribution, String siren) {

	private static final AtomicInteger PEOPLE = new AtomicInteger();

	static PersonalDataFixture of(JdbcClient jdbc, int year) {
		int n = PEOPLE.incrementAndGet();
		var siren = TestSirens.fresh();
		var organisation = new Organisation(Siren.of(siren), "Commune " + n, CollectiviteKind.COMMUNE, true, "69", "84",
				1200);
		var user = new CurrentUser("agent-rgpd-" + UUID.randomUUID(), "Dominique Rgpd " + n,
				"dominique.rgpd" + n + "." + ThreadLocalRandom.current().nextInt(1_000_000) + "@commune.fr",
				Set.of(Role.AGENT), organisation);
		var campaign = UUID.randomUUID();
		var proposal = UUID.randomUUID();
		var withdrawn = UUID.randomUUID();
		var contribution = UUID.randomUUID();
		var fixture = new PersonalDataFixture(user, campaign, proposal, contribution, siren);

		jdbc.sql("insert into platform.known_identity (username, display_name, first_seen_at, last_seen_at) values (?, ?, ?, ?)")
				.params(user.username(), user.displayName(), at(year, 1, 10), at(year, 6, 1)).update();
		jdbc.sql("""
				insert into platform.proconnect_account (idp_id, subject, username, email, first_seen_at, last_seen_at)
				values ('idp-mairie', ?, ?, ?, ?, ?)""")
				.params("sub-" + user.username(), user.username(), user.email(), at(year, 1, 10), at(year, 6, 1)).update();
		jdbc.sql("""
				insert into platform.unverified_organisation (siren, first_username, first_seen_at, last_seen_at)
				values (?, ?, ?, ?)""").params(TestSirens.fresh(), user.username(), at(year, 1, 10), at(year, 1, 10)).update();

		jdbc.sql("""
				insert into intake.campaign (id, title, themes, contributions_opens, contributions_closes, as_of)
				values (?, 'Campagne RGPD', array['Mobilités'], ?, ?, ?)""")
				.params(campaign, at(year, 1, 25), at(year, 3, 15), at(year, 1, 4)).update();
		jdbc.sql("""
				insert into intake.contribution (id, campaign_id, title, need, theme, author_role, author_function,
				  author_name, author_email, organisation_siren, organisation_name, organisation_kind, submitted_at,
				  source, import_key)
				values (?, ?, 'Un besoin importé', 'Décrit sur papier.', 'Mobilités', 'AGENT', 'Secrétaire de mairie',
				  ?, ?, ?, ?, 'COMMUNE', ?, 'IMPORT', ?)""")
				.params(contribution, campaign, user.displayName(), user.email(), siren, organisation.name(),
						at(year, 2, 1), (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""))
				.update();
		// the mail telling the outcome, in the notifications module's outbox (ADR 41), to the imported author's address
		var mail = UUID.randomUUID();
		jdbc.sql("""
				insert into notifications.recipient (recipient_key, email, token, seen_at) values (?, ?, ?, ?)
				on conflict do nothing""")
				.params("email:" + user.email().toLowerCase(java.util.Locale.ROOT), user.email(), UUID.randomUUID().toString(),
						at(year, 3, 20))
				.update();
		jdbc.sql("""
				insert into notifications.message (id, notification_key, kind, subject, body_text, body_html, created_at)
				values (?, ?, 'CONTRIBUTION_OUTCOME', 'Votre contribution', ?, '', ?)""")
				.params(mail, UUID.randomUUID().toString(), "Bonjour " + user.displayName(), at(year, 3, 20)).update();
		jdbc.sql("""
				insert into notifications.outbox (message_id, recipient_key, recipient, created_at, to_send, next_attempt_at,
				  sent_at)
				values (?, ?, ?, ?, true, ?, ?)""")
				.params(mail, "email:" + user.email().toLowerCase(java.util.Locale.ROOT), user.email(), at(year, 3, 20),
						at(year, 3, 20), at(year, 3, 20))
				.update();

		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, as_of)
				values (?, 'Campagne RGPD', array['COMMUNE'], ?, ?, ?)""")
				.params(campaign, at(year, 4, 1), at(year, 4, 30), at(year, 1, 4)).update();
		jdbc.sql("""
				insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				  supported_by, supported_at)
				values (?, ?, ?, ?, 'COMMUNE', '69', '84', 1200, ?, ?)""")
				.params(proposal, siren, campaign, organisation.name(), user.username(), at(year, 4, 12)).update();
		jdbc.sql("""
				insert into voting.support_history (proposal_id, siren, campaign_id, name, kind, departement, region,
				  population, supported_by, supported_at, ended_by, ended_at, reason)
				values (?, ?, ?, ?, 'COMMUNE', '69', '84', 1200, ?, ?, ?, ?, 'WITHDRAWN')""")
				.params(withdrawn, siren, campaign, organisation.name(), user.username(), at(year, 4, 12),
						user.username(), at(year, 4, 14))
				.update();

		jdbc.sql("""
				insert into referents.campaign (campaign_id, title, applications_opens, applications_closes, as_of)
				values (?, 'Campagne RGPD', ?, ?, ?)""")
				.params(campaign, at(year, 5, 10), at(year, 6, 10), at(year, 1, 4)).update();
		jdbc.sql("""
				insert into referents.referent_call (proposal_id, campaign_id, proposal_title, status, decision_id,
				  opened_at, formed_at)
				values (?, ?, 'Une proposition', 'OPEN', ?, ?, ?)""")
				.params(proposal, campaign, UUID.randomUUID(), at(year, 5, 10), at(year, 5, 10)).update();
		jdbc.sql("""
				insert into referents.referent_territory (id, proposal_id, campaign_id, siren, collectivite_name, kind,
				  motivation, contact_name, contact_email, applied_by, joined_at)
				values (?, ?, ?, ?, ?, 'COMMUNE', 'Nous voulons tester.', ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), proposal, campaign, siren, organisation.name(), user.displayName(),
						user.email(), user.username(), at(year, 5, 20))
				.update();

		jdbc.sql("""
				insert into governance.campaign (id, title, description, envelope_euros, themes, support_kinds,
				  working_group_kinds, contributions_opens, contributions_closes, supports_opens, supports_closes,
				  referent_applications_opens, referent_applications_closes, shortlist_decision, funding_decision,
				  created_by, created_at)
				values (?, 'Campagne RGPD', '', 1000000, array['Mobilités'], array['COMMUNE'], array['COMMUNE'], ?, ?, ?, ?,
				  ?, ?, ?, ?, 'admin', ?)""")
				.params(campaign, at(year, 1, 25), at(year, 3, 15), at(year, 4, 1), at(year, 4, 30), at(year, 5, 10),
						at(year, 6, 10), LocalDate.of(year, 5, 3), LocalDate.of(year, 7, 5), at(year, 1, 4))
				.update();
		jdbc.sql("""
				insert into governance.proposal (id, campaign_id, title, theme, published_at)
				values (?, ?, 'Une proposition', 'Mobilités', ?)""").params(proposal, campaign, at(year, 3, 30)).update();
		var appointment = UUID.randomUUID();
		jdbc.sql("insert into governance.committee_appointment (id, campaign_id, appointed_by, appointed_at) values (?, ?, 'admin', ?)")
				.params(appointment, campaign, at(year, 4, 20)).update();
		jdbc.sql("insert into governance.committee_member (appointment_id, username, organisation) values (?, ?, 'AMRF')")
				.params(appointment, user.username()).update();
		jdbc.sql("""
				insert into governance.conflict_of_interest (campaign_id, proposal_id, username, reason, declared_at)
				values (?, ?, ?, 'Mon conjoint dirige le prestataire pressenti.', ?)""")
				.params(campaign, proposal, user.username(), at(year, 4, 25)).update();
		jdbc.sql("""
				insert into governance.maturity_assessment (campaign_id, proposal_id, username, level, note, assessed_at)
				values (?, ?, ?, 3, 'Vu avec la maire : prêt à expérimenter.', ?)""")
				.params(campaign, proposal, user.username(), at(year, 4, 26)).update();
		return fixture;
	}

	static Timestamp at(int year, int month, int day) {
		return Timestamp.from(Instant.parse("%04d-%02d-%02dT10:00:00Z".formatted(year, month, day)));
	}
}
