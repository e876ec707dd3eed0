package cocon.voting;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.governance.events.CalendarChanged;
import cocon.governance.events.CampaignScheduled;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;

/**
 * Keeps voting's copy of campaigns and published proposals from governance's and curation's events. Every
 * listener is idempotent and tolerates events delivered out of order: an older calendar or content never
 * overwrites a newer one.
 */
@Component
class VotingListeners {

	private final JdbcClient jdbc;
	private final StandingsCache standings;

	VotingListeners(JdbcClient jdbc, StandingsCache standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	@ApplicationModuleListener
	void on(CampaignScheduled event) {
		var kinds = event.supportKinds() == null || event.supportKinds().isEmpty() ? VotingCampaign.DEFAULT_SUPPORT_KINDS
				: event.supportKinds();
		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, calendar_as_of)
				values (:id, :title, string_to_array(:kinds, ','), :opens, :closes, :asOf)
				on conflict (id) do update set title = excluded.title, support_kinds = excluded.support_kinds,
				  supports_open = case when excluded.calendar_as_of >= voting.campaign.calendar_as_of
				                  then excluded.supports_open else voting.campaign.supports_open end,
				  supports_close = case when excluded.calendar_as_of >= voting.campaign.calendar_as_of
				                  then excluded.supports_close else voting.campaign.supports_close end,
				  calendar_as_of = greatest(excluded.calendar_as_of, voting.campaign.calendar_as_of)""")
				.param("id", event.campaignId().id())
				.param("title", event.title())
				.param("kinds", SupportRepository.joined(kinds))
				.param("opens", SupportRepository.timestamp(event.calendar().supports().opens()))
				.param("closes", SupportRepository.timestamp(event.calendar().supports().closes()))
				.param("asOf", SupportRepository.timestamp(event.scheduledAt()))
				.update();
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		changeCalendar(event.campaignId(), event.calendar(), event.changedAt());
	}

	private void changeCalendar(CampaignId id, CampaignCalendar calendar, Instant asOf) {
		// a calendar change for a campaign not known yet waits for CampaignScheduled, which carries the title and
		// kinds: store it with the defaults, the later CampaignScheduled keeps the newer calendar
		jdbc.sql("""
				insert into voting.campaign (id, title, support_kinds, supports_open, supports_close, calendar_as_of)
				values (:id, '', string_to_array(:kinds, ','), :opens, :closes, :asOf)
				on conflict (id) do update set supports_open = excluded.supports_open,
				  supports_close = excluded.supports_close, calendar_as_of = excluded.calendar_as_of
				where voting.campaign.calendar_as_of <= excluded.calendar_as_of""")
				.param("id", id.id())
				.param("kinds", SupportRepository.joined(VotingCampaign.DEFAULT_SUPPORT_KINDS))
				.param("opens", SupportRepository.timestamp(calendar.supports().opens()))
				.param("closes", SupportRepository.timestamp(calendar.supports().closes()))
				.param("asOf", SupportRepository.timestamp(asOf))
				.update();
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		upsertProposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(), event.theme(),
				event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		upsertProposal(event.proposalId().id(), event.campaignId().id(), event.title(), event.summary(), event.theme(),
				event.revisedAt());
	}

	private void upsertProposal(UUID id, UUID campaignId, String title, String summary, String theme, Instant asOf) {
		standings.changed();
		jdbc.sql("""
				insert into voting.proposal (id, campaign_id, title, summary, theme, published_at, content_as_of)
				values (:id, :campaign, :title, :summary, :theme, :asOf, :asOf)
				on conflict (id) do update set title = excluded.title, summary = excluded.summary,
				  theme = excluded.theme, content_as_of = excluded.content_as_of,
				  published_at = least(voting.proposal.published_at, excluded.published_at)
				where voting.proposal.content_as_of <= excluded.content_as_of""")
				.param("id", id)
				.param("campaign", campaignId)
				.param("title", title)
				.param("summary", summary)
				.param("theme", theme)
				.param("asOf", SupportRepository.timestamp(asOf))
				.update();
	}

	/**
	 * Moves the supports of the absorbed proposal to the survivor: a collectivité that supported both counts once;
	 * every moved or duplicate support is kept in the history with who merged and when (invariant 4).
	 */
	@ApplicationModuleListener
	void on(ProposalsMerged event) {
		var survivor = event.survivorId().id();
		var absorbed = event.absorbedId().id();
		if (survivor.equals(absorbed)) {
			return;
		}
		standings.changed();
		// wait for the supports being written and hold new ones until the merge commits: none is lost
		jdbc.sql("lock table voting.support in share row exclusive mode").update();
		var marked = jdbc.sql("""
				update voting.proposal set merged_into = :survivor, merged_by = :by, merged_at = :at
				where id = :absorbed and merged_into is null""")
				.param("survivor", survivor)
				.param("absorbed", absorbed)
				.param("by", event.mergedBy())
				.param("at", SupportRepository.timestamp(event.mergedAt()))
				.update();
		if (marked == 0 && jdbc.sql("select count(*) from voting.proposal where id = ?").param(absorbed)
				.query(Long.class).single() > 0) {
			return; // already merged: this is a second delivery
		}
		if (marked == 0) {
			// curation merged a proposal voting never saw published: remember it as merged all the same
			jdbc.sql("""
					insert into voting.proposal (id, campaign_id, title, published_at, content_as_of, merged_into,
					                             merged_by, merged_at)
					values (:absorbed, :campaign, '', :at, :at, :survivor, :by, :at) on conflict do nothing""")
					.param("absorbed", absorbed)
					.param("campaign", event.campaignId().id())
					.param("survivor", survivor)
					.param("by", event.mergedBy())
					.param("at", SupportRepository.timestamp(event.mergedAt()))
					.update();
		}
		jdbc.sql("""
				with moved as (
				  insert into voting.support (proposal_id, siren, campaign_id, name, kind, departement, region, population,
				                              supported_by, supported_at)
				  select :survivor, siren, campaign_id, name, kind, departement, region, population, supported_by, supported_at
				  from voting.support where proposal_id = :absorbed
				  on conflict do nothing
				  returning siren
				)
				insert into voting.support_history (proposal_id, siren, campaign_id, name, kind, departement, region,
				    population, supported_by, supported_at, ended_by, ended_at, reason, merged_into)
				select s.proposal_id, s.siren, s.campaign_id, s.name, s.kind, s.departement, s.region, s.population,
				       s.supported_by, s.supported_at, :by, :at,
				       case when m.siren is null then 'DUPLICATE_AFTER_MERGE' else 'MOVED_BY_MERGE' end, :survivor
				from voting.support s left join moved m on m.siren = s.siren
				where s.proposal_id = :absorbed""")
				.param("survivor", survivor)
				.param("absorbed", absorbed)
				.param("by", event.mergedBy())
				.param("at", SupportRepository.timestamp(event.mergedAt()))
				.update();
		jdbc.sql("delete from voting.support where proposal_id = ?").param(absorbed).update();
		jdbc.sql("delete from voting.tally where proposal_id in (?, ?)").params(survivor, absorbed).update();
		jdbc.sql("""
				insert into voting.tally (proposal_id, kind, region, stripe, support_count, population)
				select proposal_id, kind, region, (siren::int % 4)::smallint, count(*), sum(population)
				from voting.support where proposal_id = ? group by 1, 2, 3, 4""")
				.param(survivor)
				.update();
	}
}
