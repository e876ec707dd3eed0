package cocon.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignCalendar.Phase;
import cocon.shared.CampaignId;
import cocon.shared.Window;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.shared.wayfinding.CampaignFigure;
import cocon.shared.wayfinding.CampaignLink;
import cocon.shared.wayfinding.CampaignOverview;
import cocon.shared.wayfinding.CampaignOverviews;
import cocon.shared.wayfinding.CampaignSections;
import cocon.shared.wayfinding.WayfindingTexts;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/**
 * Governance's part of the wayfinding pages: the decisions due of a committee member and the committees an
 * administrator still has to name on "Mon espace"; the decisions, the committee space and the administration of
 * a campaign on its hub; and where every campaign stands, for the home page.
 */
@Component
class GovernanceWayfinding implements WorkItems, CampaignSections, CampaignOverviews {

	/** The home page shows the campaigns under way first, this many at most; the campaign list shows them all. */
	static final int HOME_PAGE_CAMPAIGNS = 6;

	private final CampaignManagement management;
	private final JdbcClient jdbc;
	private final WayfindingTexts texts;
	private final ObjectProvider<CampaignSections> sections;
	private final Clock clock;

	GovernanceWayfinding(CampaignManagement management, JdbcClient jdbc, MessageSource messages,
			ObjectProvider<CampaignSections> sections, Clock clock) {
		this.management = management;
		this.jdbc = jdbc;
		this.texts = new WayfindingTexts(messages);
		this.sections = sections;
		this.clock = clock;
	}

	// Mon espace ------------------------------------------------------------------------------------------------

	@Override
	public List<WorkItem> of(CurrentUser user) {
		var admin = user.hasRole(Role.ADMINISTRATOR);
		// one query for the campaigns this person sits on, one for those without a committee: not one per campaign
		var seats = new java.util.HashSet<>(jdbc.sql("""
				select a.campaign_id from governance.committee_appointment a
				join governance.committee_member m on m.appointment_id = a.id and m.username = ?
				where a.seq = (select max(b.seq) from governance.committee_appointment b where b.campaign_id = a.campaign_id)""")
				.param(user.username()).query(java.util.UUID.class).list());
		if (seats.isEmpty() && !admin) {
			return List.of();
		}
		var named = admin ? new java.util.HashSet<>(jdbc.sql("select distinct campaign_id from governance.committee_appointment")
				.query(java.util.UUID.class).list()) : java.util.Set.<java.util.UUID>of();
		var items = new ArrayList<WorkItem>();
		var now = clock.instant();
		var committeeGroup = texts.text("governance.wayfinding.group.committee");
		var adminGroup = texts.text("governance.wayfinding.group.admin");
		for (var campaign : management.all()) {
			var id = campaign.getId();
			var phase = campaign.phaseAt(now);
			var space = "/campagnes/" + id + "/comite";
			if (seats.contains(id.id())) {
				var due = due(id, phase);
				if (due != null) {
					items.add(new WorkItem(committeeGroup, texts.text(due, campaign.title()), space,
							texts.text("governance.wayfinding.committee.space", campaign.title()), true));
				}
				else {
					items.add(new WorkItem(committeeGroup, texts.text("governance.wayfinding.committee.space", campaign.title()),
							space, phase.label(), false));
				}
			}
			// a finished campaign needs nothing more from its administrators
			if (admin && phase != Phase.FUNDING) {
				if (!named.contains(id.id())) {
					items.add(new WorkItem(adminGroup, texts.text("governance.wayfinding.admin.committee", campaign.title()),
							"/admin/campagnes/" + id + "/comite", phase.label(), true));
				}
				items.add(new WorkItem(adminGroup, texts.text("governance.wayfinding.admin.calendar", campaign.title()),
						"/admin/campagnes/" + id + "/calendrier", phase.label(), false));
			}
		}
		if (admin) {
			items.add(new WorkItem(adminGroup, texts.text("governance.wayfinding.admin.new"), "/admin/campagnes/nouvelle", null,
					false));
		}
		return items;
	}

	/**
	 * The message key of the decision the committee has to take now, or null: the shortlist once the supports are
	 * closed and until it is recorded (the committee's day itself falls in the next phase), then the funding.
	 */
	private @Nullable String due(CampaignId id, Phase phase) {
		var afterSupports = phase != Phase.ANNOUNCED && phase != Phase.CONTRIBUTIONS && phase != Phase.CURATION
				&& phase != Phase.SUPPORTS;
		if (!afterSupports) {
			return null;
		}
		var shortlisted = count("select count(*) from governance.shortlist_decision where campaign_id = ?", id) > 0;
		if (!shortlisted) {
			return "governance.wayfinding.committee.shortlist";
		}
		if (phase != Phase.SHORTLIST
				&& count("select count(*) from governance.funded_project where campaign_id = ?", id) == 0) {
			return "governance.wayfinding.committee.funding";
		}
		return null;
	}

	private boolean isMember(CampaignId id, String username) {
		return jdbc.sql("""
				select count(*) from governance.committee_member m
				where m.username = ? and m.appointment_id = (select id from governance.committee_appointment
				  where campaign_id = ? order by seq desc limit 1)""")
				.params(username, id.id()).query(Long.class).single() > 0;
	}

	private boolean hasCommittee(CampaignId id) {
		return count("select count(*) from governance.committee_appointment where campaign_id = ?", id) > 0;
	}

