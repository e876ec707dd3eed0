package cocon.voting;

import java.time.Instant;
import java.util.List;

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
	private final Proposals proposals;
	private final SupportRepository supports;
	private final SupportFeed feed;

	VotingListeners(JdbcClient jdbc, Proposals proposals, SupportRepository supports, SupportFeed feed) {
		this.jdbc = jdbc;
		this.proposals = proposals;
		this.supports = supports;
		this.feed = feed;
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
		proposals.keep(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		proposals.keep(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.revisedAt());
	}

	/**
	 * Moves the supports of the absorbed proposal to the survivor (a collectivité that supported both counts once),
	 * and publishes the new counts of both: the other modules learn them from voting only.
	 */
	@ApplicationModuleListener
	void on(ProposalsMerged event) {
		if (event.survivorId().equals(event.absorbedId())) {
			return;
		}
		if (supports.merge(event.survivorId(), event.absorbedId(), event.campaignId(), event.mergedBy(),
				event.mergedAt())) {
			feed.publishCounts(event.campaignId(), List.of(event.survivorId(), event.absorbedId()));
		}
	}
}
