package cocon.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cocon.shared.Timestamps;
import cocon.shared.Window;
import cocon.shared.wayfinding.WayfindingTexts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * What the calendar sends, at its instant rather than when the calendar was saved: the opening of a campaign's
 * contributions and of its supports, the reminders ten days and one day before the supports close to the
 * collectivités that supported nothing yet, the curators' morning digest when contributions wait, the weekly
 * digest, the committee's reminder the day before a decision day, and the purge of unconfirmed subscriptions. Checked every
 * minute on one instance ({@code cocon.notifications.cron}, ADR 11); each notification is written once, however many
 * times and on however many instances the check runs. An opening missed by more than a day (the instance was down, a
 * campaign created after its opening) is not sent late.
 */
@Component
class Calendar {

	static final Duration LATE = Duration.ofDays(1);

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final Clock clock;
	private final WayfindingTexts texts;
	private final WeeklyDigest weeklyDigest;
	private final News news;
	private final CommitteeReminders committee;
	private final Subscriptions subscriptions;

	Calendar(JdbcClient jdbc, Outbox outbox, Clock clock, org.springframework.context.MessageSource messages,
			WeeklyDigest weeklyDigest, News news, CommitteeReminders committee, Subscriptions subscriptions) {
		this.jdbc = jdbc;
		this.committee = committee;
		this.subscriptions = subscriptions;
		this.news = news;
		this.weeklyDigest = weeklyDigest;
		this.outbox = outbox;
		this.clock = clock;
		this.texts = new WayfindingTexts(messages);
	}

	record CampaignDates(UUID id, String title, Instant contributionsOpens, Instant contributionsCloses,
			Instant supportsOpens, Instant supportsCloses) {
	}

	@Scheduled(cron = "${cocon.notifications.cron:0 * * * * *}")
	@SchedulerLock(name = "notifications-calendar", lockAtMostFor = "PT10M")
	void check() {
		var now = clock.instant();
		openings(now);
		curationDigest(now);
		weeklyDigest.due(now);
		committee.due(now);
		subscriptions.purge(now);
	}

	/** The openings and reminders due at {@code now}. */
	int openings(Instant now) {
		int queued = 0;
		for (var campaign : campaigns(now)) {
			if (due(campaign.contributionsOpens(), campaign.contributionsCloses(), now)) {
				news.publish("contributions-open:" + campaign.id() + ":" + campaign.contributionsOpens(), campaign.id(),
						"L'appel à contributions est ouvert", "Jusqu'au " + texts.deadline(campaign.contributionsCloses())
								+ " : chaque collectivité peut décrire ses besoins numériques.",
						"/campagnes/" + campaign.id(), campaign.contributionsOpens());
				queued += outbox.queue("contributions-open:" + campaign.id() + ":" + campaign.contributionsOpens(),
						Kind.WINDOW_OPENING,
						Mail.of("[Cocon] L'appel à contributions « " + campaign.title() + " » est ouvert",
								List.of("L'appel à contributions de la campagne « " + campaign.title()
										+ " » est ouvert jusqu'au " + texts.deadline(campaign.contributionsCloses())
										+ ". Décrivez les besoins numériques de votre collectivité : ils seront "
										+ "regroupés en propositions que les collectivités pourront soutenir."),
								"Contribuer", outbox.link("/campagnes/" + campaign.id())),
						"r.siren is not null", Map.of());
			}
			if (due(campaign.supportsOpens(), campaign.supportsCloses(), now)) {
				news.publish("supports-open:" + campaign.id() + ":" + campaign.supportsOpens(), campaign.id(),
						"Les soutiens sont ouverts", "Jusqu'au " + texts.deadline(campaign.supportsCloses())
								+ " : chaque collectivité peut soutenir les propositions publiées.",
						"/campagnes/" + campaign.id() + "/propositions", campaign.supportsOpens());
				queued += outbox.queue("supports-open:" + campaign.id() + ":" + campaign.supportsOpens(),
						Kind.WINDOW_OPENING,
						Mail.of("[Cocon] Les soutiens de « " + campaign.title() + " » sont ouverts",
								List.of("Votre collectivité peut soutenir les propositions de la campagne « "
										+ campaign.title() + " » jusqu'au " + texts.deadline(campaign.supportsCloses())
										+ ". Chaque collectivité compte pour une voix par proposition, sans limite "
										+ "du nombre de propositions soutenues."),
								"Voir les propositions", outbox.link("/campagnes/" + campaign.id() + "/propositions")),
						ofSupportKinds(), Map.of("campaign", campaign.id()));
			}
			queued += reminder(campaign, now, Duration.ofDays(10), Duration.ofDays(1), "10", "dans dix jours");
			queued += reminder(campaign, now, Duration.ofDays(1), Duration.ZERO, "1", "demain");
		}
		return queued;
	}