	private long count(String sql, CampaignId id) {
		return jdbc.sql(sql).param(id.id()).query(Long.class).single();
	}

	// Campaign hub ------------------------------------------------------------------------------------------------

	@Override
	public List<CampaignFigure> figures(CampaignId campaign) {
		var figures = new ArrayList<CampaignFigure>();
		var shortlisted = jdbc.sql("""
				select count(*) from governance.shortlist_item i join governance.shortlist_decision d on d.id = i.decision_id
				where d.campaign_id = ? and not exists (select 1 from governance.shortlist_decision s where s.supersedes = d.id)""")
				.param(campaign.id()).query(Long.class).single();
		if (shortlisted > 0) {
			figures.add(new CampaignFigure(40, shortlisted, texts.text("governance.wayfinding.shortlisted", shortlisted)));
		}
		var funded = count("select count(*) from governance.funded_project where campaign_id = ?", campaign);
		if (funded > 0) {
			figures.add(new CampaignFigure(50, funded, texts.text("governance.wayfinding.funded", funded)));
		}
		return figures;
	}

	@Override
	public List<CampaignLink> links(CampaignId campaign, Phase phase, @Nullable CurrentUser user) {
		var links = new ArrayList<CampaignLink>();
		var base = "/campagnes/" + campaign.id();
		if (user != null && isMember(campaign, user.username())) {
			links.add(new CampaignLink(7, texts.text("governance.wayfinding.hub.committee"), base + "/comite",
					texts.text("governance.wayfinding.hub.committee.help"), due(campaign, phase) != null));
		}
		links.add(new CampaignLink(40, texts.text("governance.wayfinding.hub.decisions"), base + "/decisions",
				texts.text("governance.wayfinding.hub.decisions.help"), false));
		links.add(new CampaignLink(50, texts.text("governance.wayfinding.hub.budget"), base + "/budget",
				texts.text("governance.wayfinding.hub.budget.help"), false));
		links.add(new CampaignLink(80, texts.text("governance.wayfinding.hub.opendata"), base + "/donnees-ouvertes",
				texts.text("governance.wayfinding.hub.opendata.help"), false));
		if (user != null && user.hasRole(Role.ADMINISTRATOR)) {
			links.add(new CampaignLink(70, texts.text("governance.wayfinding.hub.admin.committee"),
					"/admin/campagnes/" + campaign.id() + "/comite", null, !hasCommittee(campaign)));
			links.add(new CampaignLink(71, texts.text("governance.wayfinding.hub.admin.calendar"),
					"/admin/campagnes/" + campaign.id() + "/calendrier", null, false));
		}
		return links;
	}

	/** Every module's figures of the campaign, in the order of its story. */
	List<CampaignFigure> allFigures(CampaignId campaign) {
		return modules().flatMap(s -> s.figures(campaign).stream())
				.sorted(Comparator.comparingInt(CampaignFigure::order)).toList();
	}

	/** Every module's links for that person, in order; the first primary one is the action of the phase. */
	List<CampaignLink> allLinks(CampaignId campaign, Phase phase, @Nullable CurrentUser user) {
		return modules().flatMap(s -> s.links(campaign, phase, user).stream())
				.sorted(Comparator.comparingInt(CampaignLink::order)).toList();
	}

	/** Every module's sections, this one's too (Spring leaves a bean out of the collections it is injected itself). */
	private java.util.stream.Stream<CampaignSections> modules() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this),
				sections.orderedStream().filter(s -> s != this));
	}

	// Home page -------------------------------------------------------------------------------------------------

	@Override
	public List<CampaignOverview> all() {
		var now = clock.instant();
		return management.all().stream()
				.sorted(Comparator.comparing((Campaign c) -> c.phaseAt(now) == Phase.FUNDING)
						.thenComparing(Campaign::createdAt, Comparator.reverseOrder()))
				.limit(HOME_PAGE_CAMPAIGNS)
				.map(c -> new CampaignOverview(c.getId().toString(), c.title(), c.phaseAt(now).label(),
						timeLeft(c.calendar(), now), c.envelope().formatted(), allFigures(c.getId())))
				.toList();
	}

	/** How long the current phase still lasts, or how long until the campaign opens, in French; null at the end. */
	@Nullable String timeLeft(CampaignCalendar calendar, Instant now) {
		return switch (calendar.phaseAt(now)) {
			case ANNOUNCED -> days("governance.wayfinding.left.opens", now, calendar.contributions().opens());
			case CONTRIBUTIONS -> days("governance.wayfinding.left.contributions", now, calendar.contributions().closes());
			case CURATION -> days("governance.wayfinding.left.supportsOpen", now, calendar.supports().opens());
			case SUPPORTS -> days("governance.wayfinding.left.supports", now, calendar.supports().closes());
			case SHORTLIST -> days("governance.wayfinding.left.shortlist", now, startOf(calendar.shortlistDecision()));
			case REFERENT_APPLICATIONS ->
				days("governance.wayfinding.left.referents", now, calendar.referentApplications().closes());
			case WORKING_GROUPS -> days("governance.wayfinding.left.funding", now, startOf(calendar.fundingDecision()));
			case FUNDING -> null;
		};
	}

	private String days(String key, Instant now, Instant until) {
		// whole days left, rounded up: a window closing tonight has "1 jour" left, not 0
		var hours = Math.max(0, Duration.between(now, until).toHours());
		var days = (hours + 23) / 24;
		return texts.text(key, days);
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(Window.PARIS).toInstant();
	}
}
