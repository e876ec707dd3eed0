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
import cocon.governance.events.CampaignSnapshot;
import cocon.shared.NewestCopy;

/**
 * Keeps voting's copy of campaigns and published proposals from governance's and curation's events. Every
 * listener is idempotent and tolerates events delivered out of order: an older calendar or content never
 * overwrites a newer one.
 */
@Component
class Catalog {

	private final JdbcClient jdbc;
	private final StandingsCache standings;

	Catalog(JdbcClient jdbc, StandingsCache standings) {
		this.jdbc = jdbc;
		this.standings = standings;
	}

	@ApplicationModuleListener
	void on(CampaignScheduled event) {
		keep(event.campaign());
	}

	@ApplicationModuleListener
	void on(CalendarChanged event) {
		keep(event.campaign());
	}

	/** The newest snapshot of the campaign wins, whatever order the events arrive in (ADR 0018). */
	private void keep(CampaignSnapshot campaign) {
		var kinds = campaign.supportKinds().isEmpty() ? VotingCampaign.DEFAULT_SUPPORT_KINDS : campaign.supportKinds();
		NewestCopy.of(jdbc, "voting.campaign", "id", campaign.id().id())
				.set("title", campaign.title())
				.set("support_kinds", kinds.stream().map(Enum::name).sorted().toList())
				.set("supports_open", campaign.calendar().supports().opens())
				.set("supports_close", campaign.calendar().supports().closes())
				.write(campaign.asOf());
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
