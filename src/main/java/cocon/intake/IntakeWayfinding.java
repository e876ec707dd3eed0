package cocon.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.shared.wayfinding.CampaignFigure;
import cocon.shared.wayfinding.CampaignLink;
import cocon.shared.wayfinding.CampaignSections;
import cocon.shared.wayfinding.WayfindingTexts;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/**
 * Intake's part of the wayfinding pages: the campaigns open to contributions and the person's own contributions
 * with their outcomes on "Mon espace"; the count received and the "Contribuer" action on the campaign hub.
 */
@Component
class IntakeWayfinding implements WorkItems, CampaignSections {

	private final JdbcClient jdbc;
	private final WayfindingTexts texts;
	private final Clock clock;

	IntakeWayfinding(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.texts = new WayfindingTexts(messages);
		this.clock = clock;
	}

	private record OpenCampaign(java.util.UUID id, String title, java.time.Instant closes) {
	}

	private record Outcomes(long total, long pending, long grouped, long reoriented, long rejected) {
	}

	@Override
	public List<WorkItem> of(CurrentUser user) {
		if (!user.hasRole(Role.AGENT)) {
			return List.of();
		}
		var group = texts.text("intake.wayfinding.group");
		var items = new ArrayList<WorkItem>();
		var now = clock.instant();
		jdbc.sql("""
				select id, title, contributions_closes from intake.campaign
				where contributions_opens <= ? and contributions_closes >= ? order by contributions_closes""")
				.params(Timestamps.column(now), Timestamps.column(now))
				.query((rs, n) -> new OpenCampaign(rs.getObject(1, java.util.UUID.class), rs.getString(2),
						Timestamps.instant(rs, 3)))
				.list()
				.forEach(c -> items.add(new WorkItem(group, texts.text("intake.wayfinding.contribute", c.title()),
						"/campagnes/" + c.id() + "/contribuer", texts.text("intake.wayfinding.until", texts.deadline(c.closes())),
						true)));
		var outcomes = jdbc.sql("""
				select count(*), count(*) filter (where outcome = 'PENDING'), count(*) filter (where outcome = 'GROUPED'),
				       count(*) filter (where outcome = 'REORIENTED'), count(*) filter (where outcome = 'REJECTED')
				from intake.contribution where author_username = ?""")
				.param(user.username())
				.query((rs, n) -> new Outcomes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
				.single();
		if (outcomes.total() > 0) {
			items.add(new WorkItem(group, texts.text("intake.wayfinding.mine", outcomes.total()), "/mes-contributions",
					texts.text("intake.wayfinding.outcomes", outcomes.pending(), outcomes.grouped(), outcomes.reoriented(),
							outcomes.rejected()),
					false));
		}
		return items;
	}

	@Override
	public List<CampaignFigure> figures(CampaignId campaign) {
		var received = jdbc.sql("select count(*) from intake.contribution where campaign_id = ?").param(campaign.id())
				.query(Long.class).single();
		return List.of(new CampaignFigure(10, received, texts.text("intake.wayfinding.received", received)));
	}

	@Override
	public List<CampaignLink> links(CampaignId campaign, CampaignCalendar.Phase phase, @Nullable CurrentUser user) {
		var links = new ArrayList<CampaignLink>();
		var contributor = user == null || user.hasRole(Role.AGENT);
		if (phase == CampaignCalendar.Phase.CONTRIBUTIONS && contributor) {
			links.add(new CampaignLink(10, texts.text("intake.wayfinding.hub.contribute"),
					"/campagnes/" + campaign.id() + "/contribuer", texts.text("intake.wayfinding.hub.contribute.help"), true));
		}
		if (user != null && user.hasRole(Role.AGENT)) {
			links.add(new CampaignLink(11, texts.text("intake.wayfinding.hub.mine"), "/mes-contributions",
					texts.text("intake.wayfinding.hub.mine.help"), false));
		}
		if (user != null && user.hasRole(Role.CURATOR)) {
			links.add(new CampaignLink(61, texts.text("intake.wayfinding.hub.import"),
					"/curation/campagnes/" + campaign.id() + "/import", null, false));
		}
		return links;
	}
}
