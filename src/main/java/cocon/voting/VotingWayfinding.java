package cocon.voting;

import java.time.Clock;
import java.time.Instant;
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
 * Voting's part of the wayfinding pages: the campaigns open for this collectivité's supports (with how many it
 * gave) on "Mon espace"; the supports count, the proposals, the ranking and the curve on the campaign hub.
 */
@Component
class VotingWayfinding implements WorkItems, CampaignSections {

	private final JdbcClient jdbc;
	private final Standings standings;
	private final WayfindingTexts texts;
	private final Clock clock;

	VotingWayfinding(JdbcClient jdbc, Standings standings, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.standings = standings;
		this.texts = new WayfindingTexts(messages);
		this.clock = clock;
	}

	private record Open(UUID id, String title, Instant closes, long given) {
	}

	@Override
	public List<WorkItem> of(CurrentUser user) {
		var organisation = user.organisation();
		if (!user.hasRole(Role.AGENT) || organisation == null) {
			return List.of();
		}
		var now = Timestamps.column(clock.instant());
		var group = texts.text("voting.wayfinding.group");
		return jdbc.sql("""
				select c.id, c.title, c.supports_close,
				       (select count(*) from voting.support s where s.siren = ? and s.campaign_id = c.id)
				from voting.campaign c
				where c.supports_open <= ? and c.supports_close >= ? and ? = any (c.support_kinds)
				order by c.supports_close""")
				.params(organisation.siren().value(), now, now, organisation.kind().name())
				.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getString(2), Timestamps.instant(rs, 3),
						rs.getLong(4)))
				.list().stream()
				.map(c -> new WorkItem(group, texts.text("voting.wayfinding.support", c.title()), "/ma-collectivite?campagne=" + c.id(),
						texts.text("voting.wayfinding.given", c.given(), texts.deadline(c.closes())), true))
				.toList();
	}

	@Override
	public List<CampaignFigure> figures(CampaignId campaign) {
		var supports = standings.proposals(campaign).stream().mapToLong(Standings.ProposalCount::supportCount).sum();
		return List.of(new CampaignFigure(30, supports, texts.text("voting.wayfinding.supports", supports)));
	}

	@Override
	public List<CampaignLink> links(CampaignId campaign, CampaignCalendar.Phase phase, @Nullable CurrentUser user) {
		var links = new ArrayList<CampaignLink>();
		var base = "/campagnes/" + campaign.id();
		var supporter = user != null && user.hasRole(Role.AGENT) && user.organisation() != null
				&& eligible(campaign, user);
		if (phase == CampaignCalendar.Phase.SUPPORTS && supporter) {
			links.add(new CampaignLink(5, texts.text("voting.wayfinding.hub.support"), "/ma-collectivite?campagne=" + campaign.id(),
					texts.text("voting.wayfinding.hub.support.help"), true));
		}
		links.add(new CampaignLink(20, texts.text("voting.wayfinding.hub.proposals"), base + "/propositions",
				texts.text("voting.wayfinding.hub.proposals.help"), false));
		links.add(new CampaignLink(21, texts.text("voting.wayfinding.hub.ranking"), base + "/propositions#classement",
				texts.text("voting.wayfinding.hub.ranking.help"), false));
		links.add(new CampaignLink(31, texts.text("voting.wayfinding.hub.overtime"), base + "/soutiens-dans-le-temps",
				texts.text("voting.wayfinding.hub.overtime.help"), false));
		links.add(new CampaignLink(32, texts.text("voting.wayfinding.hub.map"), base + "/carte",
				texts.text("voting.wayfinding.hub.map.help"), false));
		return links;
	}

	private boolean eligible(CampaignId campaign, CurrentUser user) {
		return jdbc.sql("select count(*) from voting.campaign where id = ? and ? = any (support_kinds)")
				.params(campaign.id(), user.organisation().kind().name()).query(Long.class).single() > 0;
	}
}
