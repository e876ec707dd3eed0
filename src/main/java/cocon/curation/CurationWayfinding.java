package cocon.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import cocon.shared.wayfinding.CampaignFigure;
import cocon.shared.wayfinding.CampaignLink;
import cocon.shared.wayfinding.CampaignSections;
import cocon.shared.wayfinding.WayfindingTexts;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/**
 * Curation's part of the wayfinding pages: for curators, the contributions waiting for triage and the proposals
 * waiting for publication, per campaign; on the hub, the published proposals, the funnel and the triage queue.
 */
@Component
class CurationWayfinding implements WorkItems, CampaignSections {

	private final JdbcClient jdbc;
	private final WayfindingTexts texts;

	CurationWayfinding(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.texts = new WayfindingTexts(messages);
	}

	private record Backlog(UUID campaign, String title, long pending, long drafts) {
	}

	@Override
	public List<WorkItem> of(CurrentUser user) {
		if (!user.hasRole(Role.CURATOR)) {
			return List.of();
		}
		var group = texts.text("curation.wayfinding.group");
		var items = new ArrayList<WorkItem>();
		jdbc.sql("""
				select c.id, c.title,
				       (select count(*) from curation.contribution k where k.campaign_id = c.id and k.outcome = 'PENDING'),
				       (select count(*) from curation.proposal p where p.campaign_id = c.id and p.status = 'DRAFT')
				from curation.campaign c order by c.title""")
				.query((rs, n) -> new Backlog(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4)))
				.list()
				.forEach(b -> {
					var queue = "/curation/campagnes/" + b.campaign();
					if (b.pending() > 0) {
						items.add(new WorkItem(group, texts.text("curation.wayfinding.pending", b.pending()), queue, b.title(), true));
					}
					if (b.drafts() > 0) {
						items.add(new WorkItem(group, texts.text("curation.wayfinding.drafts", b.drafts()), queue, b.title(), true));
					}
					if (b.pending() == 0 && b.drafts() == 0) {
						items.add(new WorkItem(group, texts.text("curation.wayfinding.queue"), queue, b.title(), false));
					}
				});
		return items;
	}

	@Override
	public List<CampaignFigure> figures(CampaignId campaign) {
		var published = jdbc.sql("select count(*) from curation.proposal where campaign_id = ? and status = 'PUBLISHED'")
				.param(campaign.id()).query(Long.class).single();
		return List.of(new CampaignFigure(20, published, texts.text("curation.wayfinding.published", published)));
	}

	@Override
	public List<CampaignLink> links(CampaignId campaign, CampaignCalendar.Phase phase, @Nullable CurrentUser user) {
		var links = new ArrayList<CampaignLink>();
		links.add(new CampaignLink(30, texts.text("curation.wayfinding.hub.funnel"), "/campagnes/" + campaign.id() + "/entonnoir",
				texts.text("curation.wayfinding.hub.funnel.help"), false));
		if (user != null && user.hasRole(Role.CURATOR)) {
			var triage = phase == CampaignCalendar.Phase.CONTRIBUTIONS || phase == CampaignCalendar.Phase.CURATION;
			links.add(new CampaignLink(60, texts.text("curation.wayfinding.hub.queue"), "/curation/campagnes/" + campaign.id(),
					texts.text("curation.wayfinding.hub.queue.help"), triage));
		}
		return links;
	}
}
