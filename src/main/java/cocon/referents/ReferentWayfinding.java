package cocon.referents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
 * The referent territories' part of the wayfinding pages: the invitations to apply still open and the working
 * groups the collectivité belongs to on "Mon espace"; the referent territories and the calls on the campaign hub.
 */
@Component
class ReferentWayfinding implements WorkItems, CampaignSections {

	private final JdbcClient jdbc;
	private final WayfindingTexts texts;
	private final Clock clock;
	private final WorkingGroupQueries queries;

	ReferentWayfinding(JdbcClient jdbc, MessageSource messages, Clock clock, WorkingGroupQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.texts = new WayfindingTexts(messages);
		this.clock = clock;
	}

	private record Call(UUID proposal, String title) {
	}

	@Override
	public List<WorkItem> of(CurrentUser user) {
		var organisation = user.organisation();
		if (!user.hasRole(Role.AGENT) || organisation == null) {
			return List.of();
		}
		var group = texts.text("referents.wayfinding.group");
		var siren = organisation.siren().value();
		var now = Timestamps.column(clock.instant());
		var items = new ArrayList<WorkItem>();
		jdbc.sql("""
				select c.proposal_id, c.proposal_title from referents.invitation i
				join referents.referent_call c on c.proposal_id = i.proposal_id and c.status = 'OPEN'
				join referents.campaign k on k.campaign_id = c.campaign_id
				where i.siren = ? and k.applications_opens <= ? and k.applications_closes >= ?
				  and not exists (select 1 from referents.referent_territory t
				                  where t.proposal_id = c.proposal_id and t.siren = i.siren)
				order by c.proposal_title""")
				.params(siren, now, now)
				.query((rs, n) -> new Call(rs.getObject(1, UUID.class), rs.getString(2))).list()
				.forEach(c -> items.add(new WorkItem(group, texts.text("referents.wayfinding.invited", c.title()),
						"/ma-collectivite/territoires-referents", texts.text("referents.wayfinding.invited.help"), true)));
		// an eligible collectivité sees the open calls it was not invited to as well (issue 25, point 6): applying
		// needs no support given beforehand
		var invited = items.size();
		var open = queries.openCallsFor(organisation.siren(), organisation.kind());
		if (open.size() > invited) {
			var closes = open.stream().map(WorkingGroupQueries.CallView::closes).filter(java.util.Objects::nonNull)
					.min(java.util.Comparator.naturalOrder()).orElse(null);
			var until = closes == null ? "" : cocon.shared.FrenchDates.dateTime(closes);
			items.add(new WorkItem(group, texts.text("referents.wayfinding.open", open.size()),
					"/ma-collectivite/territoires-referents",
					texts.text(organisation.verified() ? "referents.wayfinding.open.help" : "referents.wayfinding.open.unverified",
							until), true));
		}
		jdbc.sql("""
				select t.proposal_id, c.proposal_title from referents.referent_territory t
				join referents.referent_call c on c.proposal_id = t.proposal_id
				where t.siren = ? order by c.proposal_title""")
				.param(siren)
				.query((rs, n) -> new Call(rs.getObject(1, UUID.class), rs.getString(2))).list()
				.forEach(c -> items.add(new WorkItem(group, texts.text("referents.wayfinding.member", c.title()),
						"/propositions/" + c.proposal() + "/groupe-de-travail", null, false)));
		return items;
	}

	@Override
	public List<CampaignFigure> figures(CampaignId campaign) {
		var referents = jdbc.sql("select count(distinct siren) from referents.referent_territory where campaign_id = ?")
				.param(campaign.id()).query(Long.class).single();
		if (referents == 0) {
			return List.of();
		}
		return List.of(new CampaignFigure(45, referents, texts.text("referents.wayfinding.referents", referents)));
	}

	@Override
	public List<CampaignLink> links(CampaignId campaign, CampaignCalendar.Phase phase, @Nullable CurrentUser user) {
		var links = new ArrayList<CampaignLink>();
		var agent = user != null && user.hasRole(Role.AGENT) && user.organisation() != null;
		if (phase == CampaignCalendar.Phase.REFERENT_APPLICATIONS && agent) {
			links.add(new CampaignLink(6, texts.text("referents.wayfinding.hub.apply"), "/ma-collectivite/territoires-referents",
					texts.text("referents.wayfinding.hub.apply.help"), true));
		}
		var calls = jdbc.sql("select count(*) from referents.referent_call where campaign_id = ? and status = 'OPEN'")
				.param(campaign.id()).query(Long.class).single();
		if (calls > 0) {
			links.add(new CampaignLink(45, texts.text("referents.wayfinding.hub.groups"), "/territoires-referents",
					texts.text("referents.wayfinding.hub.groups.help", calls), false));
		}
		return links;
	}
}