	/**
	 * The reminder {@code before} the supports close, until {@code until} before they close, to the agents of the
	 * collectivités that may support and supported nothing yet in this campaign.
	 */
	private int reminder(CampaignDates campaign, Instant now, Duration before, Duration until, String name, String when) {
		var from = campaign.supportsCloses().minus(before);
		var to = campaign.supportsCloses().minus(until);
		if (now.isBefore(from) || !now.isBefore(to) || now.isBefore(campaign.supportsOpens())) {
			return 0;
		}
		return outbox.queue("supports-reminder-" + name + ":" + campaign.id() + ":" + campaign.supportsCloses(),
				Kind.SUPPORT_REMINDER,
				Mail.of("[Cocon] Les soutiens de « " + campaign.title() + " » se closent " + when,
						List.of("Les soutiens de la campagne « " + campaign.title() + " » se closent le "
								+ texts.deadline(campaign.supportsCloses()) + ", et votre collectivité n'a encore "
								+ "soutenu aucune proposition. Un soutien prend un clic ; il compte autant pour une "
								+ "petite commune que pour une région."),
						"Voir les propositions", outbox.link("/campagnes/" + campaign.id() + "/propositions")),
				ofSupportKinds() + """
						 and r.siren not in (select s.siren from notifications.support s where s.campaign_id = :campaign)""",
				Map.of("campaign", campaign.id()));
	}

	/** The curators' digest, once a day from 8 in the morning (Paris), only when contributions wait. */
	int curationDigest(Instant now) {
		var today = LocalDate.ofInstant(now, Window.PARIS);
		if (now.isBefore(today.atTime(8, 0).atZone(Window.PARIS).toInstant())) {
			return 0;
		}
		long waiting = jdbc.sql("select count(*) from notifications.contribution where pending and submitted_at <= ?")
				.param(Timestamps.column(now)).query(Long.class).single();
		if (waiting == 0) {
			return 0;
		}
		return outbox.queue("curation-digest:" + today, Kind.CURATION_DIGEST,
				Mail.of("[Cocon] " + waiting + " contribution" + (waiting > 1 ? "s attendent" : " attend") + " d'être triée"
						+ (waiting > 1 ? "s" : ""),
						List.of(waiting + " contribution" + (waiting > 1 ? "s attendent" : " attend")
								+ " dans la file de curation."),
						"Ouvrir la file de curation", outbox.link("/mon-espace")),
				"'CURATOR' = any(r.roles)", Map.of());
	}

	private static boolean due(Instant opens, Instant closes, Instant now) {
		return !now.isBefore(opens) && now.isBefore(closes) && now.isBefore(opens.plus(LATE));
	}

	private static String ofSupportKinds() {
		return "r.siren is not null and r.organisation_kind = any(select unnest(support_kinds) "
				+ "from notifications.campaign where id = :campaign)";
	}

	/** The campaigns with a window open at {@code now}. */
	private List<CampaignDates> campaigns(Instant now) {
		return jdbc.sql("""
				select id, title, contributions_opens, contributions_closes, supports_opens, supports_closes
				from notifications.campaign
				where (contributions_opens <= :now and contributions_closes > :now)
				   or (supports_opens <= :now and supports_closes > :now)""")
				.param("now", Timestamps.column(now))
				.query((rs, row) -> new CampaignDates(rs.getObject("id", UUID.class), rs.getString("title"),
						Timestamps.instant(rs, "contributions_opens"), Timestamps.instant(rs, "contributions_closes"),
						Timestamps.instant(rs, "supports_opens"), Timestamps.instant(rs, "supports_closes")))
				.list();
	}
}
